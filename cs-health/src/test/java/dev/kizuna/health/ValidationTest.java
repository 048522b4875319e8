package dev.kizuna.health;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.scorecard.Cap;
import dev.kizuna.health.scorecard.Comparison;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.MeasureGroup;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.kizuna.health.Fixtures.ACME;
import static dev.kizuna.health.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One example per validation rule of the values that are not covered beside their model. */
class ValidationTest {
    private static final ModelId ID = ModelId.of("m", "1");
    private static final Measure A = Measure.of("a", SignalName.SENTIMENT_NPS, 1, Normaliser.linear(0, 1));

    private static void rejected(String message, Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertEquals(message, e.getMessage());
    }

    private static Contribution input(double points) {
        return new Contribution("a", "a", Contribution.Kind.INPUT, Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 1, points, 0);
    }

    @Test
    void modelIdIsAnId() {
        rejected("model.id: 'my model' is not an id: 1 to 64 letters, digits, '_', '.' or '-', starting with a letter"
                + " or digit", () -> ModelId.of("my model", "1"));
        rejected("model.version: '' is not an id: 1 to 64 letters, digits, '_', '.' or '-', starting with a letter"
                + " or digit", () -> ModelId.of("m", ""));
    }

    @Test
    void scorecardNeedsMeasuresWithSomeWeight() {
        rejected("measures: a scorecard needs at least one measure", () -> new ScorecardDefinition(ID,
                BandScheme.standard(), dev.kizuna.health.scorecard.ScorecardMissingInput.REDISTRIBUTE, 0, List.of(),
                List.of()));
        rejected("measures: the weights add up to 0; at least one must be positive", () -> ScorecardDefinition
                .builder(ID).add(Measure.of("z", SignalName.SENTIMENT_NPS, 0, Normaliser.linear(0, 1))).build());
        rejected("group g.measures: the weights add up to 0; at least one must be positive", () -> MeasureGroup.of("g",
                1, List.of(Measure.of("z", SignalName.SENTIMENT_NPS, 0, Normaliser.linear(0, 1)))));
        rejected("minimumCompleteness: 1.5 must be between 0 and 1",
                () -> ScorecardDefinition.builder(ID).minimumCompleteness(1.5).add(A).build());
    }

    @Test
    void groupsNestAtMostEightDeep() {
        ScorecardItem item = A;
        for (int depth = 0; depth < ScorecardDefinition.MAX_DEPTH; depth++) {
            item = MeasureGroup.of("g" + depth, 1, List.of(item));
        }
        ScorecardItem tooDeep = item;
        rejected("measures: groups are nested deeper than 8 levels",
                () -> ScorecardDefinition.builder(ID).add(tooDeep).build());
    }

    @Test
    void capIsAScoreCeiling() {
        rejected("cap esc.max: 140 must be between 0 and 100",
                () -> Cap.of("esc", SignalName.SUPPORT_ESCALATED_TICKETS, Comparison.GREATER, 0, 140));
    }

    @Test
    void logisticModelNeedsATerm() {
        rejected("terms: a logistic model needs at least one term", () -> LogisticDefinition.of(ID, 0, List.of()));
    }

    @Test
    void scoredResultMustAddUpAndSitInItsBand() {
        HealthBand red = BandScheme.standard().bandOf(10);
        rejected("contributions: their points add up to 9.0, not to the value 10.0", () -> new HealthScore(ACME, ID,
                NOW, NOW, HealthScore.Status.SCORED, OptionalDouble.of(10), Optional.of(red), List.of(input(9)), 1,
                List.of(), Optional.empty()));
        rejected("band: yellow [50, 75) does not contain the value 10.0", () -> new HealthScore(ACME, ID, NOW, NOW,
                HealthScore.Status.SCORED, OptionalDouble.of(10), Optional.of(BandScheme.standard().bandOf(60)),
                List.of(input(10)), 1, List.of(), Optional.empty()));
        rejected("value: 10.123 must be rounded to hundredths", () -> new HealthScore(ACME, ID, NOW, NOW,
                HealthScore.Status.SCORED, OptionalDouble.of(10.123), Optional.of(red), List.of(input(10.123)), 1,
                List.of(), Optional.empty()));
        rejected("completeness: 2 must be between 0 and 1", () -> HealthScore.insufficient(ACME, ID, NOW, NOW, "why",
                2, List.of()));
    }

    @Test
    void insufficientDataCarriesNoNumberAndSaysWhy() {
        rejected("value: an insufficient-data result has no value, band or contributions", () -> new HealthScore(ACME,
                ID, NOW, NOW, HealthScore.Status.INSUFFICIENT_DATA, OptionalDouble.of(10), Optional.empty(),
                List.of(), 0, List.of(), Optional.of("why")));
        rejected("note: an insufficient-data result must say why", () -> new HealthScore(ACME, ID, NOW, NOW,
                HealthScore.Status.INSUFFICIENT_DATA, OptionalDouble.empty(), Optional.empty(), List.of(), 0,
                List.of(), Optional.empty()));
    }

    @Test
    void scoredFactoryRejectsContributionsThatDoNotAddUp() {
        rejected("contributions: their sum 5.0 does not match the score 10.0", () -> HealthScore.scored(ACME, ID, NOW,
                NOW, 10, BandScheme.standard(), List.of(input(5)), 1, List.of()));
    }

    @Test
    void contributionWeightIsAShare() {
        rejected("contribution a.weight: 2 must be between 0 and 1", () -> new Contribution("a", "a",
                Contribution.Kind.INPUT, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 2, 1, 0));
    }

    @Test
    void leverHasATargetOrAnObstacle() {
        rejected("lever a: exactly one of target and obstacle must be given", () -> new BandLever("a", "a",
                SignalName.SENTIMENT_NPS, 1, BandScheme.standard().bandOf(60), Optional.empty(), Optional.empty()));
    }
}
