package dev.kizuna.examples.stumps;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionError;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading, validating and writing stumps definitions. */
class StumpsDefinitionTest {
    private static final HealthModels MODELS = HealthModels.of(List.of(new StumpsProvider()));
    private static final SignalName NPS = SignalName.of("sentiment.nps");

    private static List<DefinitionError> errors(String json) {
        return assertThrows(DefinitionException.class, () -> MODELS.read(json, DefinitionFormat.JSON)).errors();
    }

    private static String stump(String fields) {
        return "{\"type\": \"stumps\", \"id\": \"m\", \"version\": \"1\", \"intercept\": 0, \"stumps\": [" + fields
                + "]}";
    }

    @Test
    void aWellFormedDefinitionReadsWithDefaults() {
        StumpsDefinition d = (StumpsDefinition) MODELS.read(stump("{\"signal\": \"sentiment.nps\", \"threshold\": 0,"
                + " \"below\": 0.5, \"atOrAbove\": -0.25, \"missing\": 0.1}"), DefinitionFormat.JSON);
        assertEquals(StumpsDefinition.of(ModelId.of("m", "1"), 0, List.of(Stump.of(NPS, 0, 0.5, -0.25, 0.1))), d);
        assertEquals(new TreeSet<>(List.of(NPS)), d.inputs());
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        List<DefinitionError> errors = errors("""
                {"type": "stumps", "id": "m", "version": "1", "intercept": 1e400, "colour": "blue",
                 "stumps": [
                   {"signal": "Bad Name", "threshold": 0, "below": 0, "atOrAbove": 0, "missing": 0},
                   {"signal": "sentiment.nps", "threshold": "high", "below": 2000, "atOrAbove": 0, "missing": 0,
                    "weight": 1},
                   {"signal": "sentiment.nps", "threshold": 1, "below": 0, "atOrAbove": 0}
                 ]}
                """);
        List<String> shown = errors.stream().map(DefinitionError::toString).toList();
        assertEquals(7, errors.size(), shown.toString());
        assertTrue(shown.contains("intercept: the number is too large: a number must be finite"), shown.toString());
        assertTrue(shown.stream().anyMatch(e -> e.startsWith("stumps[0].signal: ") && e.contains("Bad Name")),
                shown.toString());
        assertTrue(shown.contains("stumps[1].threshold: expected a number but found string \"high\""),
                shown.toString());
        assertTrue(shown.contains("stumps[1].below: 2000 must be between -1000 and 1000"), shown.toString());
        assertTrue(shown.stream().anyMatch(e -> e.startsWith("stumps[1].weight: unknown field")), shown.toString());
        assertTrue(shown.contains("stumps[2]: missing required field 'missing'"), shown.toString());
        assertTrue(shown.stream().anyMatch(e -> e.startsWith("colour: unknown field")), shown.toString());
    }

    @Test
    void nonFiniteNumbersAreRejectedInEitherFormat() {
        assertEquals(List.of("stumps[0].threshold: the number is too large: a number must be finite"), errors(stump(
                "{\"signal\": \"sentiment.nps\", \"threshold\": -1e999, \"below\": 0, \"atOrAbove\": 0,"
                        + " \"missing\": 0}")).stream().map(DefinitionError::toString).toList());
        assertTrue(errors(stump("{\"signal\": \"sentiment.nps\", \"threshold\": NaN, \"below\": 0,"
                + " \"atOrAbove\": 0, \"missing\": 0}")).get(0).message().matches("line 1, column \\d+: not"
                + " well-formed JSON: 'NaN' is not a number .*"));
        DefinitionException e = assertThrows(DefinitionException.class, () -> MODELS.read("""
                type: stumps
                id: m
                version: 1
                intercept: .nan
                stumps:
                  - {signal: sentiment.nps, threshold: 0, below: 0, atOrAbove: 0, missing: 0}
                """, DefinitionFormat.YAML));
        assertTrue(e.getMessage().contains("'.nan'"), e.getMessage());
    }

    @Test
    void anEmptyListOfStumpsIsRejected() {
        assertEquals(List.of("stumps: a stumps model needs at least one stump"),
                errors(stump("")).stream().map(DefinitionError::toString).toList());
    }

    @Test
    void moreThanTheMostStumpsIsRejected() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= StumpsDefinition.MAX_STUMPS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"signal\":\"a.b\",\"threshold\":").append(i)
                    .append(",\"below\":0,\"atOrAbove\":0,\"missing\":0}");
        }
        assertEquals(List.of("stumps: 10001 elements is over the limit of 10000"),
                errors(stump(many.toString())).stream().map(DefinitionError::toString).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StumpsDefinition.of(
                ModelId.of("m", "1"), 0, java.util.Collections.nCopies(10_001, Stump.of(NPS, 0, 0, 0, 0))));
        assertEquals("stumps: 10001 stumps is over the limit of 10000", e.getMessage());
    }

    @Test
    void signalsOutsideTheCatalogueAndOverlongNamesAreRejected() {
        String longName = "a." + "b".repeat(63);
        List<DefinitionError> errors = assertThrows(DefinitionException.class, () -> MODELS.read(stump(
                "{\"signal\": \"usage.logins_30d\", \"threshold\": 0, \"below\": 0, \"atOrAbove\": 0, \"missing\": 0},"
                        + "{\"signal\": \"" + longName + "\", \"threshold\": 0, \"below\": 0, \"atOrAbove\": 0,"
                        + " \"missing\": 0}").replace("\"intercept\"", "\"signals\": {\"" + longName + "\": {}},"
                        + " \"intercept\""), DefinitionFormat.JSON,
                Optional.of(new TreeSet<>(List.of(NPS, SignalName.of(longName)))))).errors();
        assertEquals(List.of("stumps[0].signal: unknown signal 'usage.logins_30d': it is not in the signal catalogue",
                "stumps[1].signal: '" + longName + "' has 65 characters, over the limit of 64"),
                errors.stream().map(DefinitionError::toString).toList());
    }

    @Test
    void theTypeMustBeStumps() {
        HealthModels both = HealthModels.load();
        assertTrue(both.types().contains("stumps"), both.types().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StumpsProvider().create(
                both.read("{\"type\": \"logistic\", \"id\": \"l\", \"version\": \"1\", \"intercept\": 0,"
                        + " \"signals\": {\"a.b\": {}}, \"terms\":"
                        + " [{\"term\": \"t\", \"signal\": \"a.b\", \"coefficient\": 1}]}", DefinitionFormat.JSON)));
        assertEquals("definition: l@1 of type 'logistic' is not a stumps definition", e.getMessage());
    }

    @Test
    void stumpValuesAreValidatedAtBirth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stump.of(NPS, Double.NaN, 0, 0, 0));
        assertEquals("stump.threshold: NaN must be finite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stump.of(NPS, 0, 0, Double.POSITIVE_INFINITY, 0));
        assertEquals("stump.atOrAbove: Infinity must be a finite number between -1000 and 1000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stump.of(NPS, 0, 0, 0, -1000.5));
        assertEquals("stump.missing: -1000.5 must be a finite number between -1000 and 1000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StumpsDefinition(ModelId.of("m", "1"),
                dev.kizuna.health.BandScheme.standard(), 0, List.of(Stump.of(NPS, 0, 0, 0, 0)), 1.5));
        assertEquals("minimumCompleteness: 1.5 must be between 0 and 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StumpsDefinition.of(ModelId.of("m", "1"), 0,
                List.of()));
        assertEquals("stumps: a stumps model needs at least one stump", e.getMessage());
    }

    @Test
    void negativeZeroIsStoredAsZeroSoRoundTripsAreExact() {
        assertEquals(Stump.of(NPS, 0, 0, 0, 0), Stump.of(NPS, -0.0, -0.0, -0.0, -0.0));
    }

    @Test
    void customSignalsAreDeclaredWithTheirDomainsAndWrittenBack() {
        SignalName calls = SignalName.of("custom.api_calls_7d");
        String body = "{\"signal\": \"custom.api_calls_7d\", \"threshold\": 10, \"below\": 0.2, \"atOrAbove\":"
                + " -0.1, \"missing\": 0}";
        assertEquals("stumps[0].signal", errors(stump(body)).get(0).path());
        StumpsDefinition d = (StumpsDefinition) MODELS.read(stump(body).replace("\"intercept\"",
                "\"signals\": {\"custom.api_calls_7d\": {\"min\": 0, \"whole\": true}}, \"intercept\""),
                DefinitionFormat.JSON);
        assertEquals(dev.kizuna.core.signal.SignalDomain.COUNT, d.domainOf(calls));
        for (DefinitionFormat format : DefinitionFormat.values()) {
            assertEquals(d, MODELS.read(MODELS.write(d, format), format));
        }
    }
}
