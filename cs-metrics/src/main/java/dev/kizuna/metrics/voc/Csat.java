package dev.kizuna.metrics.voc;

import dev.kizuna.metrics.Ratio;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Customer satisfaction (CSAT): the share of responses in the satisfied boxes of a {@link CsatScale}.
 * <pre>
 * CSAT = satisfied responses / responses        (4 and 5 on the default 1-5 scale)
 * </pre>
 * The top-box share is the convention of Delighted ("How is CSAT calculated?") and most survey tools; some report the
 * mean answer instead, which {@link #mean()} gives. Delighted rounds the percentage to a whole number; this does not.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scale     the answer scale
 * @param satisfied responses at or above {@code scale.satisfiedFrom()}
 * @param responses all responses
 * @param total     the sum of all answers, for the mean
 */
public record Csat(CsatScale scale, long satisfied, long responses, long total) {

    /** Validates the counts. */
    public Csat {
        Objects.requireNonNull(scale, "scale");
        if (satisfied < 0 || responses < satisfied) {
            throw new IllegalArgumentException("satisfied: " + satisfied + " must be from 0 to responses " + responses);
        }
        if (total < responses * scale.min() || total > responses * scale.max()) {
            throw new IllegalArgumentException("total: " + total + " is impossible for " + responses
                    + " responses on the scale " + scale);
        }
    }

    /**
     * Returns the CSAT of {@code scores} on {@code scale}.
     *
     * @throws IllegalArgumentException naming the position and the value of the first score off the scale
     */
    public static Csat of(int[] scores, CsatScale scale) {
        Objects.requireNonNull(scores, "scores");
        return of(IntStream.of(scores), scale);
    }

    /**
     * Returns the CSAT of {@code scores} on {@code scale}.
     *
     * @throws IllegalArgumentException naming the position and the value of the first score off the scale
     */
    public static Csat of(IntStream scores, CsatScale scale) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(scale, "scale");
        long[] acc = new long[3];
        scores.forEachOrdered(score -> {
            if (!scale.contains(score)) {
                throw new IllegalArgumentException("scores[" + acc[1] + "]: " + score + " is off the " + scale.min()
                        + "-" + scale.max() + " CSAT scale");
            }
            if (score >= scale.satisfiedFrom()) {
                acc[0]++;
            }
            acc[1]++;
            acc[2] += score;
        });
        return new Csat(scale, acc[0], acc[1], acc[2]);
    }

    /** Returns {@code satisfied / responses}, or empty without responses. */
    public Optional<Ratio> score() {
        return Ratio.of(satisfied, responses);
    }

    /** Returns the mean answer, or empty without responses. */
    public Optional<BigDecimal> mean() {
        return Ratio.of(total, responses).map(Ratio::value);
    }
}
