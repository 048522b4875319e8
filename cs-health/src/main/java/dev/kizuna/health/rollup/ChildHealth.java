package dev.kizuna.health.rollup;

import dev.kizuna.core.Money;
import dev.kizuna.health.HealthScore;
import dev.kizuna.core.internal.Checks;

import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * One child account's score and its ARR, the weight it has in an ARR-weighted rollup.
 *
 * @param score    the child's score (its account is the child)
 * @param arr      the child's ARR, in major units; at least 0
 * @param currency the ARR's currency, when given as {@link Money}; children of one rollup must agree
 */
public record ChildHealth(HealthScore score, double arr, Optional<Currency> currency) {

    /** Validates the parts. */
    public ChildHealth {
        Objects.requireNonNull(score, "score");
        Checks.nonNegative(arr, "child " + score.account() + ".arr");
        Objects.requireNonNull(currency, "currency");
    }

    /** Returns a child with an ARR given as a plain number. */
    public static ChildHealth of(HealthScore score, double arr) {
        return new ChildHealth(score, arr, Optional.empty());
    }

    /**
     * Returns a child with an ARR given as money.
     *
     * @throws IllegalArgumentException if the ARR is negative
     */
    public static ChildHealth of(HealthScore score, Money arr) {
        Objects.requireNonNull(arr, "arr");
        return new ChildHealth(score, arr.amount().doubleValue(), Optional.of(arr.currency()));
    }
}
