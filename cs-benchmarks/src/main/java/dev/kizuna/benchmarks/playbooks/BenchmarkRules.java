package dev.kizuna.benchmarks.playbooks;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import dev.kizuna.playbooks.Action;
import dev.kizuna.playbooks.ActionKind;
import dev.kizuna.playbooks.Condition;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.Rule;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PortfolioContexts;
import dev.kizuna.sample.DemoPortfolio;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.core.RuleBuilder;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * The 50 rules of {@link RuleEngineBenchmark}, written once as specs and turned into a Kizuna {@link RuleSet} and
 * into Easy Rules 4.1.0 rules with lambda conditions over {@link Facts} (no MVEL), plus the accounts both engines
 * evaluate: the demo portfolio's current customers, with a stand-in health score.
 *
 * <p>The rules are the shapes CS teams write: health thresholds by tier or segment, low utilisation and breadth,
 * renewal windows, NPS and tickets, seats near the limit. Each is a conjunction of two tests at most; a missing
 * value makes a rule not fire in both engines. Like real plays, each targets a small share of the book: on the
 * demo portfolio about 0.8 rules fire per account (one rule-account pair in sixty), and four accounts in five fire
 * nothing (see {@code RuleEngineEquivalenceTest}).
 */
public final class BenchmarkRules {
    /** The number of rules. */
    public static final int RULES = 50;
    /** The playbook that holds the 50 rules on the Kizuna side. */
    public static final String PLAYBOOK = "bench";

    private static final ModelId MODEL = ModelId.of("bench-model", "1");

    private BenchmarkRules() {
    }

    /** One numeric test: {@code key op a} (or {@code a <= key <= b} for a range). */
    record Test(String key, char op, double a, double b) {
        boolean holds(double v) {
            return switch (op) {
                case '<' -> v < a;
                case '>' -> v >= a;
                default -> v >= a && v <= b;
            };
        }

        Condition kizuna() {
            var fact = switch (key) {
                case "health_score" -> Condition.healthScore();
                case "days_to_renewal" -> Condition.daysToRenewal();
                case "tier_rank" -> Condition.tierRank();
                default -> Condition.signal(SignalName.of(key));
            };
            return switch (op) {
                case '<' -> fact.below(a);
                case '>' -> fact.atLeast(a);
                default -> fact.between(a, b);
            };
        }
    }

    /** One rule: an id, a priority, tests that must all hold, and a segment when the rule is for one. */
    record Spec(String id, int priority, List<Test> tests, Optional<String> segment) {
    }

    /** Returns the 50 rule specs. */
    static List<Spec> specs() {
        List<Spec> out = new ArrayList<>(RULES);
        for (int i = 0; i < RULES; i++) {
            int k = i / 10;
            List<Test> t = switch (i % 10) {
                case 0 -> List.of(lt("health_score", 20 + 3 * k), lt("tier_rank", 1.5));
                case 1 -> List.of(lt("engagement.licence_utilisation", 0.15 + 0.03 * k),
                        lt("adoption.feature_breadth", 0.25));
                case 2 -> List.of(range("days_to_renewal", 30 * k, 30 * k + 30), ge("health_score", 85));
                case 3 -> List.of(lt("usage.active_users", 1 + k), lt("engagement.licence_utilisation", 0.2));
                case 4 -> List.of(lt("sentiment.nps", -50 + 10 * k), ge("support.open_tickets", 2));
                case 5 -> List.of(ge("engagement.licence_utilisation", 1.0 + 0.05 * k), ge("health_score", 85));
                case 6 -> List.of(ge("support.open_tickets", 4 + k));
                case 7 -> List.of(lt("health_score", 30 + 5 * k));
                case 8 -> List.of(ge("adoption.feature_breadth", 0.875), ge("sentiment.nps", 50 + 10 * k));
                default -> List.of(lt("days_to_renewal", 5 + 5 * k), lt("health_score", 30));
            };
            Optional<String> segment = i % 10 == 7 ? Optional.of("enterprise") : Optional.empty();
            out.add(new Spec(String.format("r%02d", i), (i % 7) * 10, t, segment));
        }
        return out;
    }

    private static Test lt(String key, double a) {
        return new Test(key, '<', a, 0);
    }

    private static Test ge(String key, double a) {
        return new Test(key, '>', a, 0);
    }

    private static Test range(String key, double a, double b) {
        return new Test(key, '[', a, b);
    }

    /** Returns the 50 rules as one inclusive Kizuna playbook, each with one CSM task. */
    public static RuleSet kizuna() {
        Playbook.Builder p = Playbook.builder(PLAYBOOK, Playbook.Archetype.RISK);
        for (Spec s : specs()) {
            List<Condition> parts = new ArrayList<>();
            for (Test t : s.tests()) {
                parts.add(t.kizuna());
            }
            s.segment().ifPresent(seg -> parts.add(Condition.segment().is(seg)));
            Condition when = parts.size() == 1 ? parts.get(0) : Condition.all(parts);
            p.rule(Rule.builder(s.id()).priority(s.priority()).when(when)
                    .action(Action.of(ActionKind.TASK, CsRole.CUSTOMER_SUCCESS_MANAGER, "task-" + s.id())).build());
        }
        return RuleSet.of(p.build());
    }

    /** Returns 50 rules shaped like {@link #kizuna()}'s whose conditions never hold (health above 100). */
    public static RuleSet quiet() {
        Playbook.Builder p = Playbook.builder(PLAYBOOK, Playbook.Archetype.RISK);
        for (Spec s : specs()) {
            List<Condition> parts = new ArrayList<>();
            for (Test t : s.tests()) {
                parts.add(t.kizuna());
            }
            parts.add(0, Condition.healthScore().above(100));
            p.rule(Rule.builder(s.id()).priority(s.priority()).when(Condition.all(parts))
                    .action(Action.of(ActionKind.TASK, CsRole.CUSTOMER_SUCCESS_MANAGER, "task-" + s.id())).build());
        }
        return RuleSet.of(p.build());
    }

    /**
     * Returns the 50 rules as Easy Rules rules. Easy Rules runs lower priorities first, so a Kizuna priority p is
     * Easy Rules' {@code -p}; both then order by name, so both engines take the rules in the same order. Each
     * action hands the rule's name to {@code fired}.
     */
    public static Rules easyRules(Consumer<String> fired) {
        Rules rules = new Rules();
        for (Spec s : specs()) {
            List<Test> tests = s.tests();
            String[] keys = new String[tests.size()];
            Test[] ts = tests.toArray(new Test[0]);
            for (int i = 0; i < keys.length; i++) {
                keys[i] = ts[i].key();
            }
            String segment = s.segment().orElse(null);
            String name = s.id();
            rules.register(new RuleBuilder().name(name).priority(-s.priority())
                    .when(facts -> {
                        for (int i = 0; i < ts.length; i++) {
                            Double v = facts.get(keys[i]);
                            if (v == null || !ts[i].holds(v)) {
                                return false;
                            }
                        }
                        return segment == null || segment.equals(facts.get("segment"));
                    })
                    .then(facts -> fired.accept(name))
                    .build());
        }
        return rules;
    }

    /** Returns the facts Easy Rules reads for one account: the same values Kizuna resolves from the context. */
    public static Facts facts(EvaluationContext c) {
        Facts f = new Facts();
        Account a = c.account();
        f.put("segment", a.segment().name());
        f.put("tier_rank", (double) a.tier().rank());
        a.contract().ifPresent(k -> f.put("days_to_renewal",
                (double) k.daysToRenewal(LocalDate.ofInstant(c.now(), ZoneOffset.UTC))));
        c.health().ifPresent(h -> h.value().ifPresent(v -> f.put("health_score", v)));
        c.latestSignals().ifPresent(s -> s.values().forEach((name, v) -> f.put(name.value(), v)));
        return f;
    }

    /** Returns the evaluation contexts of the current customers of a demo portfolio of {@code accounts} accounts. */
    public static List<EvaluationContext> contexts(int accounts) {
        Portfolio portfolio = DemoPortfolio.builder().accounts(accounts).months(3).build();
        return PortfolioContexts.builder(portfolio).health(s -> health(s.account(), s)).build();
    }

    /** A stand-in health score: licence utilisation and feature breadth, half each, on the standard bands. */
    static HealthScore health(AccountId account, SignalSnapshot s) {
        double u = Math.min(1, s.value(SignalName.ENGAGEMENT_LICENCE_UTILISATION).orElse(0));
        double b = s.value(SignalName.ADOPTION_FEATURE_BREADTH).orElse(0);
        double value = Math.round(100 * (0.5 * u + 0.5 * b) * 100) / 100.0;
        Contribution all = new Contribution("baseline", "Baseline", Contribution.Kind.BASELINE, Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), 0, value, 0);
        return HealthScore.scored(account, MODEL, s.at(), s.at(), value, BandScheme.standard(), List.of(all), 1.0,
                List.of());
    }
}
