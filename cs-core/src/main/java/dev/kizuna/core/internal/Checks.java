package dev.kizuna.core.internal;

import dev.kizuna.core.Money;

import java.util.Objects;

/**
 * Argument checks shared by the value types of cs-core, so that every message has the same shape:
 * {@code field: value, why}.
 *
 * <p>Every text a value keeps is valid Unicode: a surrogate that is not half of a pair (which a JSON escape such as
 * {@code \u005Cud800} can produce) is rejected, so that text writes to UTF-8 and reads back unchanged.
 *
 * <p>In a package the module does not export: internal to cs-core.
 */
public final class Checks {
    /** The longest free text (a name, a comment, a note, an attribute value), in characters. */
    public static final int MAX_TEXT = 10_000;
    /** The longest identifier, in characters. */
    public static final int MAX_IDENTIFIER = 256;

    private static final char REPLACEMENT = 0xFFFD;

    private Checks() {
    }

    /**
     * Returns the text if it is non-null, not blank, at most 10,000 characters and valid Unicode, else throws naming
     * the field.
     */
    public static String nonBlank(String value, String field) {
        text(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        return value;
    }

    /**
     * Returns the text, which may be empty or blank, if it is at most 10,000 characters and valid Unicode (no unpaired
     * surrogate), else throws naming the field.
     */
    public static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + ": " + value.length() + " characters is over the limit of "
                    + MAX_TEXT);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                i = pairedSurrogate(value, i, field);
            }
        }
        return value;
    }

    /**
     * Returns an identifier: 1 to 256 characters of valid Unicode, no control characters and no surrounding white
     * space.
     */
    public static String identifier(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > MAX_IDENTIFIER) {
            throw new IllegalArgumentException(field + ": '" + shown(value) + "' must be 1 to " + MAX_IDENTIFIER
                    + " characters" + (value.isEmpty() ? "" : ", not " + value.length()));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(field + ": '" + shown(value) + "' must not contain control"
                        + " characters (U+" + hex(c) + " at character " + (i + 1) + ")");
            }
            if (Character.isSurrogate(c)) {
                i = pairedSurrogate(value, i, field);
            }
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(field + ": '" + value + "' must not start or end with white space");
        }
        return value;
    }

    /** Returns the index of the low half of the surrogate pair that starts at {@code i}, or throws naming the field. */
    private static int pairedSurrogate(String value, int i, String field) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            return i + 1;
        }
        throw new IllegalArgumentException(field + ": the text has an unpaired surrogate (U+" + hex(c)
                + ") at character " + (i + 1) + ", which is not valid Unicode; write the character itself, or the"
                + " two halves of its pair");
    }

    /**
     * Returns the text for a message: itself when it is short, printable and valid, else its first characters and
     * {@code "..."}, with control characters and unpaired surrogates replaced by {@code U+FFFD}.
     */
    public static String shown(String value) {
        int limit = 40;
        StringBuilder out = new StringBuilder(Math.min(value.length(), limit + 3));
        int i = 0;
        for (; i < value.length() && i < limit; i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                out.append(c).append(value.charAt(++i));
            } else {
                out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        if (i < value.length()) {
            out.append("...");
        }
        return out.toString();
    }

    private static String hex(char c) {
        return String.format(java.util.Locale.ROOT, "%04X", (int) c);
    }

    /** Returns the value if it is finite, else throws naming the field. */
    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " must be a finite number");
        }
        return value;
    }

    /** Returns the value if it is finite and not negative, else throws naming the field. */
    public static double nonNegative(double value, String field) {
        finite(value, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " must be >= 0");
        }
        return value;
    }

    /** Returns the value if it is not negative, else throws naming the field. */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " must be >= 0");
        }
        return value;
    }

    /** Returns the value if it is positive, else throws naming the field. */
    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": " + value + " must be > 0");
        }
        return value;
    }

    /** Returns the money if it is not negative, else throws naming the field. */
    public static Money nonNegative(Money value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + ": " + value + " must not be negative");
        }
        return value;
    }
}
