package dev.kizuna.health.backtest;

import java.util.List;
import java.util.Objects;

/**
 * Several models backtested side by side on the same observations: the snapshots every model could score. Each
 * report's figures are computed on those common observations only, so they compare like with like; every pair of
 * models gets DeLong's test and a paired bootstrap interval of its AUC difference. Immutable and thread-safe.
 *
 * @param reports one report per model, in the order given
 * @param pairs   one comparison per pair of models, in the order (0,1), (0,2), ..., (1,2), ...
 */
public record ModelComparison(List<BacktestReport> reports, List<PairedComparison> pairs) {

    /** Copies the lists. */
    public ModelComparison {
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(pairs, "pairs");
        reports = List.copyOf(reports);
        pairs = List.copyOf(pairs);
    }
}
