package dev.kizuna.health.internal;

import dev.kizuna.core.internal.json.JsonIn;

/**
 * The paths of values in a definition document, such as {@code measures[2].weight} or
 * {@code signals['custom.api_calls'].min}: the one spelling every reader and the parser's own checks use. The steps
 * are those of cs-core's JSON paths ({@link JsonIn#step}); a definition's paths leave out the leading {@code $.}.
 */
public final class DocumentPaths {
    private DocumentPaths() {
    }

    /**
     * Returns the path of {@code field} in the object at {@code path}: {@code path.field} for names of letters, digits
     * and '_', else {@code path['field']} (at the root, {@code field} and {@code $['field']}).
     */
    public static String child(String path, String field) {
        String step = JsonIn.step(field);
        if (path.isEmpty()) {
            return step.startsWith(".") ? step.substring(1) : "$" + step;
        }
        return path + step;
    }

    /** Returns the path of element {@code index} of the array at {@code path}, such as {@code measures[2]}. */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }
}
