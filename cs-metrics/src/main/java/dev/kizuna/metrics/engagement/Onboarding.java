package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's onboarding: when it started and, if it did, when it completed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param account   the account
 * @param started   the day onboarding started
 * @param completed the day it completed; not before {@code started}
 */
public record Onboarding(AccountId account, LocalDate started, Optional<LocalDate> completed) {

    /** Validates the dates. */
    public Onboarding {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(completed, "completed");
        if (completed.isPresent() && completed.get().isBefore(started)) {
            throw new IllegalArgumentException("completed: " + completed.get() + " is before started " + started
                    + " for account " + account);
        }
    }

    /**
     * The onboarding completion rate of the onboardings started in a window:
     * <pre>
     * completion rate = completed / started
     * </pre>
     * An onboarding counts as completed if it completed by {@code asOf}; those started after {@code asOf} or outside
     * the window are not counted.
     *
     * @param started   onboardings started in the window
     * @param completed of those, completed by {@code asOf}
     */
    public record Completion(long started, long completed) {
        /** Validates the counts. */
        public Completion {
            if (started < 0 || completed < 0 || completed > started) {
                throw new IllegalArgumentException("completed: " + completed + " must be from 0 to started " + started);
            }
        }

        /** Returns {@code completed / started}, or empty when none started. */
        public Optional<Ratio> rate() {
            return Ratio.of(completed, started);
        }
    }

    /** Returns the completion of the onboardings started in {@code window}, as known on {@code asOf}. */
    public static Completion completion(Collection<Onboarding> onboardings, DateRange window, LocalDate asOf) {
        Objects.requireNonNull(onboardings, "onboardings");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(asOf, "asOf");
        long started = 0;
        long completed = 0;
        for (Onboarding o : onboardings) {
            Objects.requireNonNull(o, "onboardings: null onboarding");
            if (!window.contains(o.started()) || o.started().isAfter(asOf)) {
                continue;
            }
            started++;
            if (o.completed().isPresent() && !o.completed().get().isAfter(asOf)) {
                completed++;
            }
        }
        return new Completion(started, completed);
    }
}
