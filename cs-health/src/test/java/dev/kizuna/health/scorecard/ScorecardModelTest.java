package dev.kizuna.health.scorecard;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static dev.kizuna.health.Fixtures.NOW;
import static dev.kizuna.health.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorecardModelTest {
    private static final Normaliser IDENTITY = Normaliser.linear(0, 100);

    private static Measure identity(String id, double weight) {
        return Measure.of(id, SignalName.of("custom." + id), weight, IDENTITY);
    }

    @Test
    void gainsightGroupExampleScores40Point12() {
        // Gainsight, "Calculation of Measure Group Scores and Overall Score" (Gainsight NXT documentation,
        // support.gainsight.com/gainsight_nxt/05Scorecards/02Admin_Guides/Calculation_of_Group_Scores_and_Overall_Scores):
        // a "Support" group with weights 20, 15, 22 and scores 47, 59, 21 scores (940 + 885 + 462) / 57 = 40.122.
        MeasureGroup support = MeasureGroup.of("support", 1, List.of(
                identity("tickets", 20), identity("resolution", 15), identity("frequency", 22)));
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("gainsight", "1"))
                .add(support).add(identity("other", 1)).build());
        var values = snapshot("custom.tickets", 47, "custom.resolution", 59, "custom.frequency", 21,
                "custom.other", 80);

        OptionalDouble group = model.itemScores(values).get("support");
        assertEquals(2287.0 / 57, group.getAsDouble(), 1e-12);
        assertEquals(40.12, Math.round(group.getAsDouble() * 100) / 100.0);

        ScorecardModel alone = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("gainsight", "1"))
                .add(support).build());
        HealthScore score = alone.score(values, NOW);
        assertEquals(40.12, score.value().getAsDouble());
        assertEquals("red", score.band().orElseThrow().name());
        assertEquals(40.12, score.contributionTotal());
    }

    @Test
    void nestedGroupsMultiplyNormalisedWeights() {
        MeasureGroup inner = MeasureGroup.of("inner", 1, List.of(identity("a", 1), identity("b", 3)));
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("nested", "1"))
                .add(MeasureGroup.of("outer", 1, List.of(inner, identity("c", 1)))).add(identity("d", 1)).build());
        HealthScore score = model.score(snapshot("custom.a", 100, "custom.b", 0, "custom.c", 0, "custom.d", 0), NOW);
        // a's effective weight: 1/2 (outer) * 1/2 (inner) * 1/4 (a) = 1/16; so 100/16 = 6.25.
        assertEquals(6.25, score.value().getAsDouble());
        assertEquals(0.0625, score.contribution("a").orElseThrow().weight(), 1e-12);
    }

    @Test
    void missingMeasureRedistributesItsWeightAmongItsSiblings() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("r", "1"))
                .add(identity("a", 1)).add(identity("b", 1)).add(identity("c", 2)).build());
        HealthScore score = model.score(snapshot("custom.a", 30, "custom.c", 60), NOW);
        assertEquals(50.0, score.value().getAsDouble());
        assertEquals(0.75, score.completeness(), 1e-12);
        assertEquals(List.of(SignalName.of("custom.b")), score.missing());
        assertTrue(score.contribution("b").orElseThrow().isMissing());
        assertEquals(0.0, score.contribution("b").orElseThrow().points());
    }

    @Test
    void missingMeasureUnderZeroCountsAsZero() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("z", "1"))
                .missingData(ScorecardMissingInput.ZERO)
                .add(identity("a", 1)).add(identity("b", 1)).build());
        HealthScore score = model.score(snapshot("custom.a", 80), NOW);
        assertEquals(40.0, score.value().getAsDouble());
        assertEquals(0.5, score.completeness());
    }

    @Test
    void missingMeasureUnderFailGivesInsufficientDataNamingIt() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("f", "1"))
                .add(identity("a", 1)).add(identity("b", 1).withMissingData(ScorecardMissingInput.FAIL)).build());
        HealthScore score = model.score(snapshot("custom.a", 80), NOW);
        assertFalse(score.isScored());
        assertTrue(score.value().isEmpty());
        assertTrue(score.note().orElseThrow().contains("'b'"), score.note().orElseThrow());
    }

    @Test
    void completenessBelowTheMinimumGivesInsufficientData() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("m", "1"))
                .minimumCompleteness(0.6).add(identity("a", 1)).add(identity("b", 1)).build());
        HealthScore score = model.score(snapshot("custom.a", 80), NOW);
        assertEquals(HealthScore.Status.INSUFFICIENT_DATA, score.status());
        assertEquals("completeness 50.00% is below the minimum of 60.00%", score.note().orElseThrow());
        assertTrue(score.contributions().isEmpty());
    }

    @Test
    void noDataAtAllGivesInsufficientData() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("m", "1"))
                .add(identity("a", 1)).build());
        assertFalse(model.score(snapshot(), NOW).isScored());
    }

    @Test
    void capLowersTheScoreAndShowsAsANegativeContribution() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("c", "1"))
                .add(identity("a", 1))
                .cap(new Cap("escalation", "open escalation", SignalName.of("support.escalated_tickets"),
                        Comparison.GREATER, 0, 40))
                .build());
        HealthScore capped = model.score(snapshot("custom.a", 90, "support.escalated_tickets", 1), NOW);
        assertEquals(40.0, capped.value().getAsDouble());
        Contribution cap = capped.contribution("escalation").orElseThrow();
        assertEquals(Contribution.Kind.CAP, cap.kind());
        assertEquals(-50.0, cap.points());
        assertEquals(40.0, capped.contributionTotal());

        HealthScore below = model.score(snapshot("custom.a", 30, "support.escalated_tickets", 1), NOW);
        assertEquals(30.0, below.value().getAsDouble(), "a cap never raises a score");
        assertTrue(below.contribution("escalation").isEmpty());
    }

    @Test
    void contributionsAddUpExactlyWhenThirdsDoNotRound() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("t", "1"))
                .add(identity("a", 1)).add(identity("b", 1)).add(identity("c", 1)).build());
        HealthScore score = model.score(snapshot("custom.a", 10, "custom.b", 10, "custom.c", 13.01), NOW);
        // 33.01 / 3 = 11.0033..; three contributions of 3.33.., 3.33.., 4.33.. round to hundredths summing to 11.00.
        assertEquals(11.0, score.value().getAsDouble());
        assertEquals(score.value().getAsDouble(), score.contributionTotal());
    }

    @Test
    void explanationNamesTheInputsPullingDownAndTheLeverToTheNextBand() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("e", "1"))
                .add(Measure.of("nps", SignalName.SENTIMENT_NPS, 1, Normaliser.linear(-100, 100)).withLabel("NPS"))
                .add(Measure.of("tickets", SignalName.SUPPORT_OPEN_TICKETS, 1, new Normaliser.Steps(100,
                        List.of(new Normaliser.Step(1, 60), new Normaliser.Step(3, 20)))).withLabel("open tickets"))
                .build());
        Explanation e = model.explain(snapshot("sentiment.nps", 20, "support.open_tickets", 4), NOW);
        // NPS 20 -> 60; 4 tickets -> 20; score 40: red.
        assertEquals(40.0, e.score().value().getAsDouble());
        assertEquals("tickets", e.pullingDown().get(0).id());
        assertEquals("nps", e.lifting().get(0).id());
        assertEquals("red 40.00: pulled down by open tickets (-10.00); lifted by NPS (+10.00)", e.reason());

        BandLever nps = e.levers().get(0);
        // Yellow needs 50: NPS sub-score 80, that is NPS 60.
        assertEquals(60.0, nps.target().orElseThrow().value(), 1e-9);
        assertEquals(BandLever.Relation.AT_LEAST, nps.target().orElseThrow().relation());
        assertEquals("raise NPS from 20 to at least 60 to reach yellow", nps.describe());
        BandLever tickets = e.levers().get(1);
        // Tickets need sub-score 40: below 3 tickets (score 60), and tickets are whole: at most 2.
        assertEquals(2.0, tickets.target().orElseThrow().value());
        assertEquals(BandLever.Relation.AT_MOST, tickets.target().orElseThrow().relation());
        assertEquals("lower open tickets from 4 to at most 2 to reach yellow", tickets.describe());
    }

    @Test
    void leverIsBlockedWhenEvenAPerfectSubscoreCannotReachTheBand() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("b", "1"))
                .add(identity("a", 1)).add(identity("b", 9)).build());
        Explanation e = model.explain(snapshot("custom.a", 0, "custom.b", 10), NOW);
        BandLever a = e.levers().get(0);
        assertFalse(a.isReachable());
        assertEquals("even a sub-score of 100 would not reach the band", a.obstacle().orElseThrow());
        assertTrue(e.levers().get(1).isReachable());
    }

    @Test
    void leverIsBlockedByACapOnAnotherSignal() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("b", "1"))
                .add(identity("a", 1))
                .cap(new Cap("esc", "open escalation", SignalName.SUPPORT_ESCALATED_TICKETS, Comparison.AT_LEAST, 1,
                        40)).build());
        Explanation e = model.explain(snapshot("custom.a", 20, "support.escalated_tickets", 2), NOW);
        assertEquals("capped at 40 by 'open escalation'", e.levers().get(0).obstacle().orElseThrow());
    }

    @Test
    void leverOfTheCappedSignalMovesItPastTheCapsThreshold() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("b", "1"))
                .add(identity("a", 1))
                .add(Measure.of("esc", SignalName.SUPPORT_ESCALATED_TICKETS, 1, Normaliser.inverted(
                        Normaliser.linear(0, 2))).withLabel("escalated tickets"))
                .cap(new Cap("escalation", "open escalation", SignalName.SUPPORT_ESCALATED_TICKETS,
                        Comparison.GREATER, 0, 40)).build());
        Explanation e = model.explain(snapshot("custom.a", 90, "support.escalated_tickets", 1), NOW);
        // Uncapped (90 + 50) / 2 = 70, capped at 40: red. Holding a at 90, no escalated-ticket count above 0 lifts
        // the cap, and at 0 the score is (90 + 100) / 2 = 95.
        assertEquals(40.0, e.score().value().getAsDouble());
        assertEquals("capped at 40 by 'open escalation'", e.levers().get(0).obstacle().orElseThrow());
        BandLever esc = e.levers().get(1);
        assertEquals(new BandLever.Target(0, BandLever.Relation.AT_MOST), esc.target().orElseThrow());
        assertEquals("lower escalated tickets from 1 to at most 0 to reach yellow", esc.describe());
    }

    @Test
    void emptyGroupIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeasureGroup.of("g", 1, List.of()));
        assertTrue(e.getMessage().contains("group g.measures"), e.getMessage());
    }

    @Test
    void negativeWeightIsRejectedNamingTheMeasure() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> identity("a", -1));
        assertEquals("measure a.weight: -1 must be >= 0", e.getMessage());
    }

    @Test
    void duplicateIdsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScorecardDefinition.builder(ModelId.of("d", "1")).add(identity("a", 1)).add(identity("a", 1))
                        .build());
        assertTrue(e.getMessage().contains("'a' is used twice"), e.getMessage());
    }

    @Test
    void itemScoresListEveryGroupAndMeasure() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("i", "1"))
                .add(MeasureGroup.of("g", 1, List.of(identity("a", 1)))).add(identity("b", 1)).build());
        Map<String, OptionalDouble> scores = model.itemScores(snapshot("custom.a", 70));
        assertEquals(List.of("g", "a", "b"), List.copyOf(scores.keySet()));
        assertEquals(70.0, scores.get("g").getAsDouble());
        assertTrue(scores.get("b").isEmpty());
    }
    @Test
    void aFlagLeverNeverProposesAValueOtherThanZeroOrOne() {
        // Before levers kept to the domain, this proposed "raise champion from 0 to at least 5.87".
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("f", "1"))
                .add(identity("a", 1))
                .add(Measure.of("champion", SignalName.RELATIONSHIP_CHAMPION_PRESENT, 1, Normaliser.linear(0, 10))
                        .withLabel("champion"))
                .build());
        Explanation e = model.explain(snapshot("custom.a", 41.3, "relationship.champion_present", 0), NOW);
        // (41.3 + 0) / 2 = 20.65, red; yellow needs the flag's sub-score at 58.7, a flag of 5.87: none reaches it.
        assertEquals(20.65, e.score().value().getAsDouble());
        BandLever champion = e.levers().get(1);
        assertFalse(champion.isReachable());
        assertEquals("no value of relationship.champion_present (0 or 1) reaches yellow",
                champion.obstacle().orElseThrow());
        assertEquals("champion cannot reach yellow: no value of relationship.champion_present (0 or 1) reaches"
                + " yellow", champion.describe());
    }

    @Test
    void aFlagLeverThatCanReachTheBandGoesToOne() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("f", "1"))
                .add(identity("a", 1))
                .add(Measure.of("champion", SignalName.RELATIONSHIP_CHAMPION_PRESENT, 1, Normaliser.linear(0, 1))
                        .withLabel("champion"))
                .build());
        Explanation e = model.explain(snapshot("custom.a", 41.3, "relationship.champion_present", 0), NOW);
        // The flag's sub-score must reach 58.7, which 0.587 does; a flag is 0 or 1, so the lever goes to 1.
        BandLever champion = e.levers().get(1);
        assertEquals(new BandLever.Target(1, BandLever.Relation.AT_LEAST), champion.target().orElseThrow());
        assertEquals("raise champion from 0 to at least 1 to reach yellow", champion.describe());
    }

    @Test
    void aShareLeverIsClampedToOneAndBlockedWhenOneIsNotEnough() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("s", "1"))
                .add(identity("a", 1))
                .add(Measure.of("breadth", SignalName.ADOPTION_FEATURE_BREADTH, 1, Normaliser.linear(0, 2))
                        .withLabel("feature breadth"))
                .build());
        // (10 + 10) / 2 = 10; yellow needs breadth's sub-score at 90, a breadth of 1.8: above every share.
        Explanation e = model.explain(snapshot("custom.a", 10, "adoption.feature_breadth", 0.2), NOW);
        assertEquals("no value of adoption.feature_breadth from 0 to 1 reaches yellow",
                e.levers().get(1).obstacle().orElseThrow());
    }

    @Test
    void anOpenTicketsLeverStopsAtTheEscalatedTickets() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("t", "1"))
                .add(identity("a", 1))
                .add(Measure.of("open", SignalName.SUPPORT_OPEN_TICKETS, 1, Normaliser.linear(10, 0))
                        .withLabel("open tickets"))
                .build());
        // (20 + 30) / 2 = 25; yellow needs open tickets' sub-score at 80, 2 tickets; but 3 of them are escalated, and
        // open tickets cannot go below the escalated ones.
        Explanation e = model.explain(snapshot("custom.a", 20, "support.open_tickets", 7,
                "support.escalated_tickets", 3), NOW);
        assertEquals("no whole number of support.open_tickets from 3 up reaches yellow",
                e.levers().get(1).obstacle().orElseThrow());
        Explanation fewer = model.explain(snapshot("custom.a", 20, "support.open_tickets", 7,
                "support.escalated_tickets", 1), NOW);
        assertEquals("lower open tickets from 7 to at most 2 to reach yellow", fewer.levers().get(1).describe());
    }

    @Test
    void scoringRejectsWhatNoSnapshotHoldsButScoresEveryValueOfTheDomain() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("d", "1"))
                .add(Measure.of("nps", SignalName.SENTIMENT_NPS, 1, Normaliser.linear(-100, 100))).build());
        assertEquals(100.0, model.score(snapshot("sentiment.nps", 100), NOW).value().getAsDouble());
        assertEquals(0.0, model.score(snapshot("sentiment.nps", -100), NOW).value().getAsDouble());
        var e = assertThrows(IllegalArgumentException.class, () -> snapshot("sentiment.nps", 500));
        assertEquals("500 is outside the domain of sentiment.nps: a number from -100 to 100", e.getMessage());
    }
    @Test
    void aLeverOnASignalTwoMeasuresPullClaimsOnlyWhatItChecked() {
        // Breadth b feeds two measures pulling opposite ways: 50b and 100(1 - b), so the score is 50 - 25b. At b = 1
        // it is 25, red. Raising b is what the first measure wants, and 1 is as far as a share goes: not yellow. But
        // b = 0 scores 50, yellow: the first measure's lever must not say that no value of b reaches yellow.
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("t", "1"))
                .add(Measure.of("more", SignalName.ADOPTION_FEATURE_BREADTH, 1, Normaliser.linear(0, 2))
                        .withLabel("breadth, more"))
                .add(Measure.of("less", SignalName.ADOPTION_FEATURE_BREADTH, 1,
                        Normaliser.inverted(Normaliser.linear(0, 1))).withLabel("breadth, less"))
                .build());
        Explanation e = model.explain(snapshot("adoption.feature_breadth", 1), NOW);
        assertEquals(25.0, e.score().value().getAsDouble());
        assertEquals("adoption.feature_breadth at 1, the nearest value its domain (a number from 0 to 1) allows, does"
                + " not reach yellow", e.levers().get(0).obstacle().orElseThrow());
        assertEquals("lower breadth, less from 1 to at most 0 to reach yellow", e.levers().get(1).describe());
    }
}
