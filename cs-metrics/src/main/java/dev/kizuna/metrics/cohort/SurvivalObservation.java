package dev.kizuna.metrics.cohort;

/**
 * One subject of a survival analysis: how long it was observed and whether the event (churn) ended the observation.
 * When {@code event} is false the observation is right-censored: the subject was still alive (paying) at
 * {@code time}, and nothing is known after.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time  the time observed, in any unit (days, months); finite and not negative
 * @param event whether the event happened at {@code time}; false for a censored observation
 */
public record SurvivalObservation(double time, boolean event) {

    /** Validates the time. */
    public SurvivalObservation {
        if (!Double.isFinite(time) || time < 0) {
            throw new IllegalArgumentException("time: " + time + " must be a finite number >= 0");
        }
    }

    /** Returns an observation that ended with the event at {@code time}. */
    public static SurvivalObservation event(double time) {
        return new SurvivalObservation(time, true);
    }

    /** Returns an observation censored at {@code time}. */
    public static SurvivalObservation censored(double time) {
        return new SurvivalObservation(time, false);
    }
}
