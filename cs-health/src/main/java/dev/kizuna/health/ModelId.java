package dev.kizuna.health;

import dev.kizuna.core.internal.Checks;

/**
 * The identity of a health model: its id and the version of its definition. A score records the model that
 * computed it, so scores from two versions of a scorecard are never confused.
 *
 * @param id      the model's id: 1 to 64 letters, digits, '_', '.' or '-'
 * @param version the definition's version, in the same alphabet, such as {@code 3} or {@code 2024-06}
 */
public record ModelId(String id, String version) {

    /** Validates the id and the version. */
    public ModelId {
        Checks.id(id, "model.id");
        Checks.id(version, "model.version");
    }

    /** Returns the identity of version {@code version} of model {@code id}. */
    public static ModelId of(String id, String version) {
        return new ModelId(id, version);
    }

    /** Returns {@code id@version}. */
    @Override
    public String toString() {
        return id + "@" + version;
    }
}
