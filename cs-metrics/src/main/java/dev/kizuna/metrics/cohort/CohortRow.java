package dev.kizuna.metrics.cohort;

import dev.kizuna.core.Money;
import dev.kizuna.metrics.DateRange;

import java.util.List;
import java.util.Objects;

/**
 * One cohort: the customers who first paid in one period, and what is left of them at the end of each later period
 * up to the matrix's last.
 *
 * <p>Immutable and thread-safe.
 *
 * @param startPeriod the period the customers first paid in
 * @param customers   the cohort's size
 * @param initialMrr  the sum of their first (new-business) MRR: ChartMogul's "cohort value"
 * @param cells       age 0, 1, 2, ... up to the matrix's last period
 */
public record CohortRow(DateRange startPeriod, long customers, Money initialMrr, List<CohortCell> cells) {

    /** Validates and copies the parts. */
    public CohortRow {
        Objects.requireNonNull(startPeriod, "startPeriod");
        Objects.requireNonNull(initialMrr, "initialMrr");
        cells = List.copyOf(cells);
        if (customers < 0) {
            throw new IllegalArgumentException("customers: " + customers + " must be >= 0");
        }
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).age() != i) {
                throw new IllegalArgumentException("cells[" + i + "].age: " + cells.get(i).age() + " must be " + i);
            }
            if (cells.get(i).activeCustomers() > customers) {
                throw new IllegalArgumentException("cells[" + i + "].activeCustomers: " + cells.get(i).activeCustomers()
                        + " exceeds the cohort's " + customers + " customers");
            }
        }
    }
}
