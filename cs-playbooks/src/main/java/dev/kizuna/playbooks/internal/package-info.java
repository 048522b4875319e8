/**
 * Machinery of the playbooks module: argument checks, number formatting and hashing. Not exported.
 */
@NullMarked
package dev.kizuna.playbooks.internal;

import org.jspecify.annotations.NullMarked;
