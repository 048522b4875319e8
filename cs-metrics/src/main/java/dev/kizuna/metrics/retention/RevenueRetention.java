package dev.kizuna.metrics.retention;

import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.revenue.CustomerHistory;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * Gross and net revenue retention (GRR, NRR) of a fixed group of customers: those paying when the period starts
 * ({@link #of}, {@link #trailingTwelveMonths}) or those who first paid in a cohort period ({@link #ofCohort}).
 * <pre>
 * GRR (movements) = (start MRR - their churn - their contraction) / start MRR         (at most 100%)
 * GRR (capped)    = sum of min(end MRR, start MRR) / sum of start MRR                  (0 to 100%)
 * NRR             = their MRR at the end / their start MRR                             (expansion and
 *                   = (start - churn - contraction + expansion + reactivation) / start  reactivation count)
 * </pre>
 * New customers who start paying in the period are left out (their number is {@link #newCustomersExcluded()}); the
 * group's own returns after churning count as reactivation, including a return the ledger classifies as new business
 * because it came after a limited {@link dev.kizuna.metrics.revenue.ReactivationWindow}. GRR never exceeds NRR under
 * either method.
 *
 * <p>Conventions of the tools: ChartMogul's Net MRR Retention and Gross MRR Retention are cohort figures computed
 * this way ({@link #ofCohort}; help.chartmogul.com, "Cohort: Net MRR Retention"). Baremetrics computes
 * {@code NRR = 100% - (churned MRR - expansion MRR) / starting MRR 30 days ago} from all movements of the window,
 * new customers' included (Baremetrics changelog, "New metric: Net Revenue Retention"): that is
 * {@code 1 - }{@link MrrChurn#netExcludingReactivation} of a trailing 30-day {@link MrrLedger#summary}, not this class.
 *
 * <p>With zero start MRR every rate is {@link Optional#empty()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param measured             the span over which the group is followed; for a cohort, from the end of the day each
 *                             customer first paid
 * @param customers            the customers followed
 * @param startMrr             their MRR at the start (for a cohort, their first paid MRR)
 * @param churnedMrr           their churn movements in the span
 * @param contractionMrr       their contraction movements in the span
 * @param expansionMrr         their expansion movements in the span
 * @param reactivationMrr      their returns in the span: reactivation movements, and new-business movements of a
 *                             customer who paid before
 * @param endMrr               their MRR at the end
 * @param cappedEndMrr         sum over them of {@code min(end MRR, start MRR)}
 * @param newCustomersExcluded customers who started paying in the span and so are not followed
 */
public record RevenueRetention(
        DateRange measured,
        long customers,
        Money startMrr,
        Money churnedMrr,
        Money contractionMrr,
        Money expansionMrr,
        Money reactivationMrr,
        Money endMrr,
        Money cappedEndMrr,
        long newCustomersExcluded) {

    /** Validates the parts and the group's bridge {@code start - churn - contraction + expansion + reactivation = end}. */
    public RevenueRetention {
        Objects.requireNonNull(measured, "measured");
        Money[] all = {startMrr, churnedMrr, contractionMrr, expansionMrr, reactivationMrr, endMrr, cappedEndMrr};
        String[] names = {"startMrr", "churnedMrr", "contractionMrr", "expansionMrr", "reactivationMrr", "endMrr",
            "cappedEndMrr"};
        for (int i = 0; i < all.length; i++) {
            Objects.requireNonNull(all[i], names[i]);
            if (all[i].isNegative()) {
                throw new IllegalArgumentException(names[i] + ": " + all[i] + " must not be negative");
            }
        }
        if (customers < 0 || newCustomersExcluded < 0) {
            throw new IllegalArgumentException("customers " + customers + " and newCustomersExcluded "
                    + newCustomersExcluded + " must be >= 0");
        }
        Money bridged = startMrr.minus(churnedMrr).minus(contractionMrr).plus(expansionMrr).plus(reactivationMrr);
        if (bridged.compareTo(endMrr) != 0) {
            throw new IllegalArgumentException("endMrr: " + endMrr + " breaks the bridge: start " + startMrr
                    + " - churn " + churnedMrr + " - contraction " + contractionMrr + " + expansion " + expansionMrr
                    + " + reactivation " + reactivationMrr + " = " + bridged);
        }
        if (cappedEndMrr.compareTo(startMrr) > 0 || cappedEndMrr.compareTo(endMrr) > 0) {
            throw new IllegalArgumentException("cappedEndMrr: " + cappedEndMrr + " must not exceed startMrr " + startMrr
                    + " or endMrr " + endMrr);
        }
    }

    /** Returns the retention over {@code period} of the customers paying the day before it starts. */
    public static RevenueRetention of(MrrLedger ledger, DateRange period) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(period, "period");
        Accumulator acc = new Accumulator(ledger.currency());
        for (CustomerHistory history : ledger.histories()) {
            if (!history.everPaid()) {
                continue;
            }
            PeriodSummary s = history.summary(period);
            if (s.startCustomers() > 0) {
                acc.add(s.startMrr(), s);
            } else if (s.newCount() + s.reactivationCount() > 0) {
                acc.excluded++;
            }
        }
        return acc.result(period);
    }

    /**
     * Returns the trailing-twelve-month retention as of {@code asOf}: the customers paying on the day twelve months
     * before {@code asOf}, followed to the day before {@code asOf} (so {@code asOf = 2025-01-01} measures calendar
     * 2024). Point to point: a customer's path inside the year matters only through its movements (GRR by movements)
     * or not at all (capped GRR, NRR). Within the calendar's first year the twelve months start on 0001-01-01.
     *
     * @throws IllegalArgumentException if {@code asOf} is not from 0001-01-02 to 10000-01-01 (the day after the
     *                                  last supported date)
     */
    public static RevenueRetention trailingTwelveMonths(MrrLedger ledger, LocalDate asOf) {
        DateRange.checkEnd("asOf", asOf);
        if (asOf.equals(Dates.EARLIEST)) {
            throw new IllegalArgumentException("asOf: " + asOf + " leaves no day before it to measure: the trailing"
                    + " twelve months end the day before asOf");
        }
        // Within the first year of the calendar, the twelve months start on its first day: none exists before it.
        LocalDate start = asOf.minusMonths(12);
        return of(ledger, DateRange.of(start.isBefore(Dates.EARLIEST) ? Dates.EARLIEST : start, asOf));
    }

    /**
     * Returns the retention of a cohort: the customers whose first paid day falls in {@code cohortPeriod}, followed
     * from the end of that day (their start MRR is their first, new-business MRR, ChartMogul's "cohort value") to
     * {@code asOf} included. Customers who first paid after {@code asOf} are not in the cohort.
     *
     * @throws IllegalArgumentException if {@code asOf} is before the cohort period's last day or outside the supported
     *                                  dates
     */
    public static RevenueRetention ofCohort(MrrLedger ledger, DateRange cohortPeriod, LocalDate asOf) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(cohortPeriod, "cohortPeriod");
        Dates.check("asOf", asOf);
        if (asOf.isBefore(cohortPeriod.lastDay())) {
            throw new IllegalArgumentException("asOf: " + asOf + " must not be before the cohort's last day "
                    + cohortPeriod.lastDay());
        }
        Accumulator acc = new Accumulator(ledger.currency());
        for (CustomerHistory history : ledger.histories()) {
            Optional<LocalDate> first = history.firstPaidOn();
            if (first.isEmpty() || !cohortPeriod.contains(first.get())) {
                continue;
            }
            LocalDate from = first.get().plusDays(1);
            if (from.isAfter(asOf)) {
                acc.addUnchanged(history.initialMrr());
            } else {
                acc.add(history.initialMrr(), history.summary(DateRange.of(from, asOf.plusDays(1))));
            }
        }
        return acc.result(DateRange.of(cohortPeriod.start(), asOf.plusDays(1)));
    }

    /** Returns GRR by the default method, {@link GrrMethod#MOVEMENTS}; empty when start MRR is zero. */
    public Optional<Ratio> grr() {
        return grr(GrrMethod.MOVEMENTS);
    }

    /** Returns GRR by {@code method}; empty when start MRR is zero. */
    public Optional<Ratio> grr(GrrMethod method) {
        Objects.requireNonNull(method, "method");
        Money retained = method == GrrMethod.MOVEMENTS ? startMrr.minus(churnedMrr).minus(contractionMrr) : cappedEndMrr;
        return Ratio.of(retained, startMrr);
    }

    /** Returns NRR, {@code end MRR / start MRR} of the same customers; empty when start MRR is zero. */
    public Optional<Ratio> nrr() {
        return Ratio.of(endMrr, startMrr);
    }

    /** Sums the group's figures. */
    private static final class Accumulator {
        final Currency currency;
        Money start;
        Money churn;
        Money contraction;
        Money expansion;
        Money reactivation;
        Money end;
        Money capped;
        long customers;
        long excluded;

        Accumulator(Currency currency) {
            this.currency = currency;
            Money zero = Money.zero(currency);
            start = zero;
            churn = zero;
            contraction = zero;
            expansion = zero;
            reactivation = zero;
            end = zero;
            capped = zero;
        }

        void add(Money customerStart, PeriodSummary s) {
            customers++;
            start = start.plus(customerStart);
            churn = churn.plus(s.churnedMrr());
            contraction = contraction.plus(s.contractionMrr());
            expansion = expansion.plus(s.expansionMrr());
            // A followed customer already paid, so any return is a reactivation here, also one the ledger calls new
            // business because it came back after its reactivation window.
            reactivation = reactivation.plus(s.reactivationMrr()).plus(s.newMrr());
            end = end.plus(s.endMrr());
            capped = capped.plus(s.endMrr().min(customerStart));
        }

        void addUnchanged(Money customerStart) {
            customers++;
            start = start.plus(customerStart);
            end = end.plus(customerStart);
            capped = capped.plus(customerStart);
        }

        RevenueRetention result(DateRange measured) {
            return new RevenueRetention(measured, customers, start, churn, contraction, expansion, reactivation, end,
                    capped, excluded);
        }
    }
}
