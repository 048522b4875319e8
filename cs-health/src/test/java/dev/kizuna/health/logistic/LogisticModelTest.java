package dev.kizuna.health.logistic;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.kizuna.health.Fixtures.NOW;
import static dev.kizuna.health.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticModelTest {
    private static final SignalName X = SignalName.of("custom.x");
    private static final SignalName Y = SignalName.of("custom.y");

    private static LogisticModel model(double intercept, Term... terms) {
        return LogisticModel.of(LogisticDefinition.of(ModelId.of("l", "1"), intercept, List.of(terms)));
    }

    @Test
    void healthIsOneHundredTimesOneMinusTheChurnProbability() {
        LogisticModel model = model(0, Term.of("x", X, 1));
        // z = ln 3 gives p = 3/4, so health 25.
        HealthScore score = model.score(snapshot("custom.x", Math.log(3)), NOW);
        assertEquals(25.0, score.value().getAsDouble());
        assertEquals(0.75, model.churnProbability(snapshot("custom.x", Math.log(3))).getAsDouble(), 1e-12);
        assertEquals(50.0, score.contribution("baseline").orElseThrow().points(), "at z = 0 the baseline is 50");
        assertEquals(-25.0, score.contribution("x").orElseThrow().points());
    }

    @Test
    void standardisedTermsUseMeanAndStandardDeviation() {
        LogisticModel model = model(0, Term.standardised("x", X, -1, 10, 2));
        // x = (14 - 10) / 2 = 2, z = -2, p = 1 / (1 + e^2) = 0.1192, health 88.08.
        HealthScore score = model.score(snapshot("custom.x", 14), NOW);
        assertEquals(88.08, score.value().getAsDouble());
        assertEquals("green", score.band().orElseThrow().name());
    }

    @Test
    void contributionsUseTheSlopeWhenTermsCancel() {
        LogisticModel model = model(-1, Term.of("x", X, 0.5), Term.of("y", Y, -1));
        HealthScore score = model.score(snapshot("custom.x", 2, "custom.y", 1), NOW);
        // z = -1 + 1 - 1 = -1 = intercept: health equals the baseline 100 (1 - σ(-1)) = 73.11, and the two terms
        // get equal and opposite points from the slope -100 p0 (1 - p0) = -19.66.
        assertEquals(73.11, score.value().getAsDouble());
        assertEquals(-19.66, score.contribution("x").orElseThrow().points());
        assertEquals(19.66, score.contribution("y").orElseThrow().points());
        assertEquals(score.value().getAsDouble(), score.contributionTotal());
    }

    @Test
    void riskFactorsPullDownAndProtectiveFactorsLift() {
        LogisticModel model = model(0, Term.of("tickets", X, 0.5), Term.of("nps", Y, -0.02));
        Explanation e = model.explain(snapshot("custom.x", 4, "custom.y", 50), NOW);
        assertEquals("tickets", e.pullingDown().get(0).id());
        assertEquals("nps", e.lifting().get(0).id());
        assertTrue(e.reason().startsWith("yellow") || e.reason().startsWith("red"), e.reason());
    }

    @Test
    void leverSolvesTheLinearPredictorForTheNextBand() {
        LogisticModel model = model(0, Term.of("x", X, 1));
        Explanation e = model.explain(snapshot("custom.x", Math.log(3)), NOW);
        BandLever lever = e.levers().get(0);
        assertEquals("yellow", lever.band().name());
        assertEquals(0.0, lever.target().orElseThrow().value(), 1e-12);
        assertEquals(BandLever.Relation.AT_MOST, lever.target().orElseThrow().relation());
    }

    @Test
    void missingInputSitsAtItsReferenceAndLowersCompleteness() {
        LogisticModel model = model(0, Term.of("x", X, 1), Term.of("y", Y, 3));
        HealthScore score = model.score(snapshot("custom.x", 0), NOW);
        assertEquals(50.0, score.value().getAsDouble());
        assertEquals(0.25, score.completeness(), 1e-12);
        assertEquals(List.of(Y), score.missing());
        assertTrue(score.contribution("y").orElseThrow().isMissing());
    }

    @Test
    void missingInputUnderFailGivesInsufficientData() {
        LogisticModel model = LogisticModel.of(new LogisticDefinition(ModelId.of("l", "1"), BandScheme.standard(), 0,
                List.of(Term.of("x", X, 1)), LogisticMissingInput.FAIL, 0));
        HealthScore score = model.score(snapshot(), NOW);
        assertFalse(score.isScored());
        assertEquals("term 'x' has no value of custom.x and the missing-input policy is FAIL", score.note().orElseThrow());
        assertTrue(model.churnProbability(snapshot()).isEmpty());
    }

    @Test
    void extremePredictorsStayInRange() {
        LogisticModel model = model(0, Term.of("x", X, 1));
        assertEquals(0.0, model.score(snapshot("custom.x", 1e6), NOW).value().getAsDouble());
        assertEquals(100.0, model.score(snapshot("custom.x", -1e6), NOW).value().getAsDouble());
        Contribution baseline = model.score(snapshot("custom.x", 1e6), NOW).contributions().get(0);
        assertEquals(Contribution.Kind.BASELINE, baseline.kind());
    }

    @Test
    void nonPositiveStandardDeviationIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Standardisation.of(0, 0));
        assertEquals("standardisation.sd: 0 must be > 0", e.getMessage());
    }

    @Test
    void duplicateTermIdsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model(0, Term.of("x", X, 1), Term.of("x", Y, 1)));
        assertEquals("terms: the id 'x' is used twice", e.getMessage());
    }

    @Test
    void termWithoutLabelIsLabelledWithItsId() {
        Term t = new Term("x", "x", X, 1, Optional.empty());
        assertEquals(t, Term.of("x", X, 1));
    }
    @Test
    void aLeverNeverProposesANegativeMrr() {
        // Before levers kept to the domain, this proposed "lower MRR from 100 to at most -35.6".
        LogisticModel model = model(0.712, new Term("mrr", "MRR", SignalName.COMMERCIAL_MRR, 0.02,
                Optional.empty()));
        Explanation e = model.explain(snapshot("commercial.mrr", 100), NOW);
        // z = 0.712 + 2 = 2.712, red; yellow needs z <= 0, an MRR of -35.6.
        assertEquals("red", e.score().band().orElseThrow().name());
        BandLever mrr = e.levers().get(0);
        assertFalse(mrr.isReachable());
        assertEquals("MRR cannot reach yellow: no value of commercial.mrr from 0 up reaches yellow", mrr.describe());
    }

    @Test
    void aLeverOnACountIsAWholeNumberInTheImprovingDirection() {
        LogisticModel model = model(-1, new Term("tickets", "open tickets",
                SignalName.SUPPORT_OPEN_TICKETS, 0.3, Optional.empty()));
        Explanation e = model.explain(snapshot("support.open_tickets", 10), NOW);
        // z = -1 + 3 = 2, red; yellow needs z <= 0, 3.33 tickets: at most 3.
        BandLever tickets = e.levers().get(0);
        assertEquals(new BandLever.Target(3, BandLever.Relation.AT_MOST), tickets.target().orElseThrow());
        assertEquals("lower open tickets from 10 to at most 3 to reach yellow", tickets.describe());
    }

    @Test
    void aFlagLeverGoesToZeroOrOne() {
        LogisticModel model = model(1.2, Term.of("sponsor", SignalName.RELATIONSHIP_EXECUTIVE_SPONSOR, -2.5));
        Explanation e = model.explain(snapshot("relationship.executive_sponsor", 0), NOW);
        // z = 1.2, red; yellow needs z <= 0, a sponsor flag of 0.48: the flag goes to 1 (z = -1.3, green even).
        assertEquals("raise sponsor from 0 to at least 1 to reach yellow", e.levers().get(0).describe());
    }
    @Test
    void aLeverMovesEveryTermOnItsSignal() {
        // Two terms read custom.x: z = 2x - 1.5x = 0.5x. At x = 4, z = 2, red; yellow needs z <= 0, so x <= 0.
        // Holding the second term fixed would have proposed x <= 3, which scores z = 1.5, still red.
        LogisticModel model = model(0, Term.of("a", X, 2), Term.of("b", X, -1.5));
        Explanation e = model.explain(snapshot("custom.x", 4), NOW);
        for (BandLever lever : e.levers()) {
            assertEquals(0.0, lever.target().orElseThrow().value(), 1e-9, lever.describe());
            HealthScore moved = model.score(snapshot("custom.x", lever.target().orElseThrow().nearest()), NOW);
            assertEquals("yellow", moved.band().orElseThrow().name(), lever.describe());
        }
    }
}
