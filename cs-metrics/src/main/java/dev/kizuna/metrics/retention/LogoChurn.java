package dev.kizuna.metrics.retention;

import dev.kizuna.core.Dates;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.CustomerHistory;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer (logo) churn rate of a period and its complement, the retention rate:
 * <pre>
 * churn rate     = lost / base
 * retention rate = 1 - churn rate          (counts only; revenue retention is {@link RevenueRetention})
 * </pre>
 * A customer is paying on a day when its MRR in the {@link MrrLedger} is above zero; "at the start" means the day
 * before the period, "at the end" its last day. {@link LogoChurnConvention} says who is lost and who is in the base;
 * the default, {@link LogoChurnConvention#START_OF_PERIOD}, is ChartMogul's standard formula. Nothing is silently
 * dropped: the customers a convention leaves out are counted in {@link #joinedAndLeft()} and
 * {@link #churnedAndReactivated()}.
 *
 * <p>With an empty base (no customer paying at the start) the rate is {@link Optional#empty()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param period                the period
 * @param convention            the convention applied
 * @param lost                  the numerator: customers counted as lost
 * @param base                  the denominator
 * @param joinedAndLeft         customers who started paying in the period and were not paying at its end
 * @param churnedAndReactivated customers paying at both ends who churned and came back within the period
 */
public record LogoChurn(DateRange period, LogoChurnConvention convention, long lost, long base, long joinedAndLeft,
                        long churnedAndReactivated) {

    /** Validates the counts. */
    public LogoChurn {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(convention, "convention");
        long[] counts = {lost, base, joinedAndLeft, churnedAndReactivated};
        String[] names = {"lost", "base", "joinedAndLeft", "churnedAndReactivated"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(names[i] + ": " + counts[i] + " must be >= 0");
            }
        }
        if (convention != LogoChurnConvention.ALL_LOST_OVER_START && lost > base) {
            throw new IllegalArgumentException("lost: " + lost + " must not exceed base " + base + " under " + convention);
        }
    }

    /** Returns the churn of {@code period} under the default convention, {@link LogoChurnConvention#START_OF_PERIOD}. */
    public static LogoChurn of(MrrLedger ledger, DateRange period) {
        return of(ledger, period, LogoChurnConvention.START_OF_PERIOD);
    }

    /** Returns the churn of {@code period} under {@code convention}. */
    public static LogoChurn of(MrrLedger ledger, DateRange period, LogoChurnConvention convention) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(convention, "convention");
        long atStart = 0;
        long lostFromStart = 0;
        long joined = 0;
        long joinedAndLeft = 0;
        long churnedAndBack = 0;
        for (CustomerHistory history : ledger.histories()) {
            if (!history.everPaid()) {
                continue;
            }
            PeriodSummary s = history.summary(period);
            boolean start = s.startCustomers() > 0;
            boolean end = s.endCustomers() > 0;
            if (start) {
                atStart++;
                if (!end) {
                    lostFromStart++;
                } else if (s.churnCount() > 0) {
                    churnedAndBack++;
                }
            } else if (s.newCount() + s.reactivationCount() > 0) {
                joined++;
                if (!end) {
                    joinedAndLeft++;
                }
            }
        }
        return switch (convention) {
            case START_OF_PERIOD -> new LogoChurn(period, convention, lostFromStart, atStart, joinedAndLeft, churnedAndBack);
            case INCLUDING_NEW -> new LogoChurn(period, convention, lostFromStart + joinedAndLeft, atStart + joined,
                    joinedAndLeft, churnedAndBack);
            case ALL_LOST_OVER_START -> new LogoChurn(period, convention, lostFromStart + joinedAndLeft, atStart,
                    joinedAndLeft, churnedAndBack);
        };
    }

    /**
     * Returns the mean of the monthly churn rates of the {@code months} calendar months before the one containing
     * {@code asOf} (the current month is left out), skipping months with an empty base; empty if all are empty. This is
     * the "six-month trailing average of customer churn rate" by which ChartMogul divides ARPA for its LTV
     * (help.chartmogul.com, "Customer Lifetime Value"). Each monthly rate enters rounded to {@value Ratio#SCALE}
     * decimal places.
     *
     * @throws IllegalArgumentException if {@code months} is not positive or reaches before 0001-01-01, or
     *                                  {@code asOf} is outside the supported dates
     */
    public static Optional<Ratio> trailingMonthlyAverage(MrrLedger ledger, LocalDate asOf, int months,
                                                         LogoChurnConvention convention) {
        Dates.check("asOf", asOf);
        if (months <= 0) {
            throw new IllegalArgumentException("months: " + months + " must be > 0");
        }
        // Decided before the loop: months may be two billion, which no calendar holds.
        LocalDate earliest = ReportingPeriod.MONTH.startOf(asOf).minusMonths(months);
        if (earliest.isBefore(Dates.EARLIEST)) {
            throw new IllegalArgumentException("months: " + months + " months before the month of " + asOf
                    + " start before " + Dates.EARLIEST_TEXT + ", the first supported date");
        }
        BigDecimal sum = BigDecimal.ZERO;
        long used = 0;
        for (int k = months; k >= 1; k--) {
            Optional<Ratio> rate = of(ledger, ReportingPeriod.MONTH.shifted(asOf, -k), convention).rate();
            if (rate.isPresent()) {
                sum = sum.add(rate.get().value());
                used++;
            }
        }
        return Ratio.of(sum, BigDecimal.valueOf(used));
    }

    /** Returns {@code lost / base}, or empty when the base is empty. */
    public Optional<Ratio> rate() {
        return Ratio.of(lost, base);
    }

    /** Returns {@code 1 - rate}, or empty when the base is empty. */
    public Optional<Ratio> retentionRate() {
        return rate().map(Ratio::complement);
    }
}
