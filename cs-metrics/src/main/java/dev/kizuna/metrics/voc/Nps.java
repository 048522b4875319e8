package dev.kizuna.metrics.voc;

import dev.kizuna.metrics.ConfidenceLevel;
import dev.kizuna.metrics.Ratio;

import dev.kizuna.core.event.SurveyResponse;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Net Promoter Score: answers to "how likely are you to recommend us?" on the 0 to 10 scale, promoters answering 9
 * or 10, passives 7 or 8, detractors 0 to 6.
 * <pre>
 * NPS = 100 x (promoters - detractors) / responses                 (from -100 to +100)
 * standard error (points) = 100 x sqrt((p + d - (p - d)^2) / n)     p, d: shares of promoters and detractors
 * margin of error = z x standard error                              z = 1.96 at 95%
 * </pre>
 * The margin of error treats each response as a draw of +1, 0 or -1 and uses the normal approximation, the method of
 * genroe.com ("How to calculate NPS margin of error") and cybaea.net ("NPS confidence intervals"); it is the half-width
 * of the interval {@code NPS +/- margin}, which may reach past -100 or +100 for small samples.
 *
 * <p>Immutable and thread-safe.
 *
 * @param promoters  responses of 9 or 10
 * @param passives   responses of 7 or 8
 * @param detractors responses of 0 to 6
 */
public record Nps(long promoters, long passives, long detractors) {

    /** The lowest score on the scale. */
    public static final int MIN_SCORE = 0;
    /** The highest score on the scale. */
    public static final int MAX_SCORE = 10;

    /** Validates the counts. */
    public Nps {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("promoters " + promoters + ", passives " + passives + " and detractors "
                    + detractors + " must be >= 0");
        }
    }

    /**
     * Returns the NPS of the given scores.
     *
     * @throws IllegalArgumentException naming the position and the value of the first score off the 0-10 scale
     */
    public static Nps of(int... scores) {
        Objects.requireNonNull(scores, "scores");
        return of(IntStream.of(scores));
    }

    /**
     * Returns the NPS of the given scores.
     *
     * @throws IllegalArgumentException naming the position and the value of the first score off the 0-10 scale
     */
    public static Nps of(IntStream scores) {
        Objects.requireNonNull(scores, "scores");
        long[] counts = new long[3];
        long[] position = {0};
        scores.forEachOrdered(score -> {
            if (score < MIN_SCORE || score > MAX_SCORE) {
                throw new IllegalArgumentException("scores[" + position[0] + "]: " + score + " is off the 0-10 NPS scale");
            }
            counts[score >= 9 ? 0 : score >= 7 ? 1 : 2]++;
            position[0]++;
        });
        return new Nps(counts[0], counts[1], counts[2]);
    }

    /**
     * Returns the NPS of survey responses, all of kind {@link SurveyResponse.Kind#NPS} (whose scale is always 0 to 10).
     * Every answer counts, including several answers of one respondent; select the answers to pool (a quarter's, a
     * segment's, each respondent's latest) beforehand.
     *
     * @throws IllegalArgumentException naming the position, the kind and the account of the first answer that is not
     *                                  an NPS answer: answers of different kinds are never pooled
     */
    public static Nps of(Collection<SurveyResponse> responses) {
        long[] counts = new long[3];
        SurveyAnswers.forEach(responses, SurveyResponse.Kind.NPS, (i, r) -> counts[r.score() >= 9 ? 0 : r.score() >= 7 ? 1 : 2]++);
        return new Nps(counts[0], counts[1], counts[2]);
    }

    /** Returns the number of responses. */
    public long responses() {
        return promoters + passives + detractors;
    }

    /** Returns {@code (promoters - detractors) / responses}, from -1 to 1, or empty without responses. */
    public Optional<Ratio> ratio() {
        return Ratio.of(promoters - detractors, responses());
    }

    /** Returns the score, from -100 to +100 (exact, or half-even to 10 decimal places), or empty without responses. */
    public Optional<BigDecimal> score() {
        return ratio().map(Ratio::percent);
    }

    /** Returns the share of promoters, or empty without responses. */
    public Optional<Ratio> promoterShare() {
        return Ratio.of(promoters, responses());
    }

    /** Returns the share of detractors, or empty without responses. */
    public Optional<Ratio> detractorShare() {
        return Ratio.of(detractors, responses());
    }

    /** Returns the standard error of the score, in NPS points, or empty without responses. */
    public OptionalDouble standardError() {
        long n = responses();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double variance = Math.max(0, p + d - (p - d) * (p - d));
        return OptionalDouble.of(100 * Math.sqrt(variance / n));
    }

    /** Returns the margin of error at 95%, in NPS points, or empty without responses. */
    public OptionalDouble marginOfError() {
        return marginOfError(ConfidenceLevel.NINETY_FIVE);
    }

    /** Returns the margin of error at {@code level}, in NPS points, or empty without responses. */
    public OptionalDouble marginOfError(ConfidenceLevel level) {
        Objects.requireNonNull(level, "level");
        OptionalDouble se = standardError();
        return se.isPresent() ? OptionalDouble.of(level.z() * se.getAsDouble()) : OptionalDouble.empty();
    }
}
