package dev.kizuna.health;

import dev.kizuna.health.definition.DefinitionNode;
import dev.kizuna.health.definition.DefinitionWriter;
import dev.kizuna.health.definition.ModelDefinitionParts;

import java.util.Optional;

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
     * Reads a definition of this provider's type. Every problem is recorded on the node (see {@link DefinitionNode})
     * rather than thrown, so that one read reports them all. Read the custom signals first
     * ({@link DefinitionNode#signalDeclarations()}) and keep them in the definition; read the shared parts with
     * {@link ModelDefinitionParts}; read lists of parts with {@link DefinitionNode#each}, so that no part is dropped
     * without an error.
     *
     * <p>The toolkit, not the provider, decides the outcome: when any problem was recorded, the read fails with a
     * {@link dev.kizuna.health.definition.DefinitionException} listing them all, whatever this method returned; when
     * it returns empty without recording one, the read fails with an error at the root; an
     * {@link IllegalArgumentException} it throws becomes an error at the root too. So a half-read definition never
     * reaches a model: return empty as soon as a problem makes the definition impossible to build.
     *
     * @param root the document's root object, whose {@code type} field names this provider's type (ask for it, so
     *             that {@link DefinitionNode#finish()} accepts it)
     * @return the definition, or empty after recording why on the node
     */
    Optional<? extends ModelDefinition> read(DefinitionNode root);

    /**
     * Writes a definition into {@code out}, the toolkit's writer of the document's root object, so that {@link #read}
     * reads it back to an equal definition: the shared parts with
     * {@link ModelDefinitionParts#writeHeader}, including the {@code type} field, then the model's own fields. The
     * writer is closed when this method returns.
     *
     * @throws IllegalArgumentException if the definition is not of this provider's type
     */
    void write(ModelDefinition definition, DefinitionWriter out);

    /**
     * Creates the model of a definition.
     *
     * @throws IllegalArgumentException if the definition is not of this provider's type
     */
    HealthModel create(ModelDefinition definition);
}
