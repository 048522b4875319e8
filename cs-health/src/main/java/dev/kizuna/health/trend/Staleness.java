package dev.kizuna.health.trend;

import dev.kizuna.health.HealthScore;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How old a score's inputs are, and whether that is older than a limit: a score computed today on month-old
 * signals is stale, whatever its value.
 *
 * @param inputsAt when the inputs were observed
 * @param age      how old they are at the time asked about (zero if observed later)
 * @param limit    the oldest acceptable age
 * @param stale    whether {@code age > limit}
 */
public record Staleness(Instant inputsAt, Duration age, Duration limit, boolean stale) {

    /** Validates the parts. */
    public Staleness {
        Objects.requireNonNull(inputsAt, "inputsAt");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(limit, "limit");
        if (age.isNegative() || limit.isNegative()) {
            throw new IllegalArgumentException("staleness: age " + age + " and limit " + limit + " must be >= 0");
        }
    }

    /** Returns the staleness of {@code score}'s inputs at {@code now}. */
    public static Staleness of(HealthScore score, Duration limit, Instant now) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(now, "now");
        Duration age = Duration.between(score.inputsAt(), now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        return new Staleness(score.inputsAt(), age, limit, age.compareTo(limit) > 0);
    }
}
