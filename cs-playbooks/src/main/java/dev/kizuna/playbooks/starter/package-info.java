/**
 * The starter playbooks of customer-success practice, shipped as ready definitions.
 */
@NullMarked
package dev.kizuna.playbooks.starter;

import org.jspecify.annotations.NullMarked;
