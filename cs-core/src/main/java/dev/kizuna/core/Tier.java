package dev.kizuna.core;

import dev.kizuna.core.internal.Checks;

/**
 * A service tier within a segment, such as {@code "strategic"}, {@code "gold"} or {@code "standard"}, with a rank
 * where 1 is the top tier. Playbooks use the rank for rules such as "an executive business review for the top
 * tier".
 *
 * @param name the tier's name
 * @param rank 1 for the top tier, larger numbers for lower tiers
 */
public record Tier(String name, int rank) {

    /** Validates the name and the rank. */
    public Tier {
        Checks.identifier(name, "tier.name");
        Checks.positive(rank, "tier.rank");
    }

    /** Returns the tier of the given name and rank. */
    public static Tier of(String name, int rank) {
        return new Tier(name, rank);
    }

    /** Returns whether this is a top tier (rank 1). */
    public boolean isTop() {
        return rank == 1;
    }

    @Override
    public String toString() {
        return name + " (rank " + rank + ")";
    }
}
