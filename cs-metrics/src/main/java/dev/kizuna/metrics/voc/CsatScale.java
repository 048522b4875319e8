package dev.kizuna.metrics.voc;

/**
 * The answer scale of a CSAT question and where "satisfied" begins. The default, {@link #ONE_TO_FIVE}, counts the top
 * two boxes (4 and 5) as satisfied.
 *
 * <p>Immutable and thread-safe.
 *
 * @param min            the lowest answer
 * @param max            the highest answer; above {@code min}
 * @param satisfiedFrom  the lowest answer counted as satisfied; above {@code min}, at most {@code max}
 */
public record CsatScale(int min, int max, int satisfiedFrom) {

    /** 1 (very dissatisfied) to 5 (very satisfied); 4 and 5 are satisfied. */
    public static final CsatScale ONE_TO_FIVE = new CsatScale(1, 5, 4);

    /** Validates the scale. */
    public CsatScale {
        if (max <= min) {
            throw new IllegalArgumentException("max: " + max + " must be above min " + min);
        }
        if (satisfiedFrom <= min || satisfiedFrom > max) {
            throw new IllegalArgumentException("satisfiedFrom: " + satisfiedFrom + " must be above min " + min
                    + " and at most max " + max);
        }
    }

    /** Returns the scale from {@code min} to {@code max} whose top {@code boxes} answers count as satisfied. */
    public static CsatScale topBoxes(int min, int max, int boxes) {
        if (boxes <= 0) {
            throw new IllegalArgumentException("boxes: " + boxes + " must be > 0");
        }
        return new CsatScale(min, max, max - boxes + 1);
    }

    /** Returns whether {@code score} is on the scale. */
    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    @Override
    public String toString() {
        return min + "-" + max + " (satisfied from " + satisfiedFrom + ")";
    }
}
