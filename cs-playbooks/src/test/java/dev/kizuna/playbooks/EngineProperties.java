package dev.kizuna.playbooks;

import dev.kizuna.core.AccountId;
import dev.kizuna.playbooks.engine.CompiledRuleSet;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.log.AccountHistory;
import dev.kizuna.playbooks.log.Firing;
import dev.kizuna.playbooks.log.InMemoryActionLog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.kizuna.playbooks.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineProperties {

    @Provide
    Arbitrary<RuleSet> ruleSets() {
        return Generators.ruleSet();
    }

    @Provide
    Arbitrary<EvaluationContext> contexts() {
        return Generators.context();
    }

    /** Rebuilds a context from its parts, so that no cached resolution is shared. */
    private static EvaluationContext copy(EvaluationContext c) {
        EvaluationContext.Builder b = EvaluationContext.builder(c.account(), c.now()).signals(c.signals())
                .surveys(c.surveys());
        c.health().ifPresent(b::health);
        c.previousHealth().ifPresent(b::previousHealth);
        c.plan().ifPresent(b::plan);
        return b.build();
    }

    @Property(tries = 200)
    void evaluationIsDeterministic(@ForAll("ruleSets") RuleSet set, @ForAll("contexts") EvaluationContext c) {
        Evaluation first = CompiledRuleSet.compile(set).evaluate(c, AccountHistory.empty(c.account().id()), true);
        Evaluation second = CompiledRuleSet.compile(set).evaluate(copy(c), AccountHistory.empty(c.account().id()),
                true);
        assertEquals(first, second);
        assertEquals(first, CompiledRuleSet.compile(set).evaluate(c, AccountHistory.empty(c.account().id()), true),
                "a second evaluation of the same context reuses its resolved facts");
        Evaluation untraced = CompiledRuleSet.compile(set).evaluate(c, AccountHistory.empty(c.account().id()), false);
        assertEquals(first.actions(), untraced.actions());
        assertEquals(first.firings(), untraced.firings());
    }

    @Property(tries = 200)
    void theOrderOfDeclarationDoesNotMatter(@ForAll("ruleSets") RuleSet set, @ForAll("contexts") EvaluationContext c,
                                            @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Playbook> shuffled = new ArrayList<>();
        for (Playbook p : set.playbooks()) {
            List<Rule> rules = new ArrayList<>(p.rules());
            Collections.shuffle(rules, random);
            shuffled.add(new Playbook(p.id(), p.purpose(), p.description(), p.mode(), rules, p.control()));
        }
        Collections.shuffle(shuffled, random);
        RuleSet other = new RuleSet(shuffled, set.oneVoice());
        AccountHistory empty = AccountHistory.empty(c.account().id());
        assertEquals(CompiledRuleSet.compile(set).evaluate(c, empty, true),
                CompiledRuleSet.compile(other).evaluate(copy(c), empty, true));
        assertEquals(CompiledRuleSet.compile(set).order(), CompiledRuleSet.compile(other).order());
    }

    @Property(tries = 100)
    void aRuleNeverFiresTwiceWithinItsCooldown(@ForAll @IntRange(min = 1, max = 30) int cooldownDays,
                                               @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 9) Integer> gaps,
                                               @ForAll List<Boolean> red) {
        Condition when = Condition.healthBand().is("red");
        RuleSet set = RuleSet.of(Fixtures.playbook("risk", Rule.builder("red").when(when).action(Fixtures.task("x"))
                .cooldown(Duration.ofDays(cooldownDays)).build()));
        InMemoryActionLog log = new InMemoryActionLog();
        PlaybookEngine engine = PlaybookEngine.builder(set).log(log).trace(false).build();
        AccountId id = AccountId.of("acme");
        Instant t = NOW;
        for (int i = 0; i < gaps.size(); i++) {
            t = t.plus(Duration.ofDays(gaps.get(i)));
            double score = i < red.size() && !red.get(i) ? 80 : 30;
            engine.evaluate(EvaluationContext.builder(Fixtures.account("acme", 100), t)
                    .health(Fixtures.health(id, score, t)).build());
        }
        List<Firing> firings = log.history(id).firings();
        for (int i = 1; i < firings.size(); i++) {
            Duration gap = Duration.between(firings.get(i - 1).at(), firings.get(i).at());
            assertTrue(gap.compareTo(Duration.ofDays(cooldownDays)) >= 0, firings.toString());
        }
    }

    @Property(tries = 100)
    void theOneVoiceCapIsNeverExceeded(@ForAll("ruleSets") RuleSet set, @ForAll("contexts") EvaluationContext c,
                                       @ForAll @IntRange(min = 1, max = 3) int max,
                                       @ForAll @IntRange(min = 1, max = 10) int windowDays,
                                       @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 5) Integer> gaps) {
        Duration window = Duration.ofDays(windowDays);
        RuleSet capped = set.withOneVoice(OneVoice.of(max, window));
        InMemoryActionLog log = new InMemoryActionLog();
        PlaybookEngine engine = PlaybookEngine.builder(capped).log(log).trace(false).build();
        Instant t = c.now();
        for (int gap : gaps) {
            t = t.plus(Duration.ofDays(gap));
            EvaluationContext at = EvaluationContext.builder(c.account(), t).signals(c.signals())
                    .surveys(c.surveys()).build();
            engine.evaluate(at);
        }
        List<Instant> contacts = log.history(c.account().id()).contacts();
        for (int i = 0; i < contacts.size(); i++) {
            int inWindow = 0;
            for (Instant other : contacts) {
                if (!other.isAfter(contacts.get(i)) && other.isAfter(contacts.get(i).minus(window))) {
                    inWindow++;
                }
            }
            assertTrue(inWindow <= max, contacts + " exceeds " + max + " per " + window);
        }
    }

    @Property(tries = 100)
    void aDryRunRecordsNothingAndDecidesAsARunWould(@ForAll("ruleSets") RuleSet set,
                                                    @ForAll("contexts") EvaluationContext c) {
        InMemoryActionLog log = new InMemoryActionLog();
        PlaybookEngine engine = PlaybookEngine.builder(set).log(log).build();
        engine.evaluate(EvaluationContext.builder(c.account(), c.now().minus(Duration.ofDays(3)))
                .signals(c.signals()).build());
        AccountHistory before = log.history(c.account().id());
        Evaluation dry = engine.dryRun(c);
        assertTrue(dry.dryRun());
        assertEquals(before, log.history(c.account().id()));
        Evaluation real = engine.evaluate(c);
        assertEquals(real, dry.asDryRun(false));
    }
}
