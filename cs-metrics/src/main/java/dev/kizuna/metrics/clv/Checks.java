package dev.kizuna.metrics.clv;

import java.util.Objects;

/** Argument checks of this package, with messages of the shape {@code field: value must ...}. */
final class Checks {
    private Checks() {
    }

    /** Returns the value if it is finite and &gt; 0. */
    static double positive(double value, String field) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " must be a finite number > 0");
        }
        return value;
    }

    /** Returns the value if it is finite and &gt;= 0. */
    static double nonNegative(double value, String field) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " must be a finite number >= 0");
        }
        return value;
    }

    /**
     * Returns a parameter's name if it is 1 to 256 characters of valid Unicode without control characters: a name
     * that writes to JSON and reads back unchanged.
     */
    static String name(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > 256) {
            throw new IllegalArgumentException(field + ": a name must be 1 to 256 characters, not " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(field + ": the name has " + (Character.isSurrogate(c)
                        ? "an unpaired surrogate" : "a control character") + " (U+"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c) + ") at character " + (i + 1));
            }
        }
        return value;
    }

    /** Checks one customer's (x, t_x, T) for a prediction. */
    static void history(int x, double recency, double age) {
        if (x < 0) {
            throw new IllegalArgumentException("x: " + x + " must be >= 0");
        }
        if (!(recency >= 0) || !Double.isFinite(recency)) {
            throw new IllegalArgumentException("recency: " + recency + " must be a finite number >= 0");
        }
        if (!(age >= recency) || !Double.isFinite(age)) {
            throw new IllegalArgumentException("age: " + age + " must be a finite number >= recency " + recency);
        }
    }

    /** Checks that the columns and the output have one element per customer. */
    static void sameLength(int[] x, double[] recency, double[] age, double[] out) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(out, "out");
        int n = x.length;
        if (recency.length != n || age.length != n || out.length != n) {
            throw new IllegalArgumentException("x, recency, age, out: lengths " + n + ", " + recency.length + ", "
                    + age.length + ", " + out.length + " must be equal");
        }
    }

    /** Names row {@code i} in a batch error. */
    static IllegalArgumentException atRow(int i, IllegalArgumentException e) {
        return new IllegalArgumentException("customer [" + i + "]: " + e.getMessage(), e);
    }
}
