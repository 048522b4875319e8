package dev.kizuna.health.backtest;

import dev.kizuna.health.ModelId;
import dev.kizuna.health.outcome.Outcome;

import java.time.Period;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How well one model's scores predicted the outcomes that followed them. Immutable and thread-safe.
 *
 * <p>Each snapshot is one observation: its score at {@code t} and whether an event of a target type followed within
 * the horizon. Snapshots whose horizon reaches past the end of observation are left out ({@code censored}), as are
 * those the model could not score ({@code insufficient}, shown in {@link #bands()} only). All figures treat a lower
 * health as a higher risk; the Brier score and the calibration read {@code 1 - health / 100} as the predicted
 * probability of the event, which is exact for the logistic model and only a reading for a scorecard.
 *
 * @param model              the model
 * @param horizon            how long after each snapshot an event counts
 * @param targets            the outcome types that count as events
 * @param snapshots          every snapshot given
 * @param censored           snapshots left out because their horizon reaches past the end of observation
 * @param insufficient       uncensored snapshots without a score
 * @param observations       uncensored snapshots with a score: the data of every figure below
 * @param events             observations followed by an event within the horizon
 * @param rocAuc             the ROC AUC of the score for the events, with its interval
 * @param prAuc              the average precision, with its interval
 * @param brier              the mean of {@code (1 - health / 100 - event)²}, event 1 or 0
 * @param calibration        the ten deciles by risk, riskiest first
 * @param topDecileLift      the event rate of the riskiest decile over the overall event rate
 * @param topDecileCapture   the share of all events that fell in the riskiest decile
 * @param bands              the observations and events per band, worst first, then insufficient data
 * @param atEvent            the bands accounts were in when the events happened
 * @param resamples          the bootstrap resamples behind the intervals
 * @param confidence         the confidence level of the intervals, such as 0.95
 */
public record BacktestReport(
        ModelId model,
        Period horizon,
        Set<Outcome.Type> targets,
        int snapshots,
        int censored,
        int insufficient,
        int observations,
        int events,
        Estimate rocAuc,
        Estimate prAuc,
        double brier,
        List<Decile> calibration,
        double topDecileLift,
        double topDecileCapture,
        List<BandOutcome> bands,
        BandsAtEvent atEvent,
        int resamples,
        double confidence) {

    /** Validates the counts and copies the collections. */
    public BacktestReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(rocAuc, "rocAuc");
        Objects.requireNonNull(prAuc, "prAuc");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(atEvent, "atEvent");
        targets = Collections.unmodifiableSet(targets.isEmpty() ? EnumSet.noneOf(Outcome.Type.class)
                : EnumSet.copyOf(targets));
        calibration = List.copyOf(calibration);
        bands = List.copyOf(bands);
        if (censored + insufficient + observations != snapshots) {
            throw new IllegalArgumentException("snapshots: " + censored + " censored + " + insufficient
                    + " insufficient + " + observations + " observations do not add up to " + snapshots);
        }
        if (events < 0 || events > observations) {
            throw new IllegalArgumentException("events: " + events + " must be from 0 to the " + observations
                    + " observations");
        }
    }

    /** Returns the share of observations followed by an event; NaN without observations. */
    public double eventRate() {
        return observations == 0 ? Double.NaN : (double) events / observations;
    }
}
