/**
 * Playbooks as data: reading and writing rule sets and playbooks as JSON or YAML, strictly, within bounds, with
 * every error and its path listed. There is no expression language: conditions are a closed set of typed nodes.
 */
@NullMarked
package dev.kizuna.playbooks.definition;

import org.jspecify.annotations.NullMarked;
