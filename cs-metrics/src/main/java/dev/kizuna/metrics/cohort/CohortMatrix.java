package dev.kizuna.metrics.cohort;

import dev.kizuna.core.Money;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.CustomerHistory;
import dev.kizuna.metrics.revenue.MrrLedger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Logo and revenue retention by start period: each row a cohort of customers who first paid in one period, each
 * column an age in periods, each cell read on the last day of its period.
 * <pre>
 * logo retention(row, age)        = cohort customers paying that day / cohort size
 * net MRR retention(row, age)     = cohort MRR that day / cohort initial MRR       (expansion and reactivation count)
 * gross MRR retention(row, age)   = sum of min(MRR that day, initial MRR) / cohort initial MRR    (at most 100%)
 * </pre>
 * A customer belongs to the cohort of its first paid day for good: a return after churning counts in its first
 * cohort, even when the ledger's reactivation window classified it as new business. Age 0 is read at the end of the
 * start period, so a customer who joined and left within it already counts as lost there. Initial MRR is the
 * customer's new-business MRR, ChartMogul's "cohort value" (help.chartmogul.com, "Cohort: Net MRR Retention");
 * ChartMogul's net MRR retention cohorts compute the same ratio.
 *
 * <p>Customers who first paid before the first period are in no row; their number is {@link #earlierCustomers()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param unit             the period length of rows and columns
 * @param rows             one row per period from the first to the last, oldest first
 * @param earlierCustomers customers who first paid before the first period
 */
public record CohortMatrix(ReportingPeriod unit, List<CohortRow> rows, long earlierCustomers) {
    /** The most periods a matrix has: 400 periods are 80,200 cells (33 years of months, a year of days). */
    public static final int MAX_PERIODS = 400;

    /** Validates and copies the parts. */
    public CohortMatrix {
        Objects.requireNonNull(unit, "unit");
        rows = List.copyOf(rows);
        if (earlierCustomers < 0) {
            throw new IllegalArgumentException("earlierCustomers: " + earlierCustomers + " must be >= 0");
        }
    }

    /**
     * Returns the cohorts of every period of {@code unit} overlapping {@code first} to {@code last} (both included),
     * each followed to the last of those periods.
     *
     * @throws IllegalArgumentException if {@code last} is before {@code first}, a date is outside the supported
     *                                  calendar, or there are more than {@value #MAX_PERIODS} periods
     */
    public static CohortMatrix of(MrrLedger ledger, ReportingPeriod unit, LocalDate first, LocalDate last) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(unit, "unit");
        List<DateRange> periods = unit.between(first, last);
        int n = periods.size();
        if (n > MAX_PERIODS) {
            // A matrix of n periods has n(n+1)/2 cells, each read for every customer of its row.
            throw new IllegalArgumentException("last: " + first + " to " + last + " holds " + n + " "
                    + unit.name().toLowerCase(java.util.Locale.ROOT) + " periods, over the limit of " + MAX_PERIODS
                    + " for a cohort matrix; use a shorter span, or a longer period");
        }
        long[] size = new long[n];
        BigDecimal[] initial = new BigDecimal[n];
        long[][] active = new long[n][];
        BigDecimal[][] mrr = new BigDecimal[n][];
        BigDecimal[][] capped = new BigDecimal[n][];
        for (int r = 0; r < n; r++) {
            initial[r] = BigDecimal.ZERO;
            active[r] = new long[n - r];
            mrr[r] = new BigDecimal[n - r];
            capped[r] = new BigDecimal[n - r];
            Arrays.fill(mrr[r], BigDecimal.ZERO);
            Arrays.fill(capped[r], BigDecimal.ZERO);
        }
        LocalDate start = periods.get(0).start();
        LocalDate end = periods.get(n - 1).end();
        long earlier = 0;
        for (CustomerHistory h : ledger.histories()) {
            Optional<LocalDate> paid = h.firstPaidOn();
            if (paid.isEmpty() || !paid.get().isBefore(end)) {
                continue;
            }
            if (paid.get().isBefore(start)) {
                earlier++;
                continue;
            }
            int r = row(periods, paid.get());
            BigDecimal initialAmount = h.initialMrr().amount();
            size[r]++;
            initial[r] = initial[r].add(initialAmount);
            for (int age = 0; r + age < n; age++) {
                BigDecimal m = h.mrrAmountOn(periods.get(r + age).lastDay());
                if (m.signum() > 0) {
                    active[r][age]++;
                    mrr[r][age] = mrr[r][age].add(m);
                    capped[r][age] = capped[r][age].add(m.min(initialAmount));
                }
            }
        }
        List<CohortRow> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Money init = Money.of(initial[r], ledger.currency());
            List<CohortCell> cells = new ArrayList<>(n - r);
            for (int age = 0; r + age < n; age++) {
                Money cellMrr = Money.of(mrr[r][age], ledger.currency());
                Money cellCapped = Money.of(capped[r][age], ledger.currency());
                cells.add(new CohortCell(age, periods.get(r + age), active[r][age], cellMrr, cellCapped,
                        Ratio.of(active[r][age], size[r]), Ratio.of(cellMrr, init), Ratio.of(cellCapped, init)));
            }
            rows.add(new CohortRow(periods.get(r), size[r], init, cells));
        }
        return new CohortMatrix(unit, rows, earlier);
    }

    private static int row(List<DateRange> periods, LocalDate day) {
        int lo = 0;
        int hi = periods.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (periods.get(mid).start().isAfter(day)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }
}
