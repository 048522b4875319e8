package dev.kizuna.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.health.definition.DefinitionNode;

/**
 * Creates health models of one type from their definitions. Providers are found with
 * {@link java.util.ServiceLoader}: declare an implementation in {@code module-info.java}
 * ({@code provides dev.kizuna.health.HealthModelProvider with ...}) and, for the class path, in
 * {@code META-INF/services/dev.kizuna.health.HealthModelProvider}. It needs a public no-argument constructor.
 *
 * <p>{@link HealthModels} chooses among providers of the same type: an explicit choice first, then the highest
 * {@link #priority()}, then the class name. Built-in providers have priority 0.
 *
 * <p>Implementations must be thread-safe; the built-in ones are stateless.
 */
public interface HealthModelProvider {

    /** Returns the type of model this provider creates, such as {@code scorecard}: the definitions' {@code type}. */
    String type();

    /** Returns the provider's priority among providers of the same type; higher wins. Built-ins return 0. */
    default int priority() {
        return 0;
    }

    /**
     * Reads a definition of this provider's type. Every problem is recorded on the node (see
     * {@link DefinitionNode}); the caller throws them all together. Read the custom signals first
     * ({@link DefinitionNode#signalDeclarations()}) and keep them in the definition, and read lists of parts with
     * {@link DefinitionNode#each}, so that no part is dropped without an error.
     *
     * @param root the document's root object, whose {@code type} field names this provider's type (ask for it, so
     *             that {@link DefinitionNode#finish()} accepts it)
     * @return the definition; an arbitrary value when problems were recorded
     */
    ModelDefinition read(DefinitionNode root);

    /**
     * Writes a definition as a tree that {@link #read} reads back to an equal definition, including the
     * {@code type} field.
     *
     * @throws IllegalArgumentException if the definition is not of this provider's type
     */
    ObjectNode write(ModelDefinition definition);

    /**
     * Creates the model of a definition.
     *
     * @throws IllegalArgumentException if the definition is not of this provider's type
     */
    HealthModel create(ModelDefinition definition);
}
