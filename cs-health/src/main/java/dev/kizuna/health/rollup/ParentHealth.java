package dev.kizuna.health.rollup;

import dev.kizuna.core.AccountId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A parent account's health, rolled up from its children. Children with insufficient data count in
 * {@code children} and in the {@code insufficient-data} band share, but not in the means or the worst child.
 *
 * @param parent      the parent account
 * @param children    how many children were rolled up
 * @param scored      how many of them had a value
 * @param mean        the plain mean of the children's values, empty if none had one
 * @param arrWeighted {@code Σ arr·value / Σ arr} over children with a value, empty when that ARR is 0
 * @param worstChild  the child with the lowest value (ties: smallest account id)
 * @param worstValue  its value
 * @param bands       the share of children and of ARR per band, best band last, then insufficient data if any
 */
public record ParentHealth(
        AccountId parent,
        int children,
        int scored,
        OptionalDouble mean,
        OptionalDouble arrWeighted,
        Optional<AccountId> worstChild,
        OptionalDouble worstValue,
        List<BandShare> bands) {

    /** Validates the parts. */
    public ParentHealth {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(arrWeighted, "arrWeighted");
        Objects.requireNonNull(worstChild, "worstChild");
        Objects.requireNonNull(worstValue, "worstValue");
        bands = List.copyOf(bands);
        if (scored < 0 || scored > children) {
            throw new IllegalArgumentException("scored: " + scored + " must be between 0 and children " + children);
        }
    }

    /** Returns the share for the band of the given name, if any child is in it. */
    public Optional<BandShare> band(String name) {
        return bands.stream().filter(b -> b.band().equals(name)).findFirst();
    }
}
