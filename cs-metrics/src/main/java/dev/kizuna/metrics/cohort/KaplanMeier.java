package dev.kizuna.metrics.cohort;

import dev.kizuna.core.Dates;
import dev.kizuna.metrics.ConfidenceLevel;
import dev.kizuna.metrics.revenue.CustomerHistory;
import dev.kizuna.metrics.revenue.MrrLedger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A Kaplan-Meier survival curve with right-censoring, its Greenwood confidence band, and the median lifetime.
 * <pre>
 * S(t)        = product over event times t_i &lt;= t of (1 - d_i / n_i)      n_i at risk just before t_i, d_i events
 * Var(S(t))   = S(t)^2 x sum over t_i &lt;= t of d_i / (n_i (n_i - d_i))    (Greenwood)
 * median      = the smallest time with S(t) &lt;= 0.5                        (empty if the curve stays above 0.5)
 * median band = the smallest times at which the lower and the upper band reach 0.5
 * </pre>
 * At a tied time, events come before censorings: a subject censored at {@code t} is still at risk at {@code t}. R's
 * {@code survival::survfit} and lifelines follow the same conventions; R reports the midpoint of the interval where a
 * curve is exactly 0.5, this class its start (as lifelines and Kleinbaum and Klein do). Where {@code S} reaches 0 the
 * standard error is reported as 0 and the band as [0, 0], never {@code NaN}.
 *
 * <p>For customers, {@link #customerLifetimes} turns an {@link MrrLedger} into observations: days from the first paid
 * day to the first churn, customers still paying being censored.
 *
 * <p>Immutable and thread-safe.
 *
 * @param steps    one step per distinct observed time, in time order
 * @param events   the number of events
 * @param censored the number of censored observations
 * @param level    the confidence level of the band
 * @param band     how the band is built
 */
public record KaplanMeier(List<SurvivalStep> steps, long events, long censored, ConfidenceLevel level,
                          ConfidenceBand band) {

    /** Validates and copies the parts. */
    public KaplanMeier {
        steps = List.copyOf(steps);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(band, "band");
        if (events < 0 || censored < 0) {
            throw new IllegalArgumentException("events " + events + " and censored " + censored + " must be >= 0");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (!(steps.get(i).time() > steps.get(i - 1).time())) {
                throw new IllegalArgumentException("steps[" + i + "].time: " + steps.get(i).time()
                        + " must be after the previous step's " + steps.get(i - 1).time());
            }
            if (steps.get(i).survival() > steps.get(i - 1).survival()) {
                throw new IllegalArgumentException("steps[" + i + "].survival: " + steps.get(i).survival()
                        + " must not exceed the previous step's " + steps.get(i - 1).survival());
            }
        }
    }

    /** Returns the curve of {@code observations} with a 95% {@link ConfidenceBand#LOG} band, as R computes it. */
    public static KaplanMeier fit(Collection<SurvivalObservation> observations) {
        return fit(observations, ConfidenceLevel.NINETY_FIVE, ConfidenceBand.LOG);
    }

    /** Returns the curve of {@code observations} with a band of {@code type} at {@code level}. */
    public static KaplanMeier fit(Collection<SurvivalObservation> observations, ConfidenceLevel level,
                                  ConfidenceBand type) {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(type, "type");
        List<SurvivalObservation> sorted = new ArrayList<>(observations);
        for (int i = 0; i < sorted.size(); i++) {
            Objects.requireNonNull(sorted.get(i), "observations: null observation");
        }
        sorted.sort((a, b) -> Double.compare(a.time(), b.time()));
        double z = level.z();
        long atRisk = sorted.size();
        long totalEvents = 0;
        long totalCensored = 0;
        double survival = 1;
        double greenwood = 0;
        List<SurvivalStep> steps = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            double t = sorted.get(i).time();
            long d = 0;
            long c = 0;
            while (i < sorted.size() && sorted.get(i).time() == t) {
                if (sorted.get(i).event()) {
                    d++;
                } else {
                    c++;
                }
                i++;
            }
            if (d > 0) {
                survival = d == atRisk ? 0 : survival * (1 - (double) d / atRisk);
                if (d < atRisk) {
                    greenwood += (double) d / ((double) atRisk * (atRisk - d));
                }
            }
            steps.add(step(t, atRisk, d, c, survival, greenwood, z, type));
            totalEvents += d;
            totalCensored += c;
            atRisk -= d + c;
        }
        return new KaplanMeier(steps, totalEvents, totalCensored, level, type);
    }

    private static SurvivalStep step(double t, long atRisk, long d, long c, double s, double greenwood, double z,
                                     ConfidenceBand type) {
        if (s == 0) {
            return new SurvivalStep(t, atRisk, d, c, 0, 0, 0, 0);
        }
        if (s == 1) {
            return new SurvivalStep(t, atRisk, d, c, 1, 0, 1, 1);
        }
        double sigma = Math.sqrt(greenwood);
        double se = s * sigma;
        double lower;
        double upper;
        switch (type) {
            case PLAIN -> {
                lower = s - z * se;
                upper = s + z * se;
            }
            case LOG -> {
                lower = s * Math.exp(-z * sigma);
                upper = s * Math.exp(z * sigma);
            }
            case LOG_LOG -> {
                double theta = Math.log(-Math.log(s));
                double spread = z * sigma / Math.abs(Math.log(s));
                lower = Math.exp(-Math.exp(theta + spread));
                upper = Math.exp(-Math.exp(theta - spread));
            }
            default -> throw new IllegalStateException("unknown band " + type);
        }
        return new SurvivalStep(t, atRisk, d, c, s, se, Math.max(0, Math.min(lower, s)), Math.min(1, Math.max(upper, s)));
    }

    /**
     * Returns the first lifetimes of the customers of {@code ledger} who first paid on or before {@code asOf}, in days:
     * from the first paid day to the first churn (an event), or to the end of {@code asOf} for a customer still paying
     * then (censored). A later return after churning does not extend the first lifetime.
     *
     * @throws IllegalArgumentException if {@code asOf} is outside the supported dates
     */
    public static List<SurvivalObservation> customerLifetimes(MrrLedger ledger, LocalDate asOf) {
        Objects.requireNonNull(ledger, "ledger");
        Dates.check("asOf", asOf);
        List<SurvivalObservation> lifetimes = new ArrayList<>();
        for (CustomerHistory h : ledger.histories()) {
            Optional<LocalDate> paid = h.firstPaidOn();
            if (paid.isEmpty() || paid.get().isAfter(asOf)) {
                continue;
            }
            Optional<LocalDate> churned = h.firstChurnedOn().filter(day -> !day.isAfter(asOf));
            lifetimes.add(churned.isPresent()
                    ? SurvivalObservation.event(ChronoUnit.DAYS.between(paid.get(), churned.get()))
                    : SurvivalObservation.censored(ChronoUnit.DAYS.between(paid.get(), asOf.plusDays(1))));
        }
        return List.copyOf(lifetimes);
    }

    /** Returns the number of subjects. */
    public long subjects() {
        return events + censored;
    }

    /** Returns {@code S(t)}: 1 before the first event, then the estimate of the last step at or before {@code t}. */
    public double survivalAt(double t) {
        double s = 1;
        for (SurvivalStep step : steps) {
            if (step.time() > t) {
                break;
            }
            s = step.survival();
        }
        return s;
    }

    /** Returns the median survival time, or empty if the curve never falls to 0.5. */
    public OptionalDouble median() {
        return firstTimeAtOrBelowHalf(0);
    }

    /** Returns the lower limit of the median's confidence interval (where the lower band reaches 0.5), or empty. */
    public OptionalDouble medianLower() {
        return firstTimeAtOrBelowHalf(-1);
    }

    /** Returns the upper limit of the median's confidence interval (where the upper band reaches 0.5), or empty. */
    public OptionalDouble medianUpper() {
        return firstTimeAtOrBelowHalf(1);
    }

    private OptionalDouble firstTimeAtOrBelowHalf(int which) {
        for (SurvivalStep step : steps) {
            double value = which < 0 ? step.lower() : which > 0 ? step.upper() : step.survival();
            if (value <= 0.5) {
                return OptionalDouble.of(step.time());
            }
        }
        return OptionalDouble.empty();
    }
}
