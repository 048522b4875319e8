package dev.kizuna.health.fit;

import dev.kizuna.health.scorecard.ScorecardDefinition;

import java.util.Objects;

/**
 * A scorecard suggested from a fitted logistic model, with what it costs in discrimination. Immutable and
 * thread-safe.
 *
 * @param scorecard    the suggested scorecard
 * @param logisticAuc  the fitted logistic model's ROC AUC on the comparison data
 * @param scorecardAuc the scorecard's ROC AUC on the same rows
 */
public record ScorecardSuggestion(ScorecardDefinition scorecard, double logisticAuc, double scorecardAuc) {

    /** Validates the parts. */
    public ScorecardSuggestion {
        Objects.requireNonNull(scorecard, "scorecard");
    }

    ScorecardSuggestion(ScorecardDefinition scorecard, double[] aucs) {
        this(scorecard, aucs[0], aucs[1]);
    }

    /** Returns the AUC the scorecard loses against the logistic model: {@code logisticAuc - scorecardAuc}. */
    public double aucLoss() {
        return logisticAuc - scorecardAuc;
    }
}
