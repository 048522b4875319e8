package dev.kizuna.metrics.cohort;

/**
 * The Kaplan-Meier estimate at one observed time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time          the time
 * @param atRisk        subjects still observed just before {@code time}
 * @param events        events at {@code time}
 * @param censored      observations censored at {@code time} (counted at risk at {@code time}: events come first)
 * @param survival      {@code S(time)}, the estimated probability of surviving beyond {@code time}
 * @param standardError Greenwood's standard error of {@code S(time)}; 0 where the estimate is 0
 * @param lower         the lower limit of the confidence band
 * @param upper         the upper limit of the confidence band
 */
public record SurvivalStep(double time, long atRisk, long events, long censored, double survival, double standardError,
                           double lower, double upper) {

    /** Validates the parts. */
    public SurvivalStep {
        if (atRisk <= 0 || events < 0 || censored < 0 || events + censored > atRisk) {
            throw new IllegalArgumentException("at time " + time + ": events " + events + " and censored " + censored
                    + " must not exceed atRisk " + atRisk);
        }
        if (!(survival >= 0 && survival <= 1) || !(lower >= 0 && lower <= survival) || !(upper >= survival && upper <= 1)
                || !(standardError >= 0)) {
            throw new IllegalArgumentException("at time " + time + ": survival " + survival + " must lie in its band ["
                    + lower + ", " + upper + "] within [0, 1], with a standard error " + standardError + " >= 0");
        }
    }
}
