package dev.kizuna.playbooks.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks shared by the playbook module's values, so that every message has the same shape:
 * {@code field: value, why}.
 */
public final class Checks {
    /** The longest window or delay a playbook may use: ten years. */
    public static final Duration MAX_WINDOW = Duration.ofDays(3653);

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

    /** Returns a key: 1 to 200 letters, digits, '_', '.', '-' or '/', starting with a letter or digit. */
    public static String key(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!matches(value, 200, true)) {
            throw new IllegalArgumentException(field + ": '" + shorten(value) + "' is not a key: 1 to 200 letters,"
                    + " digits, '_', '.', '-' or '/', starting with a letter or digit");
        }
        return value;
    }

    /** Returns whether {@code value} is a valid id (see {@link #id}). */
    public static boolean isId(String value) {
        return matches(value, 64, false);
    }

    /**
     * Checks the id and key syntax by hand rather than with a regular expression: ids are checked every time an
     * evaluation builds a result, and a matcher would allocate.
     */
    private static boolean matches(String value, int maxLength, boolean slash) {
        int n = value.length();
        if (n == 0 || n > maxLength || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '_' && c != '.' && c != '-' && !(slash && c == '/')) {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Returns the text if it is not blank and at most 10,000 characters. */
    public static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
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

    /** Returns the value if it is at least 1. */
    public static int positive(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + ": " + value + " must be >= 1");
        }
        return value;
    }

    /** Returns the value if it is at least 0. */
    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " must be >= 0");
        }
        return value;
    }

    /** Returns a window: positive and at most {@link #MAX_WINDOW}. */
    public static Duration window(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isZero() || value.isNegative() || value.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(field + ": " + Numbers.duration(value) + " is not a possible window: it must be positive"
                    + " and at most " + MAX_WINDOW.toDays() + " days");
        }
        return value;
    }

    /** Returns a delay or cooldown: zero or positive, and at most {@link #MAX_WINDOW}. */
    public static Duration delay(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(field + ": " + Numbers.duration(value) + " must be from zero to "
                    + MAX_WINDOW.toDays() + " days");
        }
        return value;
    }

    /** Returns at most the first 60 characters of {@code value}, for messages. */
    public static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
