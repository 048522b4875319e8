package dev.kizuna.metrics.voc;

import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.SurveyScale;
import dev.kizuna.metrics.Ratio;

import java.math.BigDecimal;
import java.util.Collection;
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

    /**
     * Returns the CSAT of survey responses, all of kind {@link SurveyResponse.Kind#CSAT} and on one scale, with the
     * top two boxes counted as satisfied ({@link CsatScale#topBoxes topBoxes(min, max, 2)}: 4 and 5 on the usual 1 to
     * 5 scale, 6 and 7 on 1 to 7). Without responses the scale is {@link CsatScale#ONE_TO_FIVE}. Use
     * {@link #of(Collection, CsatScale)} for another rule.
     *
     * @throws IllegalArgumentException naming the first response of another kind, or on another scale than the first
     */
    public static Csat of(Collection<SurveyResponse> responses) {
        Objects.requireNonNull(responses, "responses");
        if (responses.isEmpty()) {
            return new Csat(CsatScale.ONE_TO_FIVE, 0, 0, 0);
        }
        SurveyScale first = responses.iterator().next().scale();
        return of(responses, CsatScale.topBoxes(first.min(), first.max(), 2));
    }

    /**
     * Returns the CSAT of survey responses, all of kind {@link SurveyResponse.Kind#CSAT} and on the scale
     * {@code scale.min()} to {@code scale.max()}, with {@code scale}'s satisfied rule.
     *
     * @throws IllegalArgumentException naming the first response of another kind or on another scale: answers on
     *                                  different scales are never pooled
     */
    public static Csat of(Collection<SurveyResponse> responses, CsatScale scale) {
        Objects.requireNonNull(scale, "scale");
        long[] acc = new long[3];
        SurveyAnswers.forEach(responses, SurveyResponse.Kind.CSAT, (i, r) -> {
            if (r.scale().min() != scale.min() || r.scale().max() != scale.max()) {
                throw new IllegalArgumentException("responses[" + i + "]: the CSAT answer of respondent '"
                        + r.respondentId() + "' of account '" + r.account() + "' is on the scale " + r.scale()
                        + ", not " + scale + "; answers on different scales are never pooled");
            }
            if (r.score() >= scale.satisfiedFrom()) {
                acc[0]++;
            }
            acc[1]++;
            acc[2] += r.score();
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
