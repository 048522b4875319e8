package dev.kizuna.metrics.revenue;

import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.metrics.DateRange;

import java.util.Objects;

/**
 * The MRR bridge of one period: the MRR at its start, the movements in it, and the MRR at its end, with the number
 * of movements of each kind. Built by {@link MrrLedger#summary(DateRange)}.
 *
 * <p>Two identities always hold, and the constructor rejects a summary where they do not:
 * <pre>
 * startMrr + newMrr + expansionMrr + reactivationMrr - contractionMrr - churnedMrr = endMrr   (exactly)
 * startCustomers + newCount + reactivationCount - churnCount = endCustomers
 * </pre>
 * {@code startMrr} is the MRR in effect the day before the period starts, {@code endMrr} the MRR in effect on its
 * last day. Counts are of movements: a customer who churns twice in a period counts twice in {@code churnCount}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param period            the days summarised
 * @param startMrr          MRR the day before the period
 * @param newMrr            total of {@link MovementType#NEW} movements
 * @param expansionMrr      total of {@link MovementType#EXPANSION} movements
 * @param reactivationMrr   total of {@link MovementType#REACTIVATION} movements
 * @param contractionMrr    total of {@link MovementType#CONTRACTION} movements, as a positive amount
 * @param churnedMrr        total of {@link MovementType#CHURN} movements, as a positive amount
 * @param endMrr            MRR on the last day of the period
 * @param startCustomers    paying customers the day before the period
 * @param newCount          number of new-business movements
 * @param expansionCount    number of expansion movements
 * @param reactivationCount number of reactivation movements
 * @param contractionCount  number of contraction movements
 * @param churnCount        number of churn movements
 * @param endCustomers      paying customers on the last day of the period
 */
public record PeriodSummary(
        DateRange period,
        Money startMrr,
        Money newMrr,
        Money expansionMrr,
        Money reactivationMrr,
        Money contractionMrr,
        Money churnedMrr,
        Money endMrr,
        long startCustomers,
        long newCount,
        long expansionCount,
        long reactivationCount,
        long contractionCount,
        long churnCount,
        long endCustomers) {

    /** Validates every part and both bridge identities. */
    public PeriodSummary {
        Objects.requireNonNull(period, "period");
        Money[] all = {startMrr, newMrr, expansionMrr, reactivationMrr, contractionMrr, churnedMrr, endMrr};
        String[] names = {"startMrr", "newMrr", "expansionMrr", "reactivationMrr", "contractionMrr", "churnedMrr", "endMrr"};
        for (int i = 0; i < all.length; i++) {
            Objects.requireNonNull(all[i], names[i]);
            if (!all[i].currency().equals(startMrr.currency())) {
                throw new CurrencyMismatchException(names[i] + ": " + all[i] + " is not in the currency of startMrr "
                        + startMrr);
            }
            if (all[i].isNegative()) {
                throw new IllegalArgumentException(names[i] + ": " + all[i] + " must not be negative");
            }
        }
        long[] counts = {startCustomers, newCount, expansionCount, reactivationCount, contractionCount, churnCount, endCustomers};
        String[] countNames = {"startCustomers", "newCount", "expansionCount", "reactivationCount", "contractionCount",
            "churnCount", "endCustomers"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(countNames[i] + ": " + counts[i] + " must be >= 0");
            }
        }
        Money bridged = startMrr.plus(newMrr).plus(expansionMrr).plus(reactivationMrr).minus(contractionMrr).minus(churnedMrr);
        if (bridged.compareTo(endMrr) != 0) {
            throw new IllegalArgumentException("endMrr: " + endMrr + " breaks the bridge: start " + startMrr + " + new "
                    + newMrr + " + expansion " + expansionMrr + " + reactivation " + reactivationMrr + " - contraction "
                    + contractionMrr + " - churn " + churnedMrr + " = " + bridged);
        }
        if (startCustomers + newCount + reactivationCount - churnCount != endCustomers) {
            throw new IllegalArgumentException("endCustomers: " + endCustomers + " breaks the bridge: start "
                    + startCustomers + " + new " + newCount + " + reactivated " + reactivationCount + " - churned "
                    + churnCount);
        }
    }

    /** Returns {@code new + expansion + reactivation - contraction - churn}, which equals {@code end - start}. */
    public Money netNewMrr() {
        return endMrr.minus(startMrr);
    }

    /** Returns the total of one kind of movement, as a positive amount. */
    public Money total(MovementType type) {
        return switch (type) {
            case NEW -> newMrr;
            case EXPANSION -> expansionMrr;
            case REACTIVATION -> reactivationMrr;
            case CONTRACTION -> contractionMrr;
            case CHURN -> churnedMrr;
        };
    }

    /** Returns the number of movements of one kind. */
    public long count(MovementType type) {
        return switch (type) {
            case NEW -> newCount;
            case EXPANSION -> expansionCount;
            case REACTIVATION -> reactivationCount;
            case CONTRACTION -> contractionCount;
            case CHURN -> churnCount;
        };
    }

    /** Returns the ARR at the start of the period: 12 x {@link #startMrr()}. */
    public Money startArr() {
        return startMrr.times(12);
    }

    /** Returns the ARR at the end of the period: 12 x {@link #endMrr()}. */
    public Money endArr() {
        return endMrr.times(12);
    }
}
