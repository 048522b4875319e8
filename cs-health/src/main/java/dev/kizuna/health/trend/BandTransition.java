package dev.kizuna.health.trend;

import dev.kizuna.health.HealthBand;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of band between two consecutive scores, such as "entered red on 2026-03-02". An empty band stands for
 * insufficient data.
 *
 * @param at   when the later score was computed
 * @param from the band before, or empty for insufficient data
 * @param to   the band after, or empty for insufficient data
 */
public record BandTransition(Instant at, Optional<HealthBand> from, Optional<HealthBand> to) {

    /** Validates the parts. */
    public BandTransition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Returns whether this transition entered the band of the given name. */
    public boolean entered(String band) {
        return to.map(b -> b.name().equals(band)).orElse(false);
    }

    /** Returns the transition in words, such as {@code entered red from yellow at 2026-03-02T09:00:00Z}. */
    @Override
    public String toString() {
        return "entered " + to.map(HealthBand::name).orElse("insufficient data") + " from "
                + from.map(HealthBand::name).orElse("insufficient data") + " at " + at;
    }
}
