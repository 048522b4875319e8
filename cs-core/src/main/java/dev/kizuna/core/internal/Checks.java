package dev.kizuna.core.internal;

import dev.kizuna.core.Money;

import java.util.Objects;

/**
 * Argument checks shared by the value types of cs-core, so that every message has the same shape:
 * {@code field: value, why}.
 *
 * <p>In a package the module does not export: internal to cs-core.
 */
public final class Checks {
    private static final int MAX_TEXT = 10_000;

    private Checks() {
    }

    /**
     * Returns the text if it is non-null, not blank and at most 10,000 characters, else throws naming the field.
     */
    public static String nonBlank(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + ": " + value.length() + " characters is over the limit of " + MAX_TEXT);
        }
        return value;
    }

    /** Returns an identifier: non-blank, at most 256 characters, no control characters and no surrounding spaces. */
    public static String identifier(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > 256) {
            throw new IllegalArgumentException(field + ": '" + value + "' must be 1 to 256 characters");
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(field + ": '" + value + "' must not start or end with white space");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + ": '" + value + "' must not contain control characters");
            }
        }
        return value;
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
