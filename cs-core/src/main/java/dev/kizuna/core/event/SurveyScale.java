package dev.kizuna.core.event;

/**
 * The whole-number answer scale of a survey question, {@code min..max} inclusive.
 *
 * <p>NPS is always {@link #NPS 0..10}. CSAT is {@link #CSAT_DEFAULT 1..5} by default and CES
 * {@link #CES_DEFAULT 1..7}, but teams use other scales for both (CSAT on 1..3, 1..7 or 1..10, CES on 1..5), so any
 * scale with {@code min < max} is allowed for them. Immutable and thread-safe.
 *
 * @param min the lowest answer
 * @param max the highest answer, above {@code min}
 */
public record SurveyScale(int min, int max) {
    /** The Net Promoter Score scale, 0 to 10; the only scale NPS may use. */
    public static final SurveyScale NPS = new SurveyScale(0, 10);
    /** The usual customer satisfaction scale, 1 (very unsatisfied) to 5 (very satisfied). */
    public static final SurveyScale CSAT_DEFAULT = new SurveyScale(1, 5);
    /** The usual customer effort scale, 1 (strongly disagree that it was easy) to 7 (strongly agree). */
    public static final SurveyScale CES_DEFAULT = new SurveyScale(1, 7);

    /** Validates the bounds. */
    public SurveyScale {
        if (min >= max) {
            throw new IllegalArgumentException("scale.max: " + max + " must be above scale.min " + min);
        }
    }

    /** Returns the scale {@code min..max}. */
    public static SurveyScale of(int min, int max) {
        return new SurveyScale(min, max);
    }

    /** Returns whether {@code score} is on this scale. */
    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    /** Returns the number of possible answers, {@code max - min + 1}. */
    public long size() {
        return (long) max - min + 1;
    }

    /** Returns {@code "min..max"}, for example {@code "1..5"}. */
    @Override
    public String toString() {
        return min + ".." + max;
    }
}
