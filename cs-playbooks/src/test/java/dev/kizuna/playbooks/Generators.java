package dev.kizuna.playbooks;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.plan.PlanStatus;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.playbooks.control.ControlGroup;
import dev.kizuna.playbooks.engine.EvaluationContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.kizuna.playbooks.Fixtures.MONTH_AGO;
import static dev.kizuna.playbooks.Fixtures.NOW;

/** jqwik arbitraries of conditions, rules, playbooks, rule sets and contexts. */
public final class Generators {
    static final List<SignalName> SIGNALS = List.of(SignalName.USAGE_ACTIVE_USERS,
            SignalName.ENGAGEMENT_LICENCE_UTILISATION, SignalName.ADOPTION_FEATURE_BREADTH, SignalName.SENTIMENT_NPS);

    private Generators() {
    }

    public static Arbitrary<Duration> days(int min, int max) {
        return Arbitraries.integers().between(min, max).map(d -> Duration.ofDays(d));
    }

    public static Arbitrary<Double> numbers() {
        return Arbitraries.integers().between(-4, 100).map(i -> i / (i % 3 == 0 ? 1.0 : 4.0));
    }

    /**
     * Returns a value from 0 to 100 of {@link #numbers()} as a value of {@code signal}, inside its domain: whole for a
     * count, a hundredth for a share.
     */
    static double inDomain(SignalName signal, double value) {
        if (signal.domain().whole()) {
            return Math.floor(value);
        }
        return signal.domain().hasMax() && signal.domain().max() == 1 ? value / 100 : value;
    }

    /** Returns numeric tests that can hold for their fact's domain, as the definition readers require. */
    public static Arbitrary<Condition> numericTest(Arbitrary<NumericFact> fact) {
        return Combinators.combine(fact, numbers(), numbers(), Arbitraries.integers().between(0, 4))
                .as((f, a, b, op) -> switch (op) {
                    case 0 -> f.below(a);
                    case 1 -> f.atMost(a);
                    case 2 -> f.above(a);
                    case 3 -> f.atLeast(a);
                    default -> f.between(Math.min(a, b), Math.max(a, b));
                })
                .filter(c -> canHold(c, SignalName::domain));
    }

    /**
     * Returns whether every test in {@code condition} can hold for its fact's domain (a signal's from
     * {@code domains}, another fact's from its kind), as the definition readers require.
     */
    public static boolean canHold(Condition condition, Function<SignalName, SignalDomain> domains) {
        if (condition instanceof Condition.Test t) {
            Fact f = t.fact();
            SignalDomain domain = f.kind() == FactKind.SIGNAL ? domains.apply(f.signal().orElseThrow())
                    : f.kind().domain();
            return t.criterion().canHold(domain);
        }
        if (condition instanceof Condition.All all) {
            return all.parts().stream().allMatch(p -> canHold(p, domains));
        }
        if (condition instanceof Condition.Any any) {
            return any.parts().stream().allMatch(p -> canHold(p, domains));
        }
        return canHold(((Condition.Not) condition).part(), domains);
    }

    public static Arbitrary<Condition> leaf() {
        Arbitrary<SignalName> signal = Arbitraries.of(SIGNALS);
        return Arbitraries.oneOf(
                numericTest(signal.map(Condition::signal)),
                numericTest(Combinators.combine(signal, days(1, 60)).as(Condition::signalChange)),
                numericTest(Arbitraries.just(Condition.healthScore())),
                numericTest(Arbitraries.just(Condition.daysToRenewal())),
                numericTest(Arbitraries.just(Condition.daysInStage())),
                numericTest(Arbitraries.just(Condition.overdueMilestones())),
                numericTest(Arbitraries.just(Condition.tierRank())),
                numericTest(days(1, 120).map(Condition::promoters)),
                numericTest(days(1, 120).map(Condition::detractors)),
                Arbitraries.of("red", "yellow", "green").list().ofMinSize(1).ofMaxSize(2)
                        .map(l -> Condition.healthBand().in(l)),
                Arbitraries.of(JourneyStage.class).list().ofMinSize(1).ofMaxSize(2).map(l -> Condition.stage().in(l)),
                Arbitraries.of(PlanStatus.class).list().ofMinSize(1).ofMaxSize(2)
                        .map(l -> Condition.planStatus().in(l)),
                Arbitraries.of("enterprise", "smb").map(s -> Condition.segment().is(s)),
                Arbitraries.of("beta", "vip").map(s -> Condition.tags().is(s)));
    }

    public static Arbitrary<Condition> condition(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Condition> sub = condition(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf()),
                net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(1).ofMaxSize(3).map(Condition::all)),
                net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(1).ofMaxSize(3).map(Condition::any)),
                net.jqwik.api.Tuple.of(1, sub.map(Condition::not)));
    }

    public static Arbitrary<Action> action() {
        return Combinators.combine(Arbitraries.of(ActionKind.class), Arbitraries.of(CsRole.class),
                        Arbitraries.of(ActionPriority.class), days(0, 14), Arbitraries.of("a", "b", "c"),
                        Arbitraries.of(Optional.<String>empty(), Optional.of("shared-key")),
                        Arbitraries.of(false, true))
                .as((kind, owner, priority, due, template, key, flip) -> {
                    Action a = Action.of(kind, owner, template).withPriority(priority).withDueIn(due);
                    if (flip) {
                        a = a.withParameter("channel", "email");
                    }
                    return key.isPresent() ? a.withDedupeKey(key.get()) : a;
                });
    }

    public static Arbitrary<Rule> rule(String id) {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(Trigger.Kind.class),
                        condition(2), action().list().ofMinSize(1).ofMaxSize(2), days(0, 30),
                        Arbitraries.integers().between(0, 3), days(1, 60))
                .as((priority, kind, when, actions, cooldown, limit, window) -> {
                    Rule.Builder b = Rule.builder(id).priority(priority).trigger(new Trigger(kind, when))
                            .cooldown(cooldown);
                    actions.forEach(b::action);
                    if (limit > 0) {
                        b.limit(limit, window);
                    }
                    return b.build();
                });
    }

    public static Arbitrary<Playbook> playbook(String id) {
        Arbitrary<List<Rule>> rules = Arbitraries.integers().between(1, 4).flatMap(n -> {
            List<Arbitrary<Rule>> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(rule("r" + i));
            }
            return Combinators.combine(list).as(l -> l);
        });
        return Combinators.combine(rules, Arbitraries.of(Playbook.Mode.INCLUSIVE, Playbook.Mode.EXCLUSIVE),
                        Arbitraries.of(Playbook.Archetype.class), Arbitraries.of(0.0, 0.3))
                .as((r, mode, purpose, share) -> {
                    Playbook.Builder b = Playbook.builder(id, purpose).mode(mode)
                            .control(share == 0 ? ControlGroup.none() : ControlGroup.of(share, "gen"));
                    r.forEach(b::rule);
                    return b.build();
                });
    }

    public static Arbitrary<RuleSet> ruleSet() {
        Arbitrary<List<Playbook>> playbooks = Arbitraries.integers().between(1, 3).flatMap(n -> {
            List<Arbitrary<Playbook>> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(playbook("pb" + i));
            }
            return Combinators.combine(list).as(l -> l);
        });
        return Combinators.combine(playbooks, Arbitraries.integers().between(0, 3), days(1, 14))
                .as((p, voice, window) -> voice == 0 ? RuleSet.of(p) : RuleSet.of(p).withOneVoice(
                        OneVoice.of(voice, window)));
    }

    public static Arbitrary<EvaluationContext> context() {
        Arbitrary<Account> account = Combinators.combine(Arbitraries.integers().between(0, 999),
                        Arbitraries.of("enterprise", "smb"), Arbitraries.integers().between(1, 3),
                        Arbitraries.of(JourneyStage.class), Arbitraries.integers().between(1, 400),
                        Arbitraries.integers().between(-10, 400), Arbitraries.<List<String>>of(List.of(), List.of("beta"),
                                List.of("vip", "beta")))
                .as((n, segment, rank, stage, inStage, renewal, tags) -> {
                    LocalDate r = LocalDate.of(2026, 6, 1).plusDays(renewal);
                    Account.Builder b = Account.builder(AccountId.of("acc-" + n), "Customer " + n)
                            .segment(Segment.of(segment)).tier(Tier.of("t" + rank, rank)).currency("USD")
                            .contract(new Contract(r.minusYears(1), r, Period.ofYears(1)))
                            .stage(stage, NOW.minus(Duration.ofDays(inStage)));
                    tags.forEach(b::tag);
                    return b.build();
                });
        Arbitrary<Optional<Double>> score = Arbitraries.integers().between(-1, 100)
                .map(i -> i < 0 ? Optional.<Double>empty() : Optional.of((double) i));
        Arbitrary<List<Double>> values = numbers().map(Math::abs).list().ofSize(2 * SIGNALS.size());
        Arbitrary<List<Integer>> nps = Arbitraries.integers().between(0, 10).list().ofMaxSize(3);
        return Combinators.combine(account, score, score, values, nps).as((a, now, prev, v, answers) -> {
            EvaluationContext.Builder b = EvaluationContext.builder(a, NOW);
            now.ifPresent(x -> b.health(Fixtures.health(a.id(), x, NOW)));
            prev.ifPresent(x -> b.previousHealth(Fixtures.health(a.id(), x, MONTH_AGO)));
            SignalSnapshot.Builder before = SignalSnapshot.builder(a.id(), MONTH_AGO);
            SignalSnapshot.Builder after = SignalSnapshot.builder(a.id(), NOW);
            for (int i = 0; i < SIGNALS.size(); i++) {
                before.put(SIGNALS.get(i), inDomain(SIGNALS.get(i), v.get(i)));
                after.put(SIGNALS.get(i), inDomain(SIGNALS.get(i), v.get(SIGNALS.size() + i)));
            }
            b.signals(SignalHistory.of(a.id(), List.of(before.build(), after.build())));
            List<SurveyResponse> surveys = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                surveys.add(SurveyResponse.nps(a.id(), "u" + i, NOW.minus(Duration.ofDays(5 + 20L * i)),
                        answers.get(i)));
            }
            return b.surveys(surveys).build();
        });
    }
}
