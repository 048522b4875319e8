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
 * Customer effort score (CES) on Gartner's 7-point agreement scale: "the company made it easy for me to handle my
 * request", 1 strongly disagree to 7 strongly agree (gartner.com, "What's your customer effort score?"). Higher is
 * better. Two figures are reported, and they are not comparable with each other:
 * <pre>
 * mean        = sum of answers / responses                      (1 to 7)
 * agree share = responses of 5, 6 or 7 / responses              (0 to 1: somewhat agree or more)
 * </pre>
 * Older effort questions ("how much effort did you have to put forth", 1 very low to 5 very high) run the other way,
 * lower being better; this class does not read them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param responses all responses
 * @param agreeing  responses of 5 or more
 * @param total     the sum of all answers
 */
public record Ces(long responses, long agreeing, long total) {

    /** The lowest answer, strongly disagree. */
    public static final int MIN_SCORE = 1;
    /** The highest answer, strongly agree. */
    public static final int MAX_SCORE = 7;
    /** The lowest answer that agrees (somewhat agree). */
    public static final int AGREE_FROM = 5;

    /** Validates the counts. */
    public Ces {
        if (agreeing < 0 || responses < agreeing) {
            throw new IllegalArgumentException("agreeing: " + agreeing + " must be from 0 to responses " + responses);
        }
        if (total < responses * MIN_SCORE || total > responses * MAX_SCORE) {
            throw new IllegalArgumentException("total: " + total + " is impossible for " + responses
                    + " responses on the 1-7 scale");
        }
    }

    /**
     * Returns the CES of {@code scores}.
     *
     * @throws IllegalArgumentException naming the position and the value of the first score off the 1-7 scale
     */
    public static Ces of(int... scores) {
        Objects.requireNonNull(scores, "scores");
        return of(IntStream.of(scores));
    }

    /**
     * Returns the CES of {@code scores}.
     *
     * @throws IllegalArgumentException naming the position and the value of the first score off the 1-7 scale
     */
    public static Ces of(IntStream scores) {
        Objects.requireNonNull(scores, "scores");
        long[] acc = new long[3];
        scores.forEachOrdered(score -> {
            if (score < MIN_SCORE || score > MAX_SCORE) {
                throw new IllegalArgumentException("scores[" + acc[0] + "]: " + score + " is off the 1-7 CES scale");
            }
            acc[0]++;
            if (score >= AGREE_FROM) {
                acc[1]++;
            }
            acc[2] += score;
        });
        return new Ces(acc[0], acc[1], acc[2]);
    }

    /**
     * Returns the CES of survey responses, all of kind {@link SurveyResponse.Kind#CES} on the 1 to 7 agreement scale
     * ({@link SurveyScale#CES_DEFAULT}).
     *
     * @throws IllegalArgumentException naming the first response of another kind or on another scale: a 1 to 5
     *                                  effort answer does not mean what a 1 to 7 agreement answer means
     */
    public static Ces of(Collection<SurveyResponse> responses) {
        long[] acc = new long[3];
        SurveyAnswers.forEach(responses, SurveyResponse.Kind.CES, (i, r) -> {
            if (!r.scale().equals(SurveyScale.CES_DEFAULT)) {
                throw new IllegalArgumentException("responses[" + i + "]: the CES answer of respondent '"
                        + r.respondentId() + "' of account '" + r.account() + "' is on the scale " + r.scale()
                        + "; CES reads only the 1..7 agreement scale");
            }
            acc[0]++;
            if (r.score() >= AGREE_FROM) {
                acc[1]++;
            }
            acc[2] += r.score();
        });
        return new Ces(acc[0], acc[1], acc[2]);
    }

    /** Returns the mean answer, from 1 to 7, or empty without responses. */
    public Optional<BigDecimal> mean() {
        return Ratio.of(total, responses).map(Ratio::value);
    }

    /** Returns the share answering 5, 6 or 7, or empty without responses. */
    public Optional<Ratio> agreeShare() {
        return Ratio.of(agreeing, responses);
    }
}
