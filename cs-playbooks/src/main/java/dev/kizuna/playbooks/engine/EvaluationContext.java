package dev.kizuna.playbooks.engine;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthScore;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine knows about one account when it evaluates a rule set at one instant, {@link #now()}: the
 * account (segment, tier, tags, contract, journey), its latest and previous health scores, its signal history, its
 * success plan and its recent survey answers. Build one with {@link #builder(Account, Instant)}.
 *
 * <p><b>Current and previous state.</b> Conditions read the current state: the signal snapshot in force at
 * {@code now}, the latest health score, and the renewal, stage, plan and surveys as of {@code now} (dates in UTC).
 * Edge triggers also read the previous state, as of {@link #previousAt()}: the snapshot in force then, the previous
 * health score, and the renewal, stage, plan and surveys as of then. Segment, tier and tags have no history and read
 * the same in both.
 *
 * <p>Immutable and thread-safe. A context remembers the facts it resolved for the last compiled rule set it was
 * evaluated against, so evaluating it again (another run, a dry run, an explanation) does not resolve them again.
 */
public final class EvaluationContext {
    private final Account account;
    private final AccountId id;
    private final Instant now;
    private final Optional<HealthScore> health;
    private final Optional<HealthScore> previousHealth;
    private final SignalHistory signals;
    private final Optional<SignalSnapshot> latestSignals;
    private final Optional<SignalSnapshot> previousSignals;
    private final Optional<Instant> previousAt;
    private final Optional<SuccessPlan> plan;
    private final List<SurveyResponse> surveys;
    private volatile @Nullable Resolved resolved;

    /** The facts of one compiled rule set, resolved for this context: final fields, so safely published. */
    private static final class Resolved {
        final FactTable table;
        final double[] values;

        Resolved(FactTable table, double[] values) {
            this.table = table;
            this.values = values;
        }
    }

    private EvaluationContext(Builder b) {
        this.account = b.account;
        this.id = account.id();
        this.now = b.now;
        this.health = Optional.ofNullable(b.health);
        this.previousHealth = Optional.ofNullable(b.previousHealth);
        this.signals = b.signals == null ? SignalHistory.empty(account.id()) : b.signals;
        this.plan = Optional.ofNullable(b.plan);
        this.surveys = List.copyOf(b.surveys);
        check();
        this.latestSignals = signals.at(now);
        Instant prev = b.previousAt;
        if (prev == null && latestSignals.isPresent()) {
            prev = signals.at(latestSignals.get().at().minusNanos(1)).map(SignalSnapshot::at).orElse(null);
        }
        if (prev == null && previousHealth.isPresent() && previousHealth.get().computedAt().isBefore(now)) {
            prev = previousHealth.get().computedAt();
        }
        this.previousAt = Optional.ofNullable(prev);
        this.previousSignals = prev == null ? Optional.empty() : signals.at(prev);
    }

    private void check() {
        String id = account.id().value();
        health.ifPresent(h -> sameAccount(h.account().value(), id, "health.account"));
        previousHealth.ifPresent(h -> sameAccount(h.account().value(), id, "previousHealth.account"));
        sameAccount(signals.account().value(), id, "signals.account");
        plan.ifPresent(p -> sameAccount(p.account().value(), id, "plan.account"));
        for (int i = 0; i < surveys.size(); i++) {
            sameAccount(surveys.get(i).account().value(), id, "surveys[" + i + "].account");
        }
    }

    private static void sameAccount(String other, String id, String field) {
        if (!other.equals(id)) {
            throw new IllegalArgumentException(field + ": " + other + " is not the context's account " + id);
        }
    }

    /** Returns a builder of the context of {@code account} at {@code now}. */
    public static Builder builder(Account account, Instant now) {
        return new Builder(account, now);
    }

    /** Returns the account. */
    public Account account() {
        return account;
    }

    /** Returns the account's id. */
    public AccountId id() {
        return id;
    }

    /** Returns the instant of the evaluation. */
    public Instant now() {
        return now;
    }

    /** Returns the latest health score, if there is one. */
    public Optional<HealthScore> health() {
        return health;
    }

    /** Returns the previous health score, for edge triggers, if there is one. */
    public Optional<HealthScore> previousHealth() {
        return previousHealth;
    }

    /** Returns the signal history (empty when none was given). */
    public SignalHistory signals() {
        return signals;
    }

    /** Returns the signal snapshot in force at {@link #now()}, if there is one. */
    public Optional<SignalSnapshot> latestSignals() {
        return latestSignals;
    }

    /** Returns the signal snapshot in force at {@link #previousAt()}, if there is one. */
    public Optional<SignalSnapshot> previousSignals() {
        return previousSignals;
    }

    /**
     * Returns the instant of the previous state, for edge triggers: the one given to the builder; else the time of
     * the snapshot before the current one; else the previous health score's time; else empty (no edge can be seen).
     */
    public Optional<Instant> previousAt() {
        return previousAt;
    }

    /** Returns the success plan, if the account has one. */
    public Optional<SuccessPlan> plan() {
        return plan;
    }

    /** Returns the account's survey answers given to the builder. */
    public List<SurveyResponse> surveys() {
        return surveys;
    }

    /** Returns the resolved facts of {@code table}: current values, then previous values; NaN when missing. */
    double[] values(FactTable table) {
        Resolved r = resolved;
        if (r != null && r.table == table) {
            return r.values;
        }
        double[] values = table.resolve(this);
        resolved = new Resolved(table, values);
        return values;
    }

    @Override
    public String toString() {
        return "EvaluationContext[" + account.id() + " at " + now + "]";
    }

    /** Builds an {@link EvaluationContext}. Not thread-safe; the context it builds is. */
    public static final class Builder {
        private final Account account;
        private final Instant now;
        private @Nullable HealthScore health;
        private @Nullable HealthScore previousHealth;
        private @Nullable SignalHistory signals;
        private @Nullable Instant previousAt;
        private @Nullable SuccessPlan plan;
        private final List<SurveyResponse> surveys = new ArrayList<>();

        private Builder(Account account, Instant now) {
            this.account = Objects.requireNonNull(account, "account");
            this.now = Objects.requireNonNull(now, "now");
        }

        /** Sets the latest health score. */
        public Builder health(HealthScore health) {
            this.health = Objects.requireNonNull(health, "health");
            return this;
        }

        /** Sets the previous health score, for edge triggers on health. */
        public Builder previousHealth(HealthScore previousHealth) {
            this.previousHealth = Objects.requireNonNull(previousHealth, "previousHealth");
            return this;
        }

        /** Sets the signal history. */
        public Builder signals(SignalHistory signals) {
            this.signals = Objects.requireNonNull(signals, "signals");
            return this;
        }

        /** Sets a single signal snapshot as the history. */
        public Builder signals(SignalSnapshot snapshot) {
            Objects.requireNonNull(snapshot, "snapshot");
            return signals(SignalHistory.of(snapshot.account(), List.of(snapshot)));
        }

        /** Sets the instant of the previous state explicitly; it must be before {@code now}. */
        public Builder previousAt(Instant previousAt) {
            Objects.requireNonNull(previousAt, "previousAt");
            if (!previousAt.isBefore(now)) {
                throw new IllegalArgumentException("previousAt: " + previousAt + " must be before now " + now);
            }
            this.previousAt = previousAt;
            return this;
        }

        /** Sets the success plan. */
        public Builder plan(SuccessPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /** Adds survey answers of the account. */
        public Builder surveys(List<SurveyResponse> surveys) {
            for (SurveyResponse s : Objects.requireNonNull(surveys, "surveys")) {
                this.surveys.add(Objects.requireNonNull(s, "surveys[]"));
            }
            return this;
        }

        /**
         * Builds the context.
         *
         * @throws IllegalArgumentException if a score, the signals, the plan or a survey is of another account
         */
        public EvaluationContext build() {
            return new EvaluationContext(this);
        }
    }
}
