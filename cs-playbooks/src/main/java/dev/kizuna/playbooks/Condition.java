package dev.kizuna.playbooks;

import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.PlanStatus;
import dev.kizuna.core.signal.SignalName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A typed condition over an account's facts (an {@link dev.kizuna.playbooks.engine.EvaluationContext}): a test of
 * one {@link Fact} by one {@link Criterion}, or {@link All all}, {@link Any any} or {@link Not not} of other
 * conditions. A closed set of node kinds: no expression language, no code. Immutable and thread-safe.
 *
 * <p><b>Three-valued logic.</b> A test of a missing fact (no signal value, no health score, no contract, ...) is
 * <em>unknown</em>. {@code all} is false if any part is false, else unknown if any part is unknown; {@code any} is
 * true if any part is true, else unknown if any part is unknown; {@code not} of unknown is unknown (Kleene's logic).
 * A rule fires only when its condition is true, so missing data never fires a rule by accident, and the trace says
 * which fact was missing.
 *
 * <pre>{@code
 * Condition usageDrop = Condition.signalChange(SignalName.USAGE_ACTIVE_USERS, Duration.ofDays(30)).below(-0.3);
 * Condition redKeyAccount = Condition.healthBand().is("red").and(Condition.topTier());
 * }</pre>
 */
public sealed interface Condition permits Condition.Test, Condition.All, Condition.Any, Condition.Not {

    /** The most parts an {@code all} or {@code any} may have. */
    int MAX_PARTS = 100;

    /** Returns how a person reads this condition, such as {@code health_score < 40 and tier_rank <= 1}. */
    String describe();

    /** Returns this condition and {@code other}. */
    default Condition and(Condition other) {
        return all(this, other);
    }

    /** Returns this condition or {@code other}. */
    default Condition or(Condition other) {
        return any(this, other);
    }

    /** Returns the negation of this condition. */
    default Condition negate() {
        return new Not(this);
    }

    /**
     * A test of one fact.
     *
     * @param fact      the fact
     * @param criterion what is asked of it: numeric for numeric facts, a set of names for categorical ones
     */
    record Test(Fact fact, Criterion criterion) implements Condition {
        /** Validates that the criterion fits the fact, and that set names are possible values of it. */
        public Test {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(criterion, "criterion");
            if (fact.kind().isNumeric() != criterion.isNumeric()) {
                throw new IllegalArgumentException(criterion.key() + ": " + fact.kind().key() + " is "
                        + (fact.kind().isNumeric() ? "a number: use below, atMost, above, atLeast or between"
                        : "categorical: use in"));
            }
            if (criterion instanceof Criterion.In in && fact.kind().allowedValues().isPresent()) {
                List<String> allowed = fact.kind().allowedValues().get();
                for (String v : in.values()) {
                    if (!allowed.contains(v)) {
                        throw new IllegalArgumentException("in: '" + v + "' is not a " + fact.kind().key()
                                + "; the values are " + allowed);
                    }
                }
            }
        }

        @Override
        public String describe() {
            return fact.describe() + " " + criterion.describe();
        }
    }

    /**
     * All parts hold.
     *
     * @param parts the parts, 1 to {@value Condition#MAX_PARTS}
     */
    record All(List<Condition> parts) implements Condition {
        /** Validates and copies the parts. */
        public All {
            parts = Condition.checkParts("all", parts);
        }

        @Override
        public String describe() {
            return join(parts, " and ");
        }
    }

    /**
     * At least one part holds.
     *
     * @param parts the parts, 1 to {@value Condition#MAX_PARTS}
     */
    record Any(List<Condition> parts) implements Condition {
        /** Validates and copies the parts. */
        public Any {
            parts = Condition.checkParts("any", parts);
        }

        @Override
        public String describe() {
            return join(parts, " or ");
        }
    }

    /**
     * The part does not hold.
     *
     * @param part the negated condition
     */
    record Not(Condition part) implements Condition {
        /** Validates the part. */
        public Not {
            Objects.requireNonNull(part, "not");
        }

        @Override
        public String describe() {
            return "not (" + part.describe() + ")";
        }
    }

    // ---- Combinators ----

    /** Returns the condition that holds when all of {@code parts} hold. */
    static Condition all(Condition... parts) {
        return new All(List.of(parts));
    }

    /** Returns the condition that holds when all of {@code parts} hold. */
    static Condition all(List<Condition> parts) {
        return new All(parts);
    }

    /** Returns the condition that holds when any of {@code parts} holds. */
    static Condition any(Condition... parts) {
        return new Any(List.of(parts));
    }

    /** Returns the condition that holds when any of {@code parts} holds. */
    static Condition any(List<Condition> parts) {
        return new Any(parts);
    }

    /** Returns the condition that holds when {@code part} does not. */
    static Condition not(Condition part) {
        return new Not(part);
    }

    // ---- Typed builders ----

    /** Returns the latest value of {@code signal}, to compare. */
    static NumericFact signal(SignalName signal) {
        return new NumericFact(Fact.signal(signal));
    }

    /** Returns the latest value of the signal named {@code signal}, to compare. */
    static NumericFact signal(String signal) {
        return signal(SignalName.of(signal));
    }

    /** Returns the relative change of {@code signal} over {@code window} (-0.3 is down 30%), to compare. */
    static NumericFact signalChange(SignalName signal, Duration window) {
        return new NumericFact(Fact.signalChange(signal, window));
    }

    /** Returns the health score, 0 to 100, to compare. */
    static NumericFact healthScore() {
        return new NumericFact(Fact.of(FactKind.HEALTH_SCORE));
    }

    /** Returns the health band's name, to test. */
    static CategoricalFact<String> healthBand() {
        return new CategoricalFact<>(Fact.of(FactKind.HEALTH_BAND));
    }

    /** Returns the days to the contract's renewal date, to compare. */
    static NumericFact daysToRenewal() {
        return new NumericFact(Fact.of(FactKind.DAYS_TO_RENEWAL));
    }

    /** Returns the length in days of the contract's current term, to compare. */
    static NumericFact contractTermDays() {
        return new NumericFact(Fact.of(FactKind.CONTRACT_TERM_DAYS));
    }

    /** Returns the journey stage, to test. */
    static CategoricalFact<JourneyStage> stage() {
        return new CategoricalFact<>(Fact.of(FactKind.STAGE));
    }

    /** Returns the days spent in the current journey stage, to compare. */
    static NumericFact daysInStage() {
        return new NumericFact(Fact.of(FactKind.DAYS_IN_STAGE));
    }

    /** Returns the success plan's status, to test. */
    static CategoricalFact<PlanStatus> planStatus() {
        return new CategoricalFact<>(Fact.of(FactKind.PLAN_STATUS));
    }

    /** Returns the success plan's overdue milestones, to count. */
    static NumericFact overdueMilestones() {
        return new NumericFact(Fact.of(FactKind.OVERDUE_MILESTONES));
    }

    /** Returns the NPS promoter answers (9-10) within {@code window}, to count. */
    static NumericFact promoters(Duration window) {
        return new NumericFact(Fact.within(FactKind.PROMOTERS, window));
    }

    /** Returns the NPS detractor answers (0-6) within {@code window}, to count. */
    static NumericFact detractors(Duration window) {
        return new NumericFact(Fact.within(FactKind.DETRACTORS, window));
    }

    /** Returns the segment's name, to test. */
    static CategoricalFact<String> segment() {
        return new CategoricalFact<>(Fact.of(FactKind.SEGMENT));
    }

    /** Returns the tier's rank (1 is the top tier), to compare. */
    static NumericFact tierRank() {
        return new NumericFact(Fact.of(FactKind.TIER_RANK));
    }

    /** Returns the condition that the account is in a top tier (rank 1). */
    static Condition topTier() {
        return tierRank().atMost(1);
    }

    /** Returns the account's tags, to test: {@code in} holds when the account has any of the names. */
    static CategoricalFact<String> tags() {
        return new CategoricalFact<>(Fact.of(FactKind.TAGS));
    }

    private static List<Condition> checkParts(String field, List<Condition> parts) {
        Objects.requireNonNull(parts, field);
        if (parts.isEmpty() || parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException(field + ": " + parts.size() + " parts; there must be 1 to "
                    + MAX_PARTS);
        }
        List<Condition> copy = new ArrayList<>(parts.size());
        for (Condition c : parts) {
            copy.add(Objects.requireNonNull(c, field + "[]"));
        }
        return List.copyOf(copy);
    }

    private static String join(List<Condition> parts, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            Condition c = parts.get(i);
            boolean nested = c instanceof All || c instanceof Any;
            out.append(nested ? "(" : "").append(c.describe()).append(nested ? ")" : "");
        }
        return out.toString();
    }
}
