package dev.kizuna.playbooks;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.playbooks.control.ControlGroup;
import dev.kizuna.playbooks.engine.CompiledRuleSet;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.evaluation.ConditionTrace;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.EvaluationListener;
import dev.kizuna.playbooks.evaluation.RecommendedAction;
import dev.kizuna.playbooks.evaluation.RuleFiring;
import dev.kizuna.playbooks.evaluation.RuleStatus;
import dev.kizuna.playbooks.evaluation.RuleTrace;
import dev.kizuna.playbooks.evaluation.Suppression;
import dev.kizuna.playbooks.evaluation.Truth;
import dev.kizuna.playbooks.json.EvaluationJson;
import dev.kizuna.playbooks.log.AccountHistory;
import dev.kizuna.playbooks.log.InMemoryActionLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.kizuna.playbooks.Fixtures.MONTH_AGO;
import static dev.kizuna.playbooks.Fixtures.NOW;
import static dev.kizuna.playbooks.Fixtures.account;
import static dev.kizuna.playbooks.Fixtures.email;
import static dev.kizuna.playbooks.Fixtures.health;
import static dev.kizuna.playbooks.Fixtures.playbook;
import static dev.kizuna.playbooks.Fixtures.rule;
import static dev.kizuna.playbooks.Fixtures.snapshot;
import static dev.kizuna.playbooks.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {
    private static final Account ACME = account("acme", 200);
    private static final AccountId ID = ACME.id();
    private static final Condition RED = Condition.healthBand().is("red");

    private static EvaluationContext redNow(double previousScore) {
        return EvaluationContext.builder(ACME, NOW).health(health(ID, 30, NOW))
                .previousHealth(health(ID, previousScore, MONTH_AGO)).build();
    }

    private static EvaluationContext at(Instant now, double score) {
        return EvaluationContext.builder(ACME, now).health(health(ID, score, now)).build();
    }

    @Test
    void aLevelRuleFiresAndTheTraceShowsActualAgainstThreshold() {
        CompiledRuleSet rs = CompiledRuleSet.compile(RuleSet.of(playbook("risk", rule("low", 1,
                Condition.healthScore().below(40), task("call")))));
        Evaluation e = rs.evaluate(redNow(30), AccountHistory.empty(ID), true);
        assertEquals(1, e.actions().size());
        RecommendedAction a = e.actions().get(0);
        assertEquals("risk/low/call", a.dedupeKey());
        assertEquals(RecommendedAction.Disposition.NEW, a.disposition());
        assertEquals(NOW, a.dueAt());
        RuleTrace t = e.trace().orElseThrow().rule("risk", "low").orElseThrow();
        assertEquals(RuleStatus.FIRED, t.status());
        ConditionTrace c = t.now().orElseThrow();
        assertEquals("30", c.actual());
        assertEquals("< 40", c.expected());
        assertEquals(Truth.TRUE, c.truth());
        assertTrue(e.trace().orElseThrow().format().contains("[x] health_score < 40: actual 30, expected < 40"));
    }

    @Test
    void aMissingFactMakesTheConditionUnknownAndNothingFires() {
        CompiledRuleSet rs = CompiledRuleSet.compile(RuleSet.of(playbook("adoption", rule("low", 1,
                Condition.signal(SignalName.USAGE_ACTIVE_USERS).below(5).or(Condition.healthScore().below(0)),
                task("nudge")))));
        EvaluationContext c = EvaluationContext.builder(ACME, NOW).health(health(ID, 80, NOW)).build();
        Evaluation e = rs.evaluate(c, AccountHistory.empty(ID), true);
        assertTrue(e.isEmpty());
        RuleTrace t = e.trace().orElseThrow().rules().get(0);
        assertEquals(RuleStatus.UNKNOWN, t.status());
        assertEquals("missing", t.now().orElseThrow().parts().get(0).actual());
        assertEquals(Truth.FALSE, t.now().orElseThrow().parts().get(1).truth());
    }

    @Test
    void anEdgeTriggerFiresOnlyOnEnteringTheCondition() {
        CompiledRuleSet rs = CompiledRuleSet.compile(RuleSet.of(playbook("risk",
                Rule.builder("enter-red").onEntering(RED).action(task("escalate")).build())));
        assertEquals(1, rs.evaluate(redNow(60)).firings().size());
        Evaluation stillRed = rs.evaluate(redNow(40), AccountHistory.empty(ID), true);
        assertTrue(stillRed.firings().isEmpty());
        RuleTrace t = stillRed.trace().orElseThrow().rules().get(0);
        assertEquals(RuleStatus.NOT_MATCHED, t.status());
        assertEquals("already true in the previous state", t.detail());
        assertEquals("red", t.previous().orElseThrow().actual());
    }

    @Test
    void anEdgeTriggerWithoutPreviousStateDoesNotFire() {
        CompiledRuleSet rs = CompiledRuleSet.compile(RuleSet.of(playbook("risk",
                Rule.builder("enter-red").onEntering(RED).action(task("escalate")).build())));
        Evaluation e = rs.evaluate(at(NOW, 30), AccountHistory.empty(ID), true);
        assertTrue(e.firings().isEmpty());
        assertEquals(RuleStatus.UNKNOWN, e.trace().orElseThrow().rules().get(0).status());
    }

    @Test
    void anEdgeOnASignalCrossingBelowAThresholdReadsThePreviousSnapshot() {
        SignalHistory h = SignalHistory.of(ID, List.of(snapshot(ID, MONTH_AGO, "usage.active_users", 50),
                snapshot(ID, NOW, "usage.active_users", 30)));
        CompiledRuleSet rs = CompiledRuleSet.compile(RuleSet.of(playbook("risk", Rule.builder("below-40")
                .onEntering(Condition.signal(SignalName.USAGE_ACTIVE_USERS).below(40)).action(task("call"))
                .build())));
        EvaluationContext c = EvaluationContext.builder(ACME, NOW).signals(h).build();
        assertEquals(MONTH_AGO, c.previousAt().orElseThrow());
        assertEquals(1, rs.evaluate(c).firings().size());
    }

    @Test
    void rulesRunByPriorityThenPlaybookThenRuleAndEqualPrioritiesKeepEveryRule() {
        Condition always = Condition.tierRank().atLeast(1);
        RuleSet set = RuleSet.of(
                playbook("b", rule("x", 5, always, task("t1")), rule("a", 5, always, task("t2"))),
                playbook("a", rule("z", 5, always, task("t3")), rule("top", 9, always, task("t4"))));
        CompiledRuleSet rs = CompiledRuleSet.compile(set);
        assertEquals(List.of("a/top", "a/z", "b/a", "b/x"), rs.order());
        List<String> fired = new ArrayList<>();
        rs.evaluate(redNow(30)).firings().forEach(f -> fired.add(f.playbook() + "/" + f.rule()));
        assertEquals(rs.order(), fired);
    }

    @Test
    void inAnExclusivePlaybookTheFirstMatchWinsAndTheRestAreShadowed() {
        Playbook p = Playbook.builder("risk", Playbook.Archetype.RISK).mode(Playbook.Mode.EXCLUSIVE)
                .rule(rule("red", 10, RED, task("escalate")))
                .rule(rule("low", 5, Condition.healthScore().below(60), task("review")))
                .build();
        Evaluation e = CompiledRuleSet.compile(RuleSet.of(p)).evaluate(redNow(30), AccountHistory.empty(ID), true);
        assertEquals(List.of("escalate"), e.actions().stream().map(a -> a.action().template()).toList());
        assertEquals(RuleStatus.SHADOWED, e.trace().orElseThrow().rule("risk", "low").orElseThrow().status());
    }

    @Test
    void aRuleInCooldownDoesNotFireAgainAndTheTraceSaysWhy() {
        RuleSet set = RuleSet.of(playbook("risk", Rule.builder("red").when(RED).action(task("review"))
                .cooldown(Duration.ofDays(14)).build()));
        PlaybookEngine engine = PlaybookEngine.builder(set).build();
        assertEquals(1, engine.evaluate(at(NOW, 30)).firings().size());
        Evaluation again = engine.evaluate(at(NOW.plus(Duration.ofDays(13)), 30));
        assertTrue(again.firings().isEmpty());
        assertEquals(Suppression.Reason.COOLDOWN, again.suppressions().get(0).reason());
        assertEquals(RuleStatus.COOLDOWN, again.trace().orElseThrow().rules().get(0).status());
        assertTrue(again.suppressions().get(0).detail().contains("cooldown P14D until 2026-06-15T00:00:00Z"));
        assertEquals(1, engine.evaluate(at(NOW.plus(Duration.ofDays(14)), 30)).firings().size());
    }

    @Test
    void aRuleStopsAtItsFiringLimitWithinTheWindow() {
        RuleSet set = RuleSet.of(playbook("risk", Rule.builder("red").when(RED).action(task("review"))
                .limit(2, Duration.ofDays(30)).build()));
        PlaybookEngine engine = PlaybookEngine.builder(set).build();
        int fired = 0;
        for (int day = 0; day < 10; day++) {
            fired += engine.evaluate(at(NOW.plus(Duration.ofDays(day)), 30)).firings().size();
        }
        assertEquals(2, fired);
        Evaluation e = engine.evaluate(at(NOW.plus(Duration.ofDays(30)), 30));
        assertEquals(1, e.firings().size(), "the first firing has left the 30-day window");
    }

    @Test
    void oneVoiceCapsCustomerFacingActionsAcrossPlaybooksInRuleOrder() {
        Condition always = Condition.tierRank().atLeast(1);
        RuleSet set = RuleSet.of(
                playbook("renewal", Rule.builder("value").priority(10).when(always).action(email("value-summary"))
                        .action(task("prepare")).build()),
                playbook("adoption", rule("tips", 5, always, email("tips"))),
                playbook("advocacy", rule("invite", 1, always, Action.of(ActionKind.ADVOCACY_INVITE,
                        CsRole.MARKETING, "invite"))))
                .withOneVoice(OneVoice.of(1, Duration.ofDays(7)));
        PlaybookEngine engine = PlaybookEngine.builder(set).build();
        Evaluation e = engine.evaluate(at(NOW, 80));
        assertEquals(List.of("value-summary", "prepare"), e.actions().stream().map(a -> a.action().template())
                .toList());
        assertEquals(2, e.suppressions().size());
        assertTrue(e.suppressions().stream().allMatch(s -> s.reason() == Suppression.Reason.ONE_VOICE));
        assertEquals(RuleStatus.ONE_VOICE, e.trace().orElseThrow().rule("adoption", "tips").orElseThrow().status());
        assertEquals(List.of("renewal"), e.firings().stream().map(RuleFiring::playbook).toList());
        Evaluation nextDay = engine.evaluate(at(NOW.plus(Duration.ofDays(1)), 80));
        assertTrue(nextDay.actions().stream().noneMatch(a -> a.disposition() == RecommendedAction.Disposition.NEW
                && a.action().customerFacing()), "the cap holds for the whole window");
        Evaluation week = engine.evaluate(at(NOW.plus(Duration.ofDays(7)), 80));
        assertTrue(week.actions().stream().anyMatch(a -> a.action().template().equals("tips")),
                "the suppressed play reaches the customer once the window has passed");
    }

    @Test
    void aDedupeKeyUpdatesTheOpenActionUntilTheHostClosesIt() {
        RuleSet set = RuleSet.of(playbook("risk", Rule.builder("red").when(RED).action(task("review"))
                .cooldown(Duration.ofDays(7)).build()));
        InMemoryActionLog log = new InMemoryActionLog();
        PlaybookEngine engine = PlaybookEngine.builder(set).log(log).build();
        assertEquals(RecommendedAction.Disposition.NEW, engine.evaluate(at(NOW, 30)).actions().get(0).disposition());
        Instant week = NOW.plus(Duration.ofDays(7));
        assertEquals(RecommendedAction.Disposition.UPDATE, engine.evaluate(at(week, 30)).actions().get(0)
                .disposition());
        assertEquals(1, log.history(ID).open().size());
        assertEquals(week, log.history(ID).open().get(0).updatedAt());
        assertTrue(log.close(ID, "risk/red/review"));
        assertEquals(RecommendedAction.Disposition.NEW, engine.evaluate(at(week.plus(Duration.ofDays(7)), 30))
                .actions().get(0).disposition());
    }

    @Test
    void aHeldOutAccountIsRecordedAsHeldOutAndNotActedOn() {
        Playbook p = Playbook.builder("risk", Playbook.Archetype.RISK).rule(rule("red", 1, RED, task("review")))
                .control(ControlGroup.of(0.9, "all-but-few")).build();
        AccountId held = null;
        for (int i = 0; held == null; i++) {
            if (p.control().isHeldOut(AccountId.of("acc-" + i), "risk")) {
                held = AccountId.of("acc-" + i);
            }
        }
        Account a = account(held.value(), 100);
        List<RuleFiring> heard = new ArrayList<>();
        InMemoryActionLog log = new InMemoryActionLog();
        PlaybookEngine engine = PlaybookEngine.builder(RuleSet.of(p)).log(log).listener(new EvaluationListener() {
            @Override
            public void ruleFired(Evaluation evaluation, RuleFiring firing) {
                heard.add(firing);
            }
        }).build();
        Evaluation e = engine.evaluate(EvaluationContext.builder(a, NOW).health(health(held, 20, NOW)).build());
        assertTrue(e.actions().isEmpty());
        assertEquals(List.of(new RuleFiring("risk", "red", 1, true)), e.heldOut());
        assertEquals(RuleStatus.HELD_OUT, e.trace().orElseThrow().rules().get(0).status());
        assertTrue(log.history(held).firings().get(0).heldOut());
        assertEquals(e.firings(), heard);
    }

    @Test
    void aSequenceStepWaitsForItsDelayAndFiresOncePerPreviousStep() {
        Condition stalled = Condition.stage().is(JourneyStage.CONVERSION);
        Playbook p = Playbook.builder("onboarding", Playbook.Archetype.ONBOARDING).mode(Playbook.Mode.SEQUENCE)
                .rule(Rule.builder("first").when(stalled).action(task("call")).cooldown(Duration.ofDays(60)).build())
                .rule(Rule.builder("second").when(stalled).action(task("escalate")).delay(Duration.ofDays(14)).build())
                .build();
        Account a = account("new", JourneyStage.CONVERSION, 40);
        PlaybookEngine engine = PlaybookEngine.builder(RuleSet.of(p)).build();
        List<String> fired = new ArrayList<>();
        for (int day = 0; day <= 28; day += 7) {
            Evaluation e = engine.evaluate(EvaluationContext.builder(a, NOW.plus(Duration.ofDays(day))).build());
            int d = day;
            e.firings().forEach(f -> fired.add(d + ":" + f.rule()));
            if (day == 7) {
                assertEquals(RuleStatus.NOT_DUE, e.trace().orElseThrow().rule("onboarding", "second").orElseThrow()
                        .status());
            }
        }
        assertEquals(List.of("0:first", "14:second"), fired);
    }

    @Test
    void aDryRunTellsTheListenersAndRecordsNothing() {
        RuleSet set = RuleSet.of(playbook("risk", rule("red", 1, RED, task("review"))));
        InMemoryActionLog log = new InMemoryActionLog();
        List<Evaluation> heard = new ArrayList<>();
        PlaybookEngine engine = PlaybookEngine.builder(set).log(log).listener(new EvaluationListener() {
            @Override
            public void evaluated(Evaluation evaluation) {
                heard.add(evaluation);
            }
        }).build();
        Evaluation dry = engine.dryRun(at(NOW, 30));
        assertTrue(dry.dryRun());
        assertEquals(1, dry.actions().size());
        assertEquals(List.of(dry), heard);
        assertTrue(log.history(ID).isEmpty());
        assertEquals(0, log.size());
        assertThrows(IllegalArgumentException.class, () -> log.record(dry));
    }

    @Test
    void theTraceCanBeSwitchedOff() {
        RuleSet set = RuleSet.of(playbook("risk", rule("red", 1, RED, task("review"))));
        Evaluation e = PlaybookEngine.builder(set).trace(false).build().evaluate(at(NOW, 30));
        assertTrue(e.trace().isEmpty());
        assertEquals(1, e.actions().size());
    }

    @Test
    void aHistoryOfAnotherAccountIsRejected() {
        CompiledRuleSet rs = CompiledRuleSet.compile(RuleSet.of(playbook("risk", rule("red", 1, RED, task("review")))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rs.evaluate(at(NOW, 30), AccountHistory.empty(AccountId.of("other")), false));
        assertEquals("history.account: other is not the context's account acme", e.getMessage());
    }

    @Test
    void aContextRejectsAScoreOfAnotherAccount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationContext.builder(ACME, NOW).health(health(AccountId.of("other"), 50, NOW)).build());
        assertEquals("health.account: other is not the context's account acme", e.getMessage());
    }

    @Test
    void actionsAreGroupedByOwnerRole() {
        Condition always = Condition.tierRank().atLeast(1);
        RuleSet set = RuleSet.of(playbook("x", Rule.builder("r").when(always).action(task("a"))
                .action(Action.of(ActionKind.CSQL_HANDOFF, CsRole.SALES, "lead")).action(task("b")).build()));
        Evaluation e = CompiledRuleSet.compile(set).evaluate(at(NOW, 80));
        assertEquals(List.of(CsRole.CUSTOMER_SUCCESS_MANAGER, CsRole.SALES), List.copyOf(e.actionsByOwner().keySet()));
        assertEquals(2, e.actionsByOwner().get(CsRole.CUSTOMER_SUCCESS_MANAGER).size());
        assertFalse(e.actionsByOwner().containsKey(CsRole.SUPPORT));
    }

    @Test
    void evaluationsAndTracesBecomeJson() {
        RuleSet set = RuleSet.of(playbook("risk", rule("red", 1, RED, task("review"))));
        Evaluation e = PlaybookEngine.builder(set).build().evaluate(redNow(60));
        String json = EvaluationJson.tree(e).toString();
        assertTrue(json.contains("\"account\":\"acme\""), json);
        assertTrue(json.contains("\"template\":\"review\""), json);
        assertTrue(json.contains("\"status\":\"FIRED\""), json);
        assertTrue(json.contains("\"actual\":\"red\""), json);
    }
}
