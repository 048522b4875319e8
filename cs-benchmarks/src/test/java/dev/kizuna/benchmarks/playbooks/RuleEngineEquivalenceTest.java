package dev.kizuna.benchmarks.playbooks;

import dev.kizuna.playbooks.engine.CompiledRuleSet;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.evaluation.RuleFiring;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kizuna and Easy Rules fire the same rules, in the same order, for the same accounts in the benchmark. */
class RuleEngineEquivalenceTest {

    @Test
    void bothEnginesFireTheSameRulesForTheSameAccounts() {
        List<EvaluationContext> contexts = BenchmarkRules.contexts(2_000);
        CompiledRuleSet kizuna = CompiledRuleSet.compile(BenchmarkRules.kizuna());
        CompiledRuleSet quietRules = CompiledRuleSet.compile(BenchmarkRules.quiet());
        List<String> easyFired = new ArrayList<>();
        Rules rules = BenchmarkRules.easyRules(easyFired::add);
        DefaultRulesEngine engine = new DefaultRulesEngine();
        assertEquals(BenchmarkRules.RULES, rules.size());
        int firings = 0;
        int quiet = 0;
        for (EvaluationContext c : contexts) {
            List<String> kizunaFired = kizuna.evaluate(c).firings().stream().map(RuleFiring::rule).toList();
            easyFired.clear();
            engine.fire(rules, BenchmarkRules.facts(c));
            assertEquals(kizunaFired, easyFired, c.account().id().value());
            firings += kizunaFired.size();
            quiet += kizunaFired.isEmpty() ? 1 : 0;
            assertTrue(quietRules.evaluate(c).firings().isEmpty());
        }
        assertTrue(firings > contexts.size() / 4, "the rules fire often enough to compare: " + firings);
        assertTrue(quiet > contexts.size() / 2, "most accounts fire nothing, as in practice: " + quiet);
    }
}
