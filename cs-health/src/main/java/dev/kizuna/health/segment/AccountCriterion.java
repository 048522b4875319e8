package dev.kizuna.health.segment;

import dev.kizuna.core.Account;
import dev.kizuna.core.Segment;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.internal.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which accounts a model rule applies to: every condition given must hold (segment, tier name, journey stage); at
 * least one is given. Immutable and thread-safe.
 *
 * @param segment the account's segment, if the rule requires one
 * @param tier    the account's tier name, if the rule requires one
 * @param stage   the account's current journey stage, if the rule requires one
 */
public record AccountCriterion(Optional<Segment> segment, Optional<String> tier, Optional<JourneyStage> stage) {

    /** Validates that at least one condition is given. */
    public AccountCriterion {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(stage, "stage");
        tier.ifPresent(t -> Checks.nonBlank(t, "tier"));
        if (segment.isEmpty() && tier.isEmpty() && stage.isEmpty()) {
            throw new IllegalArgumentException("criterion: give at least one of segment, tier and stage");
        }
    }

    /** Accounts in {@code segment}. */
    public static AccountCriterion segment(Segment segment) {
        return new AccountCriterion(Optional.of(segment), Optional.empty(), Optional.empty());
    }

    /** Accounts whose tier is named {@code tier}. */
    public static AccountCriterion tier(String tier) {
        return new AccountCriterion(Optional.empty(), Optional.of(tier), Optional.empty());
    }

    /** Accounts currently in journey stage {@code stage}. */
    public static AccountCriterion stage(JourneyStage stage) {
        return new AccountCriterion(Optional.empty(), Optional.empty(), Optional.of(stage));
    }

    /** This criterion, also requiring segment {@code required}. */
    public AccountCriterion andSegment(Segment required) {
        return new AccountCriterion(Optional.of(required), tier, stage);
    }

    /** This criterion, also requiring tier {@code required}. */
    public AccountCriterion andTier(String required) {
        return new AccountCriterion(segment, Optional.of(required), stage);
    }

    /** This criterion, also requiring journey stage {@code required}. */
    public AccountCriterion andStage(JourneyStage required) {
        return new AccountCriterion(segment, tier, Optional.of(required));
    }

    /** Returns whether the account meets every condition. */
    public boolean matches(Account account) {
        return segment.map(s -> s.equals(account.segment())).orElse(true)
                && tier.map(t -> t.equals(account.tier().name())).orElse(true)
                && stage.map(s -> s == account.stage()).orElse(true);
    }

    /** Returns the conditions, such as {@code segment = enterprise and tier = strategic}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(3);
        segment.ifPresent(s -> parts.add("segment = " + s.name()));
        tier.ifPresent(t -> parts.add("tier = " + t));
        stage.ifPresent(s -> parts.add("stage = " + s.name()));
        return String.join(" and ", parts);
    }
}
