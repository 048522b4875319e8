package dev.kizuna.health.backtest;

import java.time.Instant;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A backtest that can judge nothing, thrown instead of a report whose figures would all be undefined (NaN): there is
 * no snapshot, every snapshot is censored, no uncensored snapshot has a score, or the judged snapshots hold no event
 * (or only events), so there is nothing to tell apart. The message says which and why, with the counts; a caller
 * that wants to say what to do in its own terms (a command-line option, a form field) reads {@link #reason()}, the
 * counts, the horizon and the end of observation.
 */
public final class NothingToJudgeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why nothing could be judged. */
    public enum Reason {
        /** There is no snapshot (or score) at all. */
        NO_SNAPSHOTS,
        /** Every snapshot is censored: its horizon ends after the end of observation. */
        ALL_CENSORED,
        /** No uncensored snapshot has a score: the model had insufficient data for each. */
        NONE_SCORED,
        /** No judged snapshot was followed by an event within the horizon. */
        NO_EVENTS,
        /** Every judged snapshot was followed by an event within the horizon. */
        ONLY_EVENTS
    }

    private final Reason reason;
    private final int snapshots;
    private final int censored;
    private final int judged;
    private final Period horizon;
    private final Instant endOfObservation;

    /**
     * Creates the exception.
     *
     * @param reason           why nothing could be judged
     * @param snapshots        the snapshots (or scores) given
     * @param censored         how many of them are censored
     * @param judged           how many are uncensored and scored
     * @param horizon          the backtest's horizon
     * @param endOfObservation the end of observation: outcomes are known before it
     * @param message          the explanation
     */
    NothingToJudgeException(Reason reason, int snapshots, int censored, int judged, Period horizon,
                            Instant endOfObservation, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.snapshots = snapshots;
        this.censored = censored;
        this.judged = judged;
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.endOfObservation = Objects.requireNonNull(endOfObservation, "endOfObservation");
    }

    /** Explains why a backtest's observations cannot be judged, or returns empty when they can. */
    static Optional<NothingToJudgeException> of(int snapshots, int censored, int judged, int events, Period horizon,
                                      Instant e, String event, String model) {
        if (snapshots == 0) {
            return Optional.of(new NothingToJudgeException(Reason.NO_SNAPSHOTS, snapshots, censored, judged, horizon,
                    e, "there are no snapshots to judge"));
        }
        if (censored == snapshots) {
            return Optional.of(new NothingToJudgeException(Reason.ALL_CENSORED, snapshots, censored, judged,
                    horizon, e, String.format(Locale.ROOT, "%s censored: %s horizon of %s ends after the end of observation, %s,"
                            + " so what followed %s is not known yet; observe until a later date, or shorten the"
                            + " horizon", every(snapshots), snapshots == 1 ? "its" : "their", horizon, e,
                            snapshots == 1 ? "it" : "them")));
        }
        int uncensored = snapshots - censored;
        if (judged == 0) {
            return Optional.of(new NothingToJudgeException(Reason.NONE_SCORED, snapshots, censored, judged, horizon,
                    e, String.format(Locale.ROOT, "none of the %,d uncensored snapshots has a score by %s: the model"
                            + " has insufficient data for each (%,d more are censored)", uncensored, model,
                            censored)));
        }
        if (events == 0 || events == judged) {
            return Optional.of(new NothingToJudgeException(events == 0 ? Reason.NO_EVENTS : Reason.ONLY_EVENTS,
                    snapshots, censored, judged, horizon, e, String.format(Locale.ROOT, "%s of the %,d judged snapshots %s"
                            + " followed by %s within %s, so there is nothing to tell apart: a backtest needs"
                            + " snapshots followed by the event and snapshots not followed by it",
                    events == 0 ? "none" : "every one", judged, "was", event, horizon)));
        }
        return Optional.empty();
    }

    private static String every(int n) {
        return n == 1 ? "the one snapshot is" : String.format(Locale.ROOT, "every one of the %,d snapshots is", n);
    }

    /** Returns why nothing could be judged. */
    public Reason reason() {
        return reason;
    }

    /** Returns the number of snapshots (or scores) given. */
    public int snapshots() {
        return snapshots;
    }

    /** Returns how many snapshots are censored. */
    public int censored() {
        return censored;
    }

    /** Returns how many snapshots are uncensored and scored. */
    public int judged() {
        return judged;
    }

    /** Returns the backtest's horizon. */
    public Period horizon() {
        return horizon;
    }

    /** Returns the end of observation: outcomes are known before it. */
    public Instant endOfObservation() {
        return endOfObservation;
    }
}
