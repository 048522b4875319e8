package dev.kizuna.health.internal;

import dev.kizuna.core.internal.Numbers;

import java.util.Objects;

/**
 * Argument checks shared by the health module's values, so that every message has the same shape:
 * {@code field: value, why}.
 */
public final class Checks {
    private static final int MAX_TEXT = 10_000;

    private Checks() {
    }

    /** Returns an id: 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit. */
    public static String id(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!isId(value)) {
            throw new IllegalArgumentException(field + ": '" + shorten(value) + "' is not an id: 1 to 64 letters,"
                    + " digits, '_', '.' or '-', starting with a letter or digit");
        }
        return value;
    }

    /** Returns whether {@code value} is a valid id (see {@link #id}). */
    public static boolean isId(String value) {
        // A table rather than a regular expression: ids are checked on every contribution of every score.
        int length = value.length();
        if (length == 0 || length > 64 || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 128 || !ID_CHAR[c]) {
                return false;
            }
        }
        return true;
    }

    private static final boolean[] ID_CHAR = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ID_CHAR[c] = isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
        }
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Returns a key that names a part of a model in a result (a contribution, a lever): 1 to 64 characters, not
     * starting with white space. Cheaper than {@link #id}: results repeat ids a definition already checked.
     */
    public static String key(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > 64 || !startsVisible(value)) {
            throw new IllegalArgumentException(field + ": '" + shorten(value) + "' must be 1 to 64 characters,"
                    + " not starting with white space");
        }
        return value;
    }

    /**
     * Returns whether a non-empty {@code value} starts with a character that is not white space: without a table
     * lookup for printable ASCII, the usual first character of an id or a label (results check theirs on every
     * score).
     */
    private static boolean startsVisible(String value) {
        char first = value.charAt(0);
        return (first > ' ' && first < 0x7F) || !Character.isWhitespace(first);
    }

    /** Returns the text if it is not blank and at most 10,000 characters. */
    public static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!(!value.isEmpty() && startsVisible(value)) && value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + ": " + value.length() + " characters is over the limit of "
                    + MAX_TEXT);
        }
        return value;
    }

    /** Returns the value if it is finite. */
    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " must be a finite number");
        }
        return value;
    }

    /** Returns the value if it is finite and not negative. */
    public static double nonNegative(double value, String field) {
        finite(value, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + Numbers.plain(value) + " must be >= 0");
        }
        return value;
    }

    /** Returns the value if it is finite and positive. */
    public static double positive(double value, String field) {
        finite(value, field);
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": " + Numbers.plain(value) + " must be > 0");
        }
        return value;
    }

    /**
     * Returns the value if it lies in {@code [low, high]}; the field's name is {@code kind + " " + owner + field},
     * joined only when the check fails, so hot paths build no message.
     */
    public static double within(double value, double low, double high, String kind, String owner, String field) {
        if (!(value >= low && value <= high)) {
            within(value, low, high, kind + " " + owner + field);
        }
        return value;
    }

    /** Returns the value if it is finite; the field's name is joined only on failure, as for {@link #within}. */
    public static double finite(double value, String kind, String owner, String field) {
        if (!Double.isFinite(value)) {
            finite(value, kind + " " + owner + field);
        }
        return value;
    }

    /** Returns the value if it lies in {@code [low, high]}. */
    public static double within(double value, double low, double high, String field) {
        finite(value, field);
        if (value < low || value > high) {
            throw new IllegalArgumentException(field + ": " + Numbers.plain(value) + " must be between "
                    + Numbers.plain(low) + " and " + Numbers.plain(high));
        }
        return value;
    }

    private static String shorten(String value) {
        return value.length() > 70 ? value.substring(0, 67) + "..." : value;
    }
}
