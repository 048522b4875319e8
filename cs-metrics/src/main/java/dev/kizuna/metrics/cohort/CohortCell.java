package dev.kizuna.metrics.cohort;

import dev.kizuna.core.Money;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;

import java.util.Objects;
import java.util.Optional;

/**
 * One cell of a cohort matrix: how much of a cohort is left at the end of one period.
 *
 * <p>Immutable and thread-safe.
 *
 * @param age                   periods since the cohort's start period (0 is the start period itself)
 * @param period                the period measured; the cell is read on its last day
 * @param activeCustomers       cohort customers paying on that day
 * @param mrr                   their MRR on that day
 * @param cappedMrr             the sum over the cohort of {@code min(MRR that day, initial MRR)}
 * @param logoRetention         {@code activeCustomers / cohort size}
 * @param netMrrRetention       {@code mrr / initial MRR}; may exceed 100%
 * @param grossMrrRetention     {@code cappedMrr / initial MRR}; at most 100%
 */
public record CohortCell(int age, DateRange period, long activeCustomers, Money mrr, Money cappedMrr,
                         Optional<Ratio> logoRetention, Optional<Ratio> netMrrRetention,
                         Optional<Ratio> grossMrrRetention) {

    /** Validates the parts. */
    public CohortCell {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(mrr, "mrr");
        Objects.requireNonNull(cappedMrr, "cappedMrr");
        Objects.requireNonNull(logoRetention, "logoRetention");
        Objects.requireNonNull(netMrrRetention, "netMrrRetention");
        Objects.requireNonNull(grossMrrRetention, "grossMrrRetention");
        if (age < 0 || activeCustomers < 0) {
            throw new IllegalArgumentException("age " + age + " and activeCustomers " + activeCustomers + " must be >= 0");
        }
        if (cappedMrr.compareTo(mrr) > 0) {
            throw new IllegalArgumentException("cappedMrr: " + cappedMrr + " must not exceed mrr " + mrr);
        }
    }
}
