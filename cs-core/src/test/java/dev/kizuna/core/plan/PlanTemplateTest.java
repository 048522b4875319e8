package dev.kizuna.core.plan;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.journey.JourneyStage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.kizuna.core.plan.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanTemplateTest {
    private static final LocalDate START = LocalDate.of(2024, 3, 1);
    private static final Owner ANN = Owner.of("ann@example.com", "Ann");

    private static Account account(String segment, JourneyStage stage) {
        return Account.builder(AccountId.of("acme"), "Acme")
                .segment(Segment.of(segment))
                .tier(Tier.of("gold", 1))
                .currency("EUR")
                .stage(stage, Instant.parse("2024-02-20T09:00:00Z"))
                .owner(ANN)
                .build();
    }

    @Test
    void goalTemplateWithBlankNameIsRejected() {
        assertRejected("goal.name", () -> GoalTemplate.of("", "nps", 0, 30, 90), "blank");
    }

    @Test
    void goalTemplateWithInvalidMetricIsRejected() {
        assertRejected("goal.metric", () -> GoalTemplate.of("g", "", 0, 30, 90), "''");
    }

    @Test
    void goalTemplateWithNonFiniteBaselineIsRejected() {
        assertRejected("goal.baseline", () -> GoalTemplate.of("g", "nps", Double.NaN, 30, 90), "NaN");
    }

    @Test
    void goalTemplateWithNonFiniteTargetIsRejected() {
        assertRejected("goal.target", () -> GoalTemplate.of("g", "nps", 0, Double.NEGATIVE_INFINITY, 90), "-Infinity");
    }

    @Test
    void goalTemplateWithTargetEqualToBaselineIsRejected() {
        assertRejected("goal.target", () -> GoalTemplate.of("g", "nps", 30, 30, 90), "30.0", "must differ");
    }

    @Test
    void goalTemplateDueOnTheStartDayIsRejected() {
        assertRejected("goal.dueInDays", () -> GoalTemplate.of("g", "nps", 0, 30, 0), "0 must be > 0");
    }

    @Test
    void milestoneTemplateWithBlankNameIsRejected() {
        assertRejected("milestone.name",
                () -> MilestoneTemplate.of(" ", MilestoneKind.QBR, 90, CsRole.CUSTOMER_SUCCESS_MANAGER), "blank");
    }

    @Test
    void milestoneTemplateDueBeforeTheStartIsRejected() {
        assertRejected("milestone.dueInDays",
                () -> MilestoneTemplate.of("QBR", MilestoneKind.QBR, -1, CsRole.CUSTOMER_SUCCESS_MANAGER), "-1 must be >= 0");
    }

    @Test
    void templateWithBlankNameIsRejected() {
        assertRejected("template.name", () -> PlanTemplate.builder("").build(), "blank");
    }

    @Test
    void templateWithDuplicateGoalNamesIsRejected() {
        assertRejected("template.goals[1].name", () -> PlanTemplate.builder("t")
                .goal(GoalTemplate.of("Adoption", "a", 0, 1, 30))
                .goal(GoalTemplate.of("Adoption", "b", 0, 1, 60))
                .build(), "'Adoption' is a duplicate of template.goals[0].name");
    }

    @Test
    void templateWithDuplicateMilestoneNamesIsRejected() {
        assertRejected("template.milestones[1].name", () -> PlanTemplate.builder("t")
                .milestone(MilestoneTemplate.of("QBR", MilestoneKind.QBR, 90, CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(MilestoneTemplate.of("QBR", MilestoneKind.QBR, 180, CsRole.CUSTOMER_SUCCESS_MANAGER))
                .build(), "'QBR' is a duplicate of template.milestones[0].name");
    }

    @Test
    void currentValueOfAnUnknownMetricIsRejected() {
        assertRejected("currentValues", () -> PlanTemplate.smbOnboarding()
                .instantiate("p", account("smb", JourneyStage.CONVERSION), START, Map.of("licence_utilisaton", 0.1)),
                "'licence_utilisaton' is not a metric", "[licence_utilisation]");
    }

    @Test
    void nonFiniteCurrentValueIsRejected() {
        assertRejected("currentValues.licence_utilisation", () -> PlanTemplate.smbOnboarding()
                .instantiate("p", account("smb", JourneyStage.CONVERSION), START,
                        Map.of("licence_utilisation", Double.NaN)), "NaN");
    }

    @Test
    void instantiateResolvesDatesFromTheStart() {
        PlanTemplate t = PlanTemplate.builder("t")
                .goal(GoalTemplate.of("Adoption", "licence_utilisation", 0, 0.8, 90))
                .goal(GoalTemplate.of("Tickets", "escalated_tickets", 10, 2, 60))
                .milestone(MilestoneTemplate.of("Kickoff", MilestoneKind.KICKOFF, 0, CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(MilestoneTemplate.of("QBR", MilestoneKind.QBR, 120, CsRole.CS_LEAD))
                .action(StageAction.of(JourneyStage.CONVERSION, "Kickoff", CsRole.CUSTOMER_SUCCESS_MANAGER, List.of()))
                .build();
        SuccessPlan p = t.instantiate("plan-7", account("enterprise", JourneyStage.CONVERSION), START,
                Map.of("escalated_tickets", 6.0));

        assertEquals("plan-7", p.id());
        assertEquals(AccountId.of("acme"), p.account());
        assertEquals(List.of(
                new SmartGoal("Adoption", "licence_utilisation", 0, 0.8, 0, START, LocalDate.of(2024, 5, 30)),
                new SmartGoal("Tickets", "escalated_tickets", 10, 2, 6, START, LocalDate.of(2024, 4, 30))), p.goals());
        assertEquals(List.of(
                Milestone.of("Kickoff", MilestoneKind.KICKOFF, START, CsRole.CUSTOMER_SUCCESS_MANAGER),
                Milestone.of("QBR", MilestoneKind.QBR, LocalDate.of(2024, 6, 29), CsRole.CS_LEAD)), p.milestones());
        assertEquals(t.actions(), p.actions());
        assertEquals(Optional.of(ANN), p.owner(CsRole.CUSTOMER_SUCCESS_MANAGER), "the account's owner is its CSM");
        assertEquals(Optional.empty(), p.profile());
        assertEquals(List.of(), p.touchpoints());
    }

    @Test
    void templateAppliesToItsSegmentAndStageOnly() {
        PlanTemplate t = PlanTemplate.enterpriseOnboarding();
        assertTrue(t.appliesTo(account("enterprise", JourneyStage.CONVERSION)));
        assertFalse(t.appliesTo(account("smb", JourneyStage.CONVERSION)));
        assertFalse(t.appliesTo(account("enterprise", JourneyStage.RETENTION)));
        assertTrue(PlanTemplate.builder("any").build().appliesTo(account("smb", JourneyStage.AWARENESS)));
    }

    @Test
    void bestForPrefersTheMostSpecificTemplate() {
        PlanTemplate any = PlanTemplate.builder("any").build();
        PlanTemplate conversion = PlanTemplate.builder("conversion").stage(JourneyStage.CONVERSION).build();
        PlanTemplate smb = PlanTemplate.builder("smb").segment(Segment.of("smb")).build();
        PlanTemplate smbOnboarding = PlanTemplate.smbOnboarding();
        List<PlanTemplate> all = List.of(any, conversion, smb, smbOnboarding);

        assertEquals(Optional.of(smbOnboarding), PlanTemplate.bestFor(account("smb", JourneyStage.CONVERSION), all));
        assertEquals(Optional.of(smb), PlanTemplate.bestFor(account("smb", JourneyStage.RETENTION), all));
        assertEquals(Optional.of(conversion), PlanTemplate.bestFor(account("enterprise", JourneyStage.CONVERSION), all));
        assertEquals(Optional.of(any), PlanTemplate.bestFor(account("enterprise", JourneyStage.ADVOCACY), all));
        assertEquals(Optional.empty(), PlanTemplate.bestFor(account("enterprise", JourneyStage.ADVOCACY), List.of(smb)));
    }

    @Test
    void readyTemplatesTargetTheirSegmentsAndStages() {
        assertEquals(Optional.of(Segment.of("enterprise")), PlanTemplate.enterpriseOnboarding().segment());
        assertEquals(Optional.of(JourneyStage.CONVERSION), PlanTemplate.enterpriseOnboarding().stage());
        assertEquals(Optional.of(Segment.of("smb")), PlanTemplate.smbOnboarding().segment());
        assertEquals(Optional.of(JourneyStage.CONVERSION), PlanTemplate.smbOnboarding().stage());
        assertEquals(Optional.empty(), PlanTemplate.renewalReadiness().segment());
        assertEquals(Optional.of(JourneyStage.RETENTION), PlanTemplate.renewalReadiness().stage());
    }

    @Test
    void renewalReadinessEndsWithTheRenewalNinetyDaysAfterItsStart() {
        LocalDate renewal = LocalDate.of(2025, 1, 31);
        SuccessPlan p = PlanTemplate.renewalReadiness()
                .instantiate("renewal-2025", account("mid-market", JourneyStage.RETENTION), renewal.minusDays(90));
        Milestone last = p.milestones().get(p.milestones().size() - 1);
        assertEquals(MilestoneKind.RENEWAL, last.kind());
        assertEquals(renewal, last.dueDate());
        assertEquals(PlanStatus.ON_TRACK, p.status(renewal.minusDays(90)));
    }

    @Test
    void freshEnterprisePlanIsOnTrackAtItsStartAndOffTrackWhenNothingHappens() {
        SuccessPlan p = PlanTemplate.enterpriseOnboarding()
                .instantiate("onb", account("enterprise", JourneyStage.CONVERSION), START);
        assertEquals(PlanStatus.ON_TRACK, p.status(START));
        assertEquals(PlanStatus.AT_RISK, p.status(START.plusDays(15)), "kickoff overdue by a day");
        assertEquals(PlanStatus.OFF_TRACK, p.status(START.plusDays(46)), "kickoff and first value overdue");
    }
}
