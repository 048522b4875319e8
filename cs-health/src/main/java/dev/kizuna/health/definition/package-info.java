/**
 * Model definitions as data: reading JSON and YAML definitions strictly, within limits, and reporting every error
 * with its path.
 *
 * <p>A definition is a document of plain values: no expression language, no class names, no polymorphic typing,
 * no YAML tags or anchors that could build objects. It is parsed into a tree with
 * {@link dev.kizuna.health.definition.DefinitionFormat#parse}, which bounds its size and nesting depth, and read
 * field by field through {@link dev.kizuna.health.definition.DefinitionNode}, which collects every problem as a
 * {@link dev.kizuna.health.definition.DefinitionError} (such as {@code measures[2].weight: -1 must be >= 0}) instead
 * of stopping at the first. A reader that found problems throws one
 * {@link dev.kizuna.health.definition.DefinitionException} listing all of them, naming the file when it read one.
 *
 * <p>A definition loads whole or not at all: no part is dropped without an error. It may read the well-known signals
 * and the custom ones it declares ({@link dev.kizuna.health.definition.DeclaredSignals}); its numbers are bounded
 * ({@link dev.kizuna.health.definition.DefinitionLimits}) so that no score becomes infinite or NaN.
 */
@NullMarked
package dev.kizuna.health.definition;

import org.jspecify.annotations.NullMarked;
