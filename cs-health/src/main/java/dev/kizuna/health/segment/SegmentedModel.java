package dev.kizuna.health.segment;

import dev.kizuna.core.Account;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A health model per segment, tier or journey stage, with a default. Build it in code, as below, or read it as data
 * with {@link SegmentedDefinition}.
 *
 * <pre>{@code
 * SegmentedModel models = SegmentedModel.builder(standard)
 *         .when(AccountCriterion.stage(JourneyStage.CONVERSION), onboarding)
 *         .when(AccountCriterion.segment(Segment.of("enterprise")).andTier("strategic"), strategic)
 *         .when(AccountCriterion.segment(Segment.of("enterprise")), enterprise)
 *         .build();
 * RoutedScore routed = models.score(account, snapshot, now);
 * }</pre>
 *
 * <p>Resolution: the rules are tried in the order they were added and the first whose criterion matches the account
 * wins; when none does, the default model applies. So put the most specific rules first. The result names the rule
 * (or the default) that chose the model. Immutable and thread-safe when its models are.
 */
public final class SegmentedModel {
    private final HealthModel defaultModel;
    private final List<AccountCriterion> criteria;
    private final List<HealthModel> models;

    private SegmentedModel(HealthModel defaultModel, List<AccountCriterion> criteria, List<HealthModel> models) {
        this.defaultModel = defaultModel;
        this.criteria = List.copyOf(criteria);
        this.models = List.copyOf(models);
    }

    /** Returns a builder with the model used when no rule matches. */
    public static Builder builder(HealthModel defaultModel) {
        return new Builder(defaultModel);
    }

    /** Returns the model used when no rule matches. */
    public HealthModel defaultModel() {
        return defaultModel;
    }

    /** Returns the model for the account and why it was chosen. */
    public ModelChoice choose(Account account) {
        Objects.requireNonNull(account, "account");
        for (int i = 0; i < criteria.size(); i++) {
            if (criteria.get(i).matches(account)) {
                return new ModelChoice(models.get(i), OptionalInt.of(i), "rule " + (i + 1) + ": " + criteria.get(i));
            }
        }
        return new ModelChoice(defaultModel, OptionalInt.empty(), "default: no rule matched");
    }

    /**
     * Chooses the model for the account, scores and explains it.
     *
     * @throws IllegalArgumentException if the snapshot is of another account
     */
    public RoutedScore score(Account account, SignalSnapshot snapshot, Instant computedAt) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!snapshot.account().equals(account.id())) {
            throw new IllegalArgumentException("snapshot.account: " + snapshot.account()
                    + " is not the account scored, " + account.id());
        }
        ModelChoice choice = choose(account);
        return new RoutedScore(choice, choice.model().explain(snapshot, computedAt));
    }

    /** Builds a {@link SegmentedModel}. Not thread-safe. */
    public static final class Builder {
        private final HealthModel defaultModel;
        private final List<AccountCriterion> criteria = new ArrayList<>();
        private final List<HealthModel> models = new ArrayList<>();

        private Builder(HealthModel defaultModel) {
            this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
        }

        /** Adds a rule: accounts matching {@code criterion} (and no earlier rule) are scored by {@code model}. */
        public Builder when(AccountCriterion criterion, HealthModel model) {
            criteria.add(Objects.requireNonNull(criterion, "criterion"));
            models.add(Objects.requireNonNull(model, "model"));
            return this;
        }

        /** Builds the segmented model. */
        public SegmentedModel build() {
            return new SegmentedModel(defaultModel, criteria, models);
        }
    }
}
