package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.plan.MilestoneKind;
import dev.kizuna.core.plan.SuccessPlan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Time to value: days from the contract start to the first-value milestone, over the accounts that reached it.
 * <pre>
 * time to value (account) = first value date - contract start date      (days)
 * median, p90             = percentiles by linear interpolation (type 7, as R, NumPy and Excel PERCENTILE.INC)
 * </pre>
 * Accounts that have not reached first value are not in the percentiles; their number is {@link #pending()}. Because
 * they are the slow ones, the median of reached accounts understates the true median while many are pending; a
 * Kaplan-Meier median ({@code dev.kizuna.metrics.cohort.KaplanMeier}) with pending accounts as censored corrects
 * that.
 *
 * <p>Immutable and thread-safe.
 *
 * @param days    the days to value of each account that reached it, in input order
 * @param pending accounts that have not reached first value
 */
public record TimeToValue(List<Long> days, long pending) {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal NINETY = new BigDecimal("0.9");

    /**
     * One account's path to first value.
     *
     * @param account       the account
     * @param contractStart the day its contract started
     * @param firstValue    the day it reached first value, not before the contract start
     */
    public record Milestone(AccountId account, LocalDate contractStart, Optional<LocalDate> firstValue) {
        /** Validates the dates. */
        public Milestone {
            Objects.requireNonNull(account, "account");
            Dates.check("contractStart", contractStart);
            Objects.requireNonNull(firstValue, "firstValue");
            firstValue.ifPresent(day -> Dates.check("firstValue", day));
            if (firstValue.isPresent() && firstValue.get().isBefore(contractStart)) {
                throw new IllegalArgumentException("firstValue: " + firstValue.get() + " is before contractStart "
                        + contractStart + " for account " + account);
            }
        }

        /**
         * Returns the path to first value a cs-core {@link SuccessPlan} records: from {@code contractStart} to the
         * earliest completion of its {@link MilestoneKind#FIRST_VALUE} milestones (not reached while none is
         * completed). Empty for a plan without such a milestone (a renewal plan), which tracks no first value.
         *
         * @throws IllegalArgumentException naming the account, if first value was completed before the contract start
         */
        public static Optional<Milestone> of(SuccessPlan plan, LocalDate contractStart) {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(contractStart, "contractStart");
            boolean tracked = false;
            Optional<LocalDate> first = Optional.empty();
            for (dev.kizuna.core.plan.Milestone m : plan.milestones()) {
                if (m.kind() != MilestoneKind.FIRST_VALUE) {
                    continue;
                }
                tracked = true;
                if (m.completedOn().isPresent() && (first.isEmpty() || m.completedOn().get().isBefore(first.get()))) {
                    first = m.completedOn();
                }
            }
            return tracked ? Optional.of(new Milestone(plan.account(), contractStart, first)) : Optional.empty();
        }
    }

    /** Validates and copies the parts. */
    public TimeToValue {
        days = List.copyOf(days);
        for (Long d : days) {
            if (d < 0) {
                throw new IllegalArgumentException("days: " + d + " must be >= 0");
            }
        }
        if (pending < 0) {
            throw new IllegalArgumentException("pending: " + pending + " must be >= 0");
        }
    }

    /** Returns the time to value of {@code milestones}. */
    public static TimeToValue of(Collection<Milestone> milestones) {
        Objects.requireNonNull(milestones, "milestones");
        List<Long> days = new ArrayList<>();
        long pending = 0;
        for (Milestone m : milestones) {
            Objects.requireNonNull(m, "milestones: null milestone");
            if (m.firstValue().isPresent()) {
                days.add(ChronoUnit.DAYS.between(m.contractStart(), m.firstValue().get()));
            } else {
                pending++;
            }
        }
        return new TimeToValue(days, pending);
    }

    /**
     * Returns the time to value of the cs-core {@link SuccessPlan}s that track a first value
     * ({@link Milestone#of(SuccessPlan, LocalDate)}), each measured from its account's date in {@code contractStarts}
     * (for example the account's first subscription start). Plans without a first-value milestone are not in it.
     *
     * @throws IllegalArgumentException naming the plan, if its account has no contract start, or naming the account,
     *                                  if first value came before the contract start
     */
    public static TimeToValue ofPlans(Collection<SuccessPlan> plans, Map<AccountId, LocalDate> contractStarts) {
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(contractStarts, "contractStarts");
        List<Milestone> milestones = new ArrayList<>();
        for (SuccessPlan plan : plans) {
            Objects.requireNonNull(plan, "plans: null plan");
            if (plan.milestones().stream().anyMatch(m -> m.kind() == MilestoneKind.FIRST_VALUE)) {
                Milestone.of(plan, PlanStarts.contractStart(plan, contractStarts)).ifPresent(milestones::add);
            }
        }
        return of(milestones);
    }

    /** Returns the median days to value of the accounts that reached it, or empty if none did. */
    public Optional<BigDecimal> medianDays() {
        return percentileDays(HALF);
    }

    /** Returns the 90th percentile of days to value, or empty if none reached it. */
    public Optional<BigDecimal> p90Days() {
        return percentileDays(NINETY);
    }

    /** Returns the {@code p}-th percentile (0 to 1) of days to value, or empty if none reached it. */
    public Optional<BigDecimal> percentileDays(BigDecimal p) {
        Objects.requireNonNull(p, "p");
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("p: " + p.toPlainString() + " must be from 0 to 1");
        }
        return Percentiles.of(days.stream().mapToLong(Long::longValue).toArray(), p);
    }
}
