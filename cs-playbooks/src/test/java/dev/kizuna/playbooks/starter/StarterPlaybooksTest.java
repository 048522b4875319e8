package dev.kizuna.playbooks.starter;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Contract;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.Tier;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.plan.Milestone;
import dev.kizuna.core.plan.MilestoneKind;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.ActionKind;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.evaluation.Suppression;
import dev.kizuna.playbooks.definition.PlaybookDefinitions;
import dev.kizuna.playbooks.engine.CompiledRuleSet;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.engine.PortfolioContexts;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;
import dev.kizuna.playbooks.evaluation.Suppression;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.kizuna.playbooks.Fixtures.MONTH_AGO;
import static dev.kizuna.playbooks.Fixtures.NOW;
import static dev.kizuna.playbooks.Fixtures.account;
import static dev.kizuna.playbooks.Fixtures.health;
import static dev.kizuna.playbooks.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each starter playbook fires where it should, and only there. */
class StarterPlaybooksTest {

    private static List<String> templates(String playbookId, EvaluationContext context) {
        Evaluation e = CompiledRuleSet.compile(RuleSet.of(StarterPlaybooks.get(playbookId))).evaluate(context);
        return e.actions().stream().map(a -> a.action().template()).toList();
    }

    private static EvaluationContext withScores(Account a, double previous, double now, SignalSnapshot... snaps) {
        EvaluationContext.Builder b = EvaluationContext.builder(a, NOW)
                .health(health(a.id(), now, NOW)).previousHealth(health(a.id(), previous, MONTH_AGO));
        if (snaps.length > 0) {
            b.signals(SignalHistory.of(a.id(), List.of(snaps)));
        }
        return b.build();
    }

    @Test
    void everyStarterPlaybookLoadsAgainstTheSignalCatalogueAndRoundTrips() {
        assertEquals(7, StarterPlaybooks.all().size());
        assertEquals(StarterPlaybooks.ids(), StarterPlaybooks.all().stream().map(Playbook::id).toList());
        PlaybookDefinitions reader = PlaybookDefinitions.withCatalogue(SignalName.catalogue());
        for (Playbook p : StarterPlaybooks.all()) {
            assertTrue(StarterPlaybooks.definition(p.id()).startsWith("#"), "each definition explains itself");
            String yaml = reader.write(p, DefinitionFormat.YAML);
            assertEquals(p, reader.readPlaybook(yaml, DefinitionFormat.YAML));
        }
        assertEquals(StarterPlaybooks.ONE_VOICE, StarterPlaybooks.ruleSet().oneVoice().orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StarterPlaybooks.get("x"));
        assertTrue(e.getMessage().startsWith("id: 'x' is not a starter playbook"));
    }

    @Test
    void onboardingStalledReengagesThenTheLeadStepsIn() {
        Account a = account("new-co", JourneyStage.CONVERSION, 50);
        SuccessPlan plan = SuccessPlan.builder("plan-1", a.id())
                .milestone(Milestone.of("Kick-off", MilestoneKind.KICKOFF, LocalDate.of(2026, 5, 1),
                        CsRole.CUSTOMER_SUCCESS_MANAGER)).build();
        PlaybookEngine engine = PlaybookEngine.builder(RuleSet.of(StarterPlaybooks.get(
                StarterPlaybooks.ONBOARDING_STALLED))).build();
        Evaluation first = engine.evaluate(EvaluationContext.builder(a, NOW).plan(plan).build());
        assertEquals(List.of("onboarding-stalled-call", "lets-get-started"),
                first.actions().stream().map(x -> x.action().template()).toList());
        Evaluation week = engine.evaluate(EvaluationContext.builder(a, NOW.plus(Duration.ofDays(7))).plan(plan)
                .build());
        assertTrue(week.actions().isEmpty());
        Evaluation twoWeeks = engine.evaluate(EvaluationContext.builder(a, NOW.plus(Duration.ofDays(14))).plan(plan)
                .build());
        assertEquals(List.of("onboarding-rescue-review"), twoWeeks.actions().stream()
                .map(x -> x.action().template()).toList());
        assertEquals(CsRole.CS_LEAD, twoWeeks.actions().get(0).action().owner());
        SuccessPlan onTime = SuccessPlan.builder("plan-2", a.id())
                .milestone(Milestone.of("Kick-off", MilestoneKind.KICKOFF, LocalDate.of(2026, 7, 1),
                        CsRole.CUSTOMER_SUCCESS_MANAGER)).build();
        assertEquals(List.of(), templates(StarterPlaybooks.ONBOARDING_STALLED,
                EvaluationContext.builder(a, NOW).plan(onTime).build()));
    }

    @Test
    void lowAdoptionNudgesAnAccountWithFewActiveSeatsAndFeaturesUnlessHeldOut() {
        Playbook nudge = StarterPlaybooks.get(StarterPlaybooks.LOW_ADOPTION_NUDGE);
        int acted = 0;
        int heldOut = 0;
        for (int i = 0; i < 40; i++) {
            Account a = account("low-" + i, JourneyStage.RETENTION, 100);
            EvaluationContext c = EvaluationContext.builder(a, NOW).signals(snapshot(a.id(), NOW,
                    "engagement.licence_utilisation", 0.2, "adoption.feature_breadth", 0.25)).build();
            Evaluation e = CompiledRuleSet.compile(RuleSet.of(nudge)).evaluate(c);
            boolean held = nudge.control().isHeldOut(a.id(), nudge.id());
            assertEquals(held, !e.heldOut().isEmpty());
            assertEquals(held ? List.of() : List.of("adoption-tips"),
                    e.actions().stream().map(x -> x.action().template()).toList());
            acted += held ? 0 : 1;
            heldOut += held ? 1 : 0;
        }
        assertTrue(acted > 0 && heldOut > 0, acted + " acted, " + heldOut + " held out");
        Account busy = account("busy", JourneyStage.RETENTION, 100);
        assertEquals(List.of(), templates(StarterPlaybooks.LOW_ADOPTION_NUDGE, EvaluationContext.builder(busy, NOW)
                .signals(snapshot(busy.id(), NOW, "engagement.licence_utilisation", 0.7,
                        "adoption.feature_breadth", 0.25)).build()));
    }

    @Test
    void redAccountEscalationEscalatesOnEnteringRedAndReviewsWhileRed() {
        Account a = account("red-co", 200);
        assertEquals(List.of("red-account-programme", "red-account-plan"),
                templates(StarterPlaybooks.RED_ACCOUNT_ESCALATION, withScores(a, 62, 41)));
        assertEquals(List.of("red-account-review"),
                templates(StarterPlaybooks.RED_ACCOUNT_ESCALATION, withScores(a, 45, 41)));
        assertEquals(List.of("usage-drop-call"), templates(StarterPlaybooks.RED_ACCOUNT_ESCALATION,
                withScores(a, 70, 65, snapshot(a.id(), MONTH_AGO, "usage.active_users", 100),
                        snapshot(a.id(), NOW, "usage.active_users", 60))));
        assertEquals(List.of(), templates(StarterPlaybooks.RED_ACCOUNT_ESCALATION,
                withScores(a, 70, 65, snapshot(a.id(), MONTH_AGO, "usage.active_users", 100),
                        snapshot(a.id(), NOW, "usage.active_users", 80))));
        RuleSet escalation = RuleSet.of(StarterPlaybooks.get(StarterPlaybooks.RED_ACCOUNT_ESCALATION));
        Evaluation e = CompiledRuleSet.compile(escalation).evaluate(withScores(a, 62, 41));
        assertEquals(ActionKind.ESCALATION, e.actions().get(0).action().kind());
        assertEquals(CsRole.CS_LEAD, e.actions().get(0).action().owner());
    }

    @Test
    void renewalReviewsAt90And60And30DaysWithAnEbrForTheTopTier() {
        assertEquals(List.of("executive-business-review", "renewal-review"),
                templates(StarterPlaybooks.RENEWAL, EvaluationContext.builder(account("top", 75), NOW).build()));
        Account standard = account("std", 75).toBuilder().tier(Tier.of("standard", 3)).build();
        assertEquals(List.of("renewal-review"),
                templates(StarterPlaybooks.RENEWAL, EvaluationContext.builder(standard, NOW).build()));
        assertEquals(List.of("renewal-value-summary"),
                templates(StarterPlaybooks.RENEWAL, EvaluationContext.builder(account("a", 45), NOW).build()));
        assertEquals(List.of("renewal-confirm"),
                templates(StarterPlaybooks.RENEWAL, EvaluationContext.builder(account("a", 20), NOW).build()));
        assertEquals(List.of(), templates(StarterPlaybooks.RENEWAL,
                EvaluationContext.builder(account("a", 120), NOW).build()));
        assertEquals(List.of(), templates(StarterPlaybooks.RENEWAL,
                EvaluationContext.builder(account("monthly", JourneyStage.RETENTION, 300), NOW).build()));
    }

    @Test
    void renewalReviewsLeaveOutTermsShorterThanSixMonths() {
        // A month-to-month customer is always within 30 days of its renewal: no monthly review for it.
        LocalDate renewal = LocalDate.of(2026, 6, 21);
        Account monthly = account("monthly", 20).toBuilder()
                .contract(new Contract(renewal.minusMonths(1), renewal, Period.ofMonths(1))).build();
        assertEquals(List.of(), templates(StarterPlaybooks.RENEWAL, EvaluationContext.builder(monthly, NOW).build()));
        Account quarterly = account("quarterly", 75).toBuilder()
                .contract(new Contract(renewal.plusDays(55).minusMonths(3), renewal.plusDays(55), Period.ofMonths(3)))
                .build();
        assertEquals(List.of(), templates(StarterPlaybooks.RENEWAL, EvaluationContext.builder(quarterly, NOW).build()));
        Account halfYearly = account("half", 20).toBuilder()
                .contract(new Contract(renewal.minusMonths(6), renewal, Period.ofMonths(6))).build();
        assertEquals(List.of("renewal-confirm"),
                templates(StarterPlaybooks.RENEWAL, EvaluationContext.builder(halfYearly, NOW).build()));
    }

    @Test
    void expansionHandsCsqlsToSalesNearTheSeatLimitOnAFeatureSpikeAndWhenGreenBeforeRenewal() {
        Account a = account("grow", 200);
        List<String> seats = templates(StarterPlaybooks.EXPANSION_CSQL, withScores(a, 70, 70,
                snapshot(a.id(), NOW, "engagement.licence_utilisation", 0.95)));
        assertEquals(List.of("csql-seat-expansion"), seats);
        assertEquals(List.of("csql-feature-upsell"), templates(StarterPlaybooks.EXPANSION_CSQL, withScores(a, 70, 70,
                snapshot(a.id(), MONTH_AGO, "adoption.feature_depth", 2.0),
                snapshot(a.id(), NOW, "adoption.feature_depth", 4.0))));
        assertEquals(List.of("csql-renewal-uplift"), templates(StarterPlaybooks.EXPANSION_CSQL,
                withScores(account("green", 100), 80, 85)));
        assertEquals(List.of(), templates(StarterPlaybooks.EXPANSION_CSQL, withScores(a, 50, 50,
                snapshot(a.id(), NOW, "engagement.licence_utilisation", 0.95))));
        Evaluation e = CompiledRuleSet.compile(RuleSet.of(StarterPlaybooks.get(StarterPlaybooks.EXPANSION_CSQL)))
                .evaluate(withScores(account("green", 100), 80, 85));
        assertEquals(CsRole.SALES, e.actions().get(0).action().owner());
        assertEquals(ActionKind.CSQL_HANDOFF, e.actions().get(0).action().kind());
    }

    @Test
    void aPromoterWithGreenHealthIsInvitedToAdvocate() {
        Account a = account("fan", 200);
        SurveyResponse promoter = SurveyResponse.nps(a.id(), "u1", NOW.minus(Duration.ofDays(20)), 10);
        assertEquals(List.of("advocacy-invite", "thank-champion"), templates(StarterPlaybooks.CHAMPION_ADVOCACY,
                EvaluationContext.builder(a, NOW).health(health(a.id(), 88, NOW)).surveys(List.of(promoter)).build()));
        assertEquals(List.of(), templates(StarterPlaybooks.CHAMPION_ADVOCACY,
                EvaluationContext.builder(a, NOW).health(health(a.id(), 60, NOW)).surveys(List.of(promoter)).build()));
        SurveyResponse old = SurveyResponse.nps(a.id(), "u1", NOW.minus(Duration.ofDays(120)), 10);
        assertEquals(List.of(), templates(StarterPlaybooks.CHAMPION_ADVOCACY,
                EvaluationContext.builder(a, NOW).health(health(a.id(), 88, NOW)).surveys(List.of(old)).build()));
    }

    @Test
    void aDetractorIsFollowedUpWithinDays() {
        Account a = account("unhappy", 200);
        SurveyResponse detractor = SurveyResponse.nps(a.id(), "u1", NOW.minus(Duration.ofDays(3)), 4);
        Evaluation e = CompiledRuleSet.compile(RuleSet.of(StarterPlaybooks.get(StarterPlaybooks.DETRACTOR_RECOVERY)))
                .evaluate(EvaluationContext.builder(a, NOW).surveys(List.of(detractor)).build());
        assertEquals(List.of("detractor-follow-up-call", "detractor-themes"),
                e.actions().stream().map(x -> x.action().template()).toList());
        assertEquals(NOW.plus(Duration.ofDays(3)), e.actions().get(0).dueAt());
        assertEquals(CsRole.PRODUCT, e.actions().get(1).action().owner());
        SurveyResponse passive = SurveyResponse.nps(a.id(), "u2", NOW.minus(Duration.ofDays(3)), 8);
        SurveyResponse late = SurveyResponse.nps(a.id(), "u3", NOW.minus(Duration.ofDays(20)), 2);
        assertEquals(List.of(), templates(StarterPlaybooks.DETRACTOR_RECOVERY,
                EvaluationContext.builder(a, NOW).surveys(List.of(passive, late)).build()));
    }

    /** A stand-in health score from the demo's signals: utilisation and feature breadth, half each. */
    static double demoScore(SignalSnapshot s) {
        double u = Math.min(1, s.value(SignalName.ENGAGEMENT_LICENCE_UTILISATION).orElse(0));
        double b = s.value(SignalName.ADOPTION_FEATURE_BREADTH).orElse(0);
        return Math.round(100 * (0.5 * u + 0.5 * b) * 100) / 100.0;
    }

    @Test
    void theStarterRuleSetRunsOverTheDemoPortfolioDeterministicallyWithOneVoice() {
        Portfolio portfolio = DemoPortfolio.builder().accounts(400).build();
        List<EvaluationContext> contexts = PortfolioContexts.builder(portfolio)
                .health(s -> health(s.account(), demoScore(s), s.at())).build();
        assertFalse(contexts.isEmpty());
        PlaybookEngine engine = PlaybookEngine.builder(StarterPlaybooks.ruleSet()).trace(false).build();
        List<Evaluation> first = engine.dryRunAll(contexts);
        List<Evaluation> again = PlaybookEngine.builder(StarterPlaybooks.ruleSet()).trace(false).build()
                .dryRunAll(contexts);
        assertEquals(first, again);
        Map<String, Integer> byPlaybook = new TreeMap<>();
        int oneVoice = 0;
        for (Evaluation e : first) {
            long contacts = e.actions().stream().filter(x -> x.action().customerFacing()
                    && x.disposition() == RecommendedAction.Disposition.NEW).count();
            assertTrue(contacts <= 1, "one voice: " + e);
            for (RecommendedAction x : e.actions()) {
                byPlaybook.merge(x.playbook(), 1, Integer::sum);
            }
            oneVoice += (int) e.suppressions().stream().filter(s -> s.reason() == Suppression.Reason.ONE_VOICE)
                    .count();
        }
        assertTrue(byPlaybook.size() >= 4, "several playbooks find something in the demo: " + byPlaybook);
        assertTrue(oneVoice > 0, "some customer-facing plays are held back by one voice");
    }

    @Test
    void portfolioContextsCoverCurrentCustomersWithTheirLatestSignals() {
        Portfolio portfolio = DemoPortfolio.builder().accounts(200).build();
        Instant now = portfolio.asOf().atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        List<EvaluationContext> contexts = PortfolioContexts.builder(portfolio).build();
        Map<AccountId, Instant> latest = new HashMap<>();
        for (SignalSnapshot s : portfolio.signals()) {
            latest.merge(s.account(), s.at(), (x, y) -> x.isAfter(y) ? x : y);
        }
        List<AccountId> expected = new ArrayList<>();
        for (Account a : portfolio.accounts()) {
            Instant at = latest.get(a.id());
            if (at != null && !at.isBefore(now.minus(Duration.ofDays(45)))) {
                expected.add(a.id());
            }
        }
        assertEquals(expected, contexts.stream().map(c -> c.account().id()).toList());
        for (EvaluationContext c : contexts) {
            assertEquals(now, c.now());
            assertTrue(c.latestSignals().isPresent());
            assertTrue(c.health().isEmpty());
        }
    }
}
