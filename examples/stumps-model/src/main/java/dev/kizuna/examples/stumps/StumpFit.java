package dev.kizuna.examples.stumps;

import dev.kizuna.health.HealthModels;
import dev.kizuna.health.definition.DefinitionFormat;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link StumpBooster#fit}: the fitted definition and the training loss, round by round.
 * Immutable and thread-safe.
 *
 * @param definition   the fitted model, ready to create with {@link StumpsModel#of} or to write with
 *                     {@link #definitionJson()}
 * @param trainingLoss the mean log loss of the training rows, in nats: first with the intercept alone, then after
 *                     each round (so one more entry than rounds run)
 * @param rows         the number of training rows
 * @param events       the number of training rows that were followed by the event (churn)
 */
public record StumpFit(StumpsDefinition definition, List<Double> trainingLoss, int rows, int events) {

    /** Validates the parts. */
    public StumpFit {
        Objects.requireNonNull(definition, "definition");
        trainingLoss = List.copyOf(trainingLoss);
        if (trainingLoss.isEmpty()) {
            throw new IllegalArgumentException("trainingLoss: empty; it starts with the intercept's loss");
        }
        if (rows < 1 || events < 0 || events > rows) {
            throw new IllegalArgumentException("events: " + events + " of " + rows + " rows is impossible");
        }
    }

    /** Returns the number of boosting rounds run (fewer than asked when no split improved the fit). */
    public int rounds() {
        return trainingLoss.size() - 1;
    }

    /** Returns the definition as JSON, as {@link dev.kizuna.health.HealthModels#read} reads it. */
    public String definitionJson() {
        return HealthModels.of(List.of(new StumpsProvider())).write(definition, DefinitionFormat.JSON);
    }
}
