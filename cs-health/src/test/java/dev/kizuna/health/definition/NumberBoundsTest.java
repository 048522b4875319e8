package dev.kizuna.health.definition;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.Term;
import dev.kizuna.health.scorecard.Cap;
import dev.kizuna.health.scorecard.Comparison;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.Normaliser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers a definition feeds into arithmetic are bounded (see {@link DefinitionLimits}), so that no combination of
 * them becomes infinite or NaN: each out-of-range number is an error at load time, with its path.
 */
class NumberBoundsTest {
    private static final HealthModels MODELS = HealthModels.load();
    private static final SignalName NPS = SignalName.SENTIMENT_NPS;

    private static List<DefinitionError> errors(String yaml) {
        return assertThrows(DefinitionException.class, () -> MODELS.read(yaml, DefinitionFormat.YAML)).errors();
    }

    private static DefinitionError error(String path, String message) {
        return new DefinitionError(path, message);
    }

    @Test
    void weightsWhoseTotalWouldOverflowAreRejected() {
        // Two weights of 1e308 add up to infinity: every measure would then weigh NaN.
        String yaml = """
                type: scorecard
                id: c
                version: 1
                measures:
                  - {measure: a, signal: sentiment.nps, weight: 1e308, normaliser: {type: linear, from: 0, to: 1}}
                  - {measure: b, signal: sentiment.csat, weight: 1e308, normaliser: {type: linear, from: 0, to: 1}}
                """;
        assertEquals(List.of(
                error("measures[0].weight", "1.0E308 must be at most 1000000 (weights are relative: scale them down"
                        + " together)"),
                error("measures[1].weight", "1.0E308 must be at most 1000000 (weights are relative: scale them down"
                        + " together)")), errors(yaml));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Measure.of("a", NPS, 1e308, Normaliser.linear(0, 1)));
        assertEquals("measure a.weight: 1.0E308 must be at most 1000000", e.getMessage());
    }

    @Test
    void normaliserRangesWhoseDifferenceWouldOverflowAreRejected() {
        String yaml = """
                type: scorecard
                id: c
                version: 1
                measures:
                  - {measure: a, signal: sentiment.nps, weight: 1, normaliser: {type: linear, from: -1e308, to: 1e308}}
                  - {measure: b, signal: sentiment.nps, weight: 1, normaliser: {type: piecewise, points: [{raw: -1e300,
                     score: 0}, {raw: 1e300, score: 100}]}}
                  - {measure: c, signal: sentiment.nps, weight: 1, normaliser: {type: steps, below: 0,
                     steps: [{from: 1e16, score: 100}]}}
                caps:
                  - {cap: x, signal: support.escalated_tickets, when: ">", threshold: 1e300, max: 40}
                """;
        assertEquals(List.of(
                error("measures[0].normaliser.from", "-1.0E308 must be between -1e15 and 1e15"),
                error("measures[0].normaliser.to", "1.0E308 must be between -1e15 and 1e15"),
                error("measures[1].normaliser.points[0].raw", "-1.0E300 must be between -1e15 and 1e15"),
                error("measures[1].normaliser.points[1].raw", "1.0E300 must be between -1e15 and 1e15"),
                error("measures[2].normaliser.steps[0].from", "1.0E16 must be between -1e15 and 1e15"),
                error("caps[0].threshold", "1.0E300 must be between -1e15 and 1e15")), errors(yaml));
        assertThrows(IllegalArgumentException.class, () -> Normaliser.linear(-1e308, 1e308));
        assertThrows(IllegalArgumentException.class, () -> Cap.of("c", NPS, Comparison.GREATER, 1e300, 40));
    }

    @Test
    void aLogarithmicScaleWhoseEndsHaveTheSameLogarithmIsRejected() {
        // ln(1 + from) == ln(1 + to): the scale would divide by zero.
        double from = 1e15 - 0.125;
        double to = 1e15;
        assertEquals(Math.log1p(from), Math.log1p(to));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Normaliser.Logarithmic(from, to));
        assertTrue(e.getMessage().startsWith("logarithmic.to: 1.0E15 is too close to from"), e.getMessage());
    }

    @Test
    void logisticNumbersAreBounded() {
        String yaml = """
                type: logistic
                id: l
                version: 1
                intercept: 1e308
                terms:
                  - {term: a, signal: sentiment.nps, coefficient: -1e7}
                  - {term: b, signal: sentiment.csat, coefficient: 1, standardisation: {mean: 1e20, sd: 1e-300}}
                """;
        assertEquals(List.of(
                error("intercept", "1.0E308 must be between -1000000 and 1000000"),
                error("terms[0].coefficient", "-1.0E7 must be between -1000000 and 1000000"),
                error("terms[1].standardisation.mean", "1.0E20 must be between -1e15 and 1e15"),
                error("terms[1].standardisation.sd", "1.0E-300 must be between 1e-9 and 1e15")), errors(yaml));
        assertThrows(IllegalArgumentException.class, () -> LogisticDefinition.of(ModelId.of("l", "1"), 1e308,
                List.of(Term.of("a", NPS, 1))));
        assertThrows(IllegalArgumentException.class, () -> LogisticDefinition.of(ModelId.of("l", "1"), 0,
                List.of(Term.standardised("a", NPS, 1, 0, 1e-300))));
    }

    @Test
    void numbersTooLargeForADoubleAreErrorsNotInfinity() {
        String yaml = """
                type: scorecard
                id: c
                version: 1
                measures:
                  - {measure: a, signal: sentiment.nps, weight: 1e400, normaliser: {type: linear, from: 0, to: 1}}
                """;
        assertEquals(List.of(error("measures[0].weight", "the number is too large: a number must be finite")),
                errors(yaml));
    }
}
