package dev.kizuna.metrics.clv;

import java.util.Objects;

/**
 * The checks of one customer's history (x, t_x, T) and of the columns of a batch, shared by the transaction models
 * and the CLV, with messages of the shape {@code field: value must ...}.
 */
final class Histories {
    private Histories() {
    }

    /** Checks one customer's (x, t_x, T) for a prediction. */
    static void check(int x, double recency, double age) {
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

    /**
     * Checks row {@code i} of a batch as {@link #check} does, naming the row in the error; one comparison chain when
     * the row is valid, as nearly every row is.
     */
    static void checkRow(int i, int x, double recency, double age) {
        if (x < 0 || !(recency >= 0) || !(age >= recency) || !Double.isFinite(age)) {
            try {
                check(x, recency, age);
            } catch (IllegalArgumentException e) {
                throw atRow(i, e);
            }
        }
    }

    /** Names row {@code i} in a batch error. */
    static IllegalArgumentException atRow(int i, IllegalArgumentException e) {
        return new IllegalArgumentException("customer [" + i + "]: " + e.getMessage(), e);
    }
}
