package dev.kizuna.health.backtest;

import dev.kizuna.health.ModelId;

import java.util.Objects;

/**
 * Two models' ROC AUCs on the same observations, and whether they differ. Immutable and thread-safe.
 *
 * @param first      the first model
 * @param second     the second model
 * @param deLong     DeLong's test of equal AUCs (independent observations assumed)
 * @param difference the AUC difference, first minus second, with its paired bootstrap interval (accounts resampled,
 *                   both models scored on each resample, so the correlation and the clustering of an account's
 *                   snapshots are both respected)
 */
public record PairedComparison(ModelId first, ModelId second, DeLongTest deLong, Estimate difference) {

    /** Validates the parts. */
    public PairedComparison {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(deLong, "deLong");
        Objects.requireNonNull(difference, "difference");
    }
}
