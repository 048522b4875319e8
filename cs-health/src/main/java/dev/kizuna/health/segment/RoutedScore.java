package dev.kizuna.health.segment;

import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthScore;

import java.util.Objects;

/**
 * A score together with the choice of the model that computed it.
 *
 * @param choice      which model scored the account, and why
 * @param explanation the score and its explanation
 */
public record RoutedScore(ModelChoice choice, Explanation explanation) {

    /** Validates the parts. */
    public RoutedScore {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Returns the score. */
    public HealthScore score() {
        return explanation.score();
    }
}
