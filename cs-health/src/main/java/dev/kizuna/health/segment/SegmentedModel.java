package dev.kizuna.health.segment;

import dev.kizuna.core.Account;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.InputDomains;

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
 * (or the default) that chose the model.
 *
 * <p>A snapshot with a value outside the chosen model's {@linkplain dev.kizuna.health.ModelDefinition#domainOf
 * domain} of it is rejected before the model sees it ({@link InputDomains#check}), whatever the model: a plug-in that
 * forgot the check does not score it either. Immutable and thread-safe when its models are.
 */
public final class SegmentedModel {
    private final HealthModel defaultModel;
    private final List<AccountCriterion> criteria;
    private final List<HealthModel> models;
    /** The domains of the default model's inputs, then of each rule's model's. */
    private final InputDomains defaultDomains;
    private final List<InputDomains> domains;

    private SegmentedModel(HealthModel defaultModel, List<AccountCriterion> criteria, List<HealthModel> models) {
        this.defaultModel = defaultModel;
        this.criteria = List.copyOf(criteria);
        this.models = List.copyOf(models);
        this.defaultDomains = InputDomains.of(defaultModel.definition());
        List<InputDomains> each = new ArrayList<>(models.size());
        for (HealthModel model : models) {
            each.add(InputDomains.of(model.definition()));
        }
        this.domains = List.copyOf(each);
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
     * @throws IllegalArgumentException if the snapshot is of another account, or has a value outside the chosen
     *                                  model's domain of it ({@link InputDomains#check})
     */
    public RoutedScore score(Account account, SignalSnapshot snapshot, Instant computedAt) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!snapshot.account().equals(account.id())) {
            throw new IllegalArgumentException("snapshot.account: " + snapshot.account()
                    + " is not the account scored, " + account.id());
        }
        ModelChoice choice = choose(account);
        (choice.isDefault() ? defaultDomains : domains.get(choice.rule().getAsInt())).check(snapshot);
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
