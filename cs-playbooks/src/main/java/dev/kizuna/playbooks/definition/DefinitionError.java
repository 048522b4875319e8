package dev.kizuna.playbooks.definition;

import java.util.Objects;

/**
 * One problem in a definition, at a path such as {@code measures[2].weight}.
 *
 * @param path    where the problem is, from the document's root ({@code ""} for the root itself)
 * @param message what is wrong, such as {@code -1 must be >= 0}
 */
public record DefinitionError(String path, String message) {

    /** Validates the parts. */
    public DefinitionError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Returns {@code path: message}, or just the message at the root. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
