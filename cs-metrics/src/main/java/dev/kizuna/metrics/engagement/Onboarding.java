package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.plan.Milestone;
import dev.kizuna.core.plan.MilestoneKind;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
        Dates.check("started", started);
        Objects.requireNonNull(completed, "completed");
        completed.ifPresent(day -> Dates.check("completed", day));
        if (completed.isPresent() && completed.get().isBefore(started)) {
            throw new IllegalArgumentException("completed: " + completed.get() + " is before started " + started
                    + " for account " + account);
        }
    }

    /**
     * Returns the onboarding a cs-core {@link SuccessPlan} records: started on {@code started} (the account's
     * contract start), completed when its {@link MilestoneKind#ONBOARDING_COMPLETE} milestone was (the latest
     * completion if it has several, and only once all are completed). Empty for a plan without such a milestone (a
     * renewal plan), which tracks no onboarding.
     *
     * @throws IllegalArgumentException naming the plan, if the milestone was completed before {@code started}
     */
    public static Optional<Onboarding> of(SuccessPlan plan, LocalDate started) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(started, "started");
        List<Milestone> onboarding = plan.milestones().stream()
                .filter(m -> m.kind() == MilestoneKind.ONBOARDING_COMPLETE).toList();
        if (onboarding.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> completed = Optional.empty();
        for (Milestone m : onboarding) {
            if (m.completedOn().isEmpty()) {
                completed = Optional.empty();
                break;
            }
            if (completed.isEmpty() || m.completedOn().get().isAfter(completed.get())) {
                completed = m.completedOn();
            }
        }
        if (completed.isPresent() && completed.get().isBefore(started)) {
            throw new IllegalArgumentException("plan '" + plan.id() + "' of account '" + plan.account()
                    + "': onboarding completed on " + completed.get() + ", before it started on " + started);
        }
        return Optional.of(new Onboarding(plan.account(), started, completed));
    }

    /**
     * Returns the onboardings of the plans that track one ({@link #of(SuccessPlan, LocalDate)}), in plan order, each
     * started on its account's date in {@code contractStarts}.
     *
     * @throws IllegalArgumentException naming the plan, if its account has no contract start or it completed before
     */
    public static List<Onboarding> fromPlans(Collection<SuccessPlan> plans, Map<AccountId, LocalDate> contractStarts) {
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(contractStarts, "contractStarts");
        List<Onboarding> out = new ArrayList<>();
        for (SuccessPlan plan : plans) {
            Objects.requireNonNull(plan, "plans: null plan");
            boolean tracks = plan.milestones().stream().anyMatch(m -> m.kind() == MilestoneKind.ONBOARDING_COMPLETE);
            if (tracks) {
                of(plan, PlanStarts.contractStart(plan, contractStarts)).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
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
