package dev.kizuna.health.outcome;

import dev.kizuna.core.AccountId;
import dev.kizuna.health.batch.SignalFrame;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rule that labels observations with what followed them: the rows of a {@link SignalFrame} (each an account at
 * an instant {@code t}) get the {@link Labels} that the backtest judges scores against and the logistic fitter learns
 * from.
 *
 * <pre>{@code
 * Labels labels = Labelling.churnWithin(Period.ofDays(90)).withObservedUntil(end).label(frame, outcomes);
 * }</pre>
 *
 * <p><b>Nothing from after {@code t}.</b> A row's label is whether its account had an outcome of a target type (by
 * default {@link Outcome.Type#CHURNED}) at an instant in {@code (t, t + horizon]}; an outcome at {@code t} or before is
 * not a prediction and is ignored, as is any outcome after the horizon. A row whose horizon ends after the end of
 * observation is <em>censored</em>: that its account did not churn yet says nothing. The end of observation is
 * {@link #observedUntil()} (outcomes are known before that date), or by default the latest row or outcome instant in
 * the data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param horizon       the horizon after each row within which an outcome counts; positive
 * @param targets       the outcome types that count as events; at least one
 * @param observedUntil the end of observation, exclusive, if known; else the latest instant in the data
 */
public record Labelling(Period horizon, Set<Outcome.Type> targets, Optional<LocalDate> observedUntil) {

    /**
     * Validates the parts, and copies the targets.
     *
     * @throws IllegalArgumentException if the horizon is not positive or no target is given
     */
    public Labelling {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isZero() || horizon.isNegative() || horizon.getDays() < 0 || horizon.getMonths() < 0
                || horizon.getYears() < 0) {
            throw new IllegalArgumentException("horizon: " + horizon + " must be positive");
        }
        Objects.requireNonNull(targets, "targets");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("targets: at least one outcome type must count as an event");
        }
        targets = Collections.unmodifiableSet(EnumSet.copyOf(targets));
        Objects.requireNonNull(observedUntil, "observedUntil");
    }

    /**
     * Returns the labelling of churn within {@code horizon}, with the end of observation taken from the data.
     *
     * @throws IllegalArgumentException if the horizon is not positive
     */
    public static Labelling churnWithin(Period horizon) {
        return new Labelling(horizon, EnumSet.of(Outcome.Type.CHURNED), Optional.empty());
    }

    /**
     * Returns this labelling with other outcome types counting as events.
     *
     * @throws IllegalArgumentException if none is given
     */
    public Labelling withTargets(Set<Outcome.Type> types) {
        return new Labelling(horizon, types, observedUntil);
    }

    /** Returns this labelling with the given end of observation: outcomes are known before this date (exclusive). */
    public Labelling withObservedUntil(LocalDate date) {
        return new Labelling(horizon, targets, Optional.of(Objects.requireNonNull(date, "observedUntil")));
    }

    /**
     * Labels each row of {@code frame} (its account and instant) with whether a target outcome followed within the
     * horizon, and whether it is censored.
     */
    public Labels label(SignalFrame frame, List<Outcome> outcomes) {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(outcomes, "outcomes");
        int n = frame.rows();
        Map<AccountId, List<Instant>> eventsOf = new HashMap<>();
        Instant latest = Instant.MIN;
        for (int i = 0; i < n; i++) {
            eventsOf.putIfAbsent(frame.account(i), new ArrayList<>());
            latest = frame.at(i).isAfter(latest) ? frame.at(i) : latest;
        }
        for (Outcome o : outcomes) {
            Objects.requireNonNull(o, "outcomes[]");
            Instant when = o.instant();
            latest = when.isAfter(latest) ? when : latest;
            List<Instant> events = eventsOf.get(o.account());
            if (events != null && targets.contains(o.type())) {
                events.add(when);
            }
        }
        Map<AccountId, List<Instant>> sorted = new HashMap<>();
        for (Map.Entry<AccountId, List<Instant>> e : eventsOf.entrySet()) {
            List<Instant> events = e.getValue();
            Collections.sort(events);
            sorted.put(e.getKey(), List.copyOf(events));
        }
        Instant end = observedUntil.map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(latest);
        boolean[] event = new boolean[n];
        boolean[] censored = new boolean[n];
        for (int i = 0; i < n; i++) {
            Instant at = frame.at(i);
            Instant horizonEnd = at.atOffset(ZoneOffset.UTC).plus(horizon).toInstant();
            censored[i] = horizonEnd.isAfter(end);
            List<Instant> mine = sorted.get(frame.account(i));
            int next = firstAfter(mine, at);
            event[i] = next < mine.size() && !mine.get(next).isAfter(horizonEnd);
        }
        return new Labels(frame, event, censored, horizon, end, sorted);
    }

    /** The position of the first instant strictly after {@code t} in a sorted list. */
    private static int firstAfter(List<Instant> sorted, Instant t) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).isAfter(t)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
