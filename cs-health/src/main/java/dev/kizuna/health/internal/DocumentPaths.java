package dev.kizuna.health.internal;

/**
 * The paths of values in a definition document, such as {@code measures[2].weight} or
 * {@code signals['custom.api_calls'].min}: the one spelling every reader and the parser's own checks use.
 */
public final class DocumentPaths {
    /** The longest field name a path shows in full; longer ones are shortened, for messages. */
    private static final int SHOWN = 64;

    private DocumentPaths() {
    }

    /**
     * Returns the path of {@code field} in the object at {@code path}: {@code path.field} for names of letters, digits
     * and '_', else {@code path['field']} (at the root, {@code field} and {@code $['field']}).
     */
    public static String child(String path, String field) {
        boolean simple = !field.isEmpty() && field.length() <= SHOWN && isSimple(field);
        if (simple) {
            return path.isEmpty() ? field : path + "." + field;
        }
        String shown = field.length() > SHOWN ? field.substring(0, SHOWN - 3) + "..." : field;
        String step = "['" + shown.replace("'", "\\'") + "']";
        return path.isEmpty() ? "$" + step : path + step;
    }

    /** Returns the path of element {@code index} of the array at {@code path}, such as {@code measures[2]}. */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    private static boolean isSimple(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }
}
