package dev.kizuna.benchmarks.playbooks;

import dev.kizuna.playbooks.engine.CompiledRuleSet;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.evaluation.Evaluation;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kizuna's playbook engine against Easy Rules 4.1.0, the most used lightweight Java rule engine, in one run: the
 * same 50 rules ({@link BenchmarkRules}) over the same {@code size} accounts (the demo portfolio's current
 * customers; somewhat fewer than {@code size}). One operation evaluates every account once, so accounts per second
 * is ops/s times the number of accounts (printed at setup).
 *
 * <ul>
 *   <li>{@link #kizuna()}: the compiled rule set, trace off, no history (a first run, or a stateless preview);</li>
 *   <li>{@link #kizunaTraced()}: the same with the full trace, for reference;</li>
 *   <li>{@link #kizunaNothingFires()}: 50 rules none of which match, to show the allocation of the quiet path;</li>
 *   <li>{@link #easyRules()}: the same 50 rules as Easy Rules rules with lambda conditions over prebuilt
 *       {@code Facts}.</li>
 * </ul>
 * Both engines get their per-account input prebuilt (contexts, facts), and Kizuna's contexts have resolved their
 * facts for the rule set during warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEngineBenchmark {

    @Param("100000")
    public int size;

    private List<EvaluationContext> contexts;
    private CompiledRuleSet compiled;
    private CompiledRuleSet quiet;
    private Facts[] facts;
    private Rules rules;
    private RulesEngine engine;
    private long easyFired;

    @Setup(Level.Trial)
    public void setUp() {
        contexts = BenchmarkRules.contexts(size);
        facts = new Facts[contexts.size()];
        for (int i = 0; i < contexts.size(); i++) {
            facts[i] = BenchmarkRules.facts(contexts.get(i));
        }
        compiled = CompiledRuleSet.compile(BenchmarkRules.kizuna());
        quiet = CompiledRuleSet.compile(BenchmarkRules.quiet());
        rules = BenchmarkRules.easyRules(name -> easyFired++);
        engine = new DefaultRulesEngine();
        System.out.println("\n" + contexts.size() + " accounts evaluated per operation");
    }

    /** Kizuna, trace off. */
    @Benchmark
    public void kizuna(Blackhole bh) {
        for (int i = 0; i < contexts.size(); i++) {
            Evaluation e = compiled.evaluate(contexts.get(i), false);
            bh.consume(e);
        }
    }

    /** Kizuna with the full trace. */
    @Benchmark
    public void kizunaTraced(Blackhole bh) {
        for (int i = 0; i < contexts.size(); i++) {
            bh.consume(compiled.evaluate(contexts.get(i), true));
        }
    }

    /** Kizuna, trace off, with 50 rules that never match. */
    @Benchmark
    public void kizunaNothingFires(Blackhole bh) {
        for (int i = 0; i < contexts.size(); i++) {
            bh.consume(quiet.evaluate(contexts.get(i), false));
        }
    }

    /** Easy Rules 4.1.0, lambda conditions over prebuilt facts. */
    @Benchmark
    public long easyRules() {
        for (Facts f : facts) {
            engine.fire(rules, f);
        }
        return easyFired;
    }
}
