package dev.kizuna.health.definition;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.kit.Samples;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.ScorecardMissingInput;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefinitionReadingTest {
    private final HealthModels models = HealthModels.load();

    private List<String> errors(String text, DefinitionFormat format) {
        DefinitionException e = assertThrows(DefinitionException.class, () -> models.read(text, format));
        return e.errors().stream().map(DefinitionError::toString).toList();
    }

    @Test
    void sampleScorecardReadsWithItsDefaultsAndGroups() {
        ScorecardDefinition card = (ScorecardDefinition) models.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON);
        assertEquals("saas-health@1", card.id().toString());
        assertEquals(12, card.allMeasures().size());
        assertEquals(5, card.measures().size());
        assertEquals(ScorecardMissingInput.ZERO, card.allMeasures().get(9).missingData().orElseThrow());
        assertInstanceOf(Normaliser.Inverted.class, card.allMeasures().get(9).normaliser());
        assertEquals(1, card.caps().size());
    }

    @Test
    void everyErrorIsReportedWithItsPathNotJustTheFirst() {
        String json = """
                {"type": "scorecard", "id": "bad", "version": "1", "colour": "blue",
                 "bands": [{"name": "red", "range": "[0, 60]"}, {"name": "green", "range": "[50, 100]"}],
                 "measures": [
                   {"measure": "a", "signal": "usage.active_users", "weight": 1,
                    "normaliser": {"type": "linear", "from": 0, "to": 10}},
                   {"measure": "b", "signal": "Not A Signal", "weight": 1,
                    "normaliser": {"type": "cubic"}},
                   {"measure": "c", "signal": "sentiment.nps", "weight": -1,
                    "normaliser": {"type": "linear", "from": 5, "to": 5}},
                   {"group": "empty", "weight": 1, "measures": []},
                   {"measure": "a", "signal": "sentiment.csat", "weight": 1,
                    "normaliser": {"type": "steps", "below": 0, "steps": [{"from": 1, "score": 50}, {"from": 2, "score": 20}]}}
                 ]}
                """;
        List<String> errors = errors(json, DefinitionFormat.JSON);
        assertTrue(errors.contains("measures[2].weight: -1 must be >= 0"), errors.toString());
        assertTrue(errors.contains("colour: unknown field; the known fields here are bands, caps, id, measures,"
                + " minimumCompleteness, missingData, signals, type, version"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("bands: red [0, 60] and green [50, 100] overlap")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("measures[1].signal: 'Not A Signal' is not a signal")),
                errors.toString());
        assertTrue(errors.contains("measures[1].normaliser.type: 'cubic' is not a normaliser: linear, inverted, steps,"
                + " logarithmic or piecewise"), errors.toString());
        assertTrue(errors.contains("measures[2].normaliser: linear.to: 5 must differ from from"), errors.toString());
        assertTrue(errors.contains("measures[3].measures: a group must not be empty"), errors.toString());
        assertTrue(errors.contains("measures[4].measure: the id 'a' is used twice"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("measures[4].normaliser: steps.steps[1].score: 20"
                + " breaks monotonicity")), errors.toString());
        assertEquals(9, errors.size(), errors.toString());
    }

    @Test
    void aSignalOutsideTheCatalogueIsRejectedWhenACatalogueIsGivenEvenIfDeclared() {
        String json = """
                {"type": "scorecard", "id": "c", "version": "1", "signals": {"custom.api_calls": {"min": 0}},
                 "measures": [
                  {"measure": "a", "signal": "custom.api_calls", "weight": 1,
                   "normaliser": {"type": "linear", "from": 0, "to": 10}}]}
                """;
        DefinitionException e = assertThrows(DefinitionException.class, () -> models.read(json, DefinitionFormat.JSON,
                Optional.of(new TreeSet<>(SignalName.catalogue()))));
        assertEquals(List.of(new DefinitionError("measures[0].signal",
                "unknown signal 'custom.api_calls': it is not in the signal catalogue")), e.errors());
        // Without a catalogue, a declared custom signal is fine.
        assertEquals(1, ((ScorecardDefinition) models.read(json, DefinitionFormat.JSON)).allMeasures().size());
    }

    @Test
    void gappedBandsAreRejected() {
        String json = """
                {"type": "logistic", "id": "l", "version": "1", "intercept": 0,
                 "bands": [{"name": "low", "range": "[0, 50)"}, {"name": "high", "range": "(50, 100]"}],
                 "terms": [{"term": "t", "signal": "sentiment.nps", "coefficient": 1}]}
                """;
        assertEquals(List.of("bands: gap between low [0, 50) and high (50, 100]"), errors(json, DefinitionFormat.JSON));
    }

    @Test
    void logisticErrorsNameTheirTerms() {
        String json = """
                {"type": "logistic", "id": "l", "version": "1", "intercept": "high",
                 "terms": [{"term": "t", "signal": "sentiment.nps", "coefficient": 1,
                            "standardisation": {"mean": 0, "sd": 0}}]}
                """;
        assertEquals(List.of("intercept: expected a number but found string \"high\"",
                "terms[0].standardisation.sd: 0 must be > 0"), errors(json, DefinitionFormat.JSON));
    }

    @Test
    void unknownModelTypeNamesTheKnownTypes() {
        assertEquals(List.of("type: 'neural' is not a known model type; the known types are [logistic, scorecard]"),
                errors("{\"type\": \"neural\"}", DefinitionFormat.JSON));
    }

    @Test
    void yamlDefinitionReadsLikeJson() {
        String yaml = """
                type: logistic
                id: churn
                version: 2
                intercept: -1.2
                terms:
                  - term: nps
                    label: NPS
                    signal: sentiment.nps
                    coefficient: -0.8
                    standardisation: {mean: 20, sd: 35}
                """;
        LogisticDefinition d = (LogisticDefinition) models.read(yaml, DefinitionFormat.YAML);
        assertEquals("churn@2", d.id().toString());
        assertEquals(-0.8, d.terms().get(0).coefficient());
        assertEquals(35.0, d.terms().get(0).standardisation().orElseThrow().sd());
    }

    @Test
    void definitionFilesAreReadByTheirExtension() throws Exception {
        Path dir = Files.createTempDirectory("kizuna-definitions");
        Path yaml = Files.writeString(dir.resolve("card.yaml"),
                models.write(models.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON), DefinitionFormat.YAML));
        ModelDefinition read = models.read(yaml);
        assertEquals(models.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON), read);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> models.read(dir.resolve("card.txt")));
        assertTrue(e.getMessage().contains("must end in .json, .yaml or .yml"), e.getMessage());
    }

    /**
     * Labels that YAML would read as numbers, booleans or null (Jackson's reader takes {@code 1e3} and {@code 0x1F}
     * for numbers, though its writer left them unquoted) are written quoted and come back as the same labels.
     */
    @Test
    void labelsThatLookLikeOtherTypesSurviveYaml() {
        for (String label : List.of("2024", "1e3", "0x1F", "-7.5", "1_000", "true", "null", "~", "yes", "off")) {
            ScorecardDefinition card = ScorecardDefinition.builder(ModelId.of("labels", "1"))
                    .add(Measure.of("m", SignalName.SENTIMENT_NPS, 1,
                            Normaliser.linear(-100, 100)).withLabel(label))
                    .build();
            String yaml = models.write(card, DefinitionFormat.YAML);
            assertEquals(card, models.read(yaml, DefinitionFormat.YAML), yaml);
        }
    }

    @Test
    void deepNestingIsRejected() {
        String deep = "[".repeat(DefinitionFormat.MAX_DEPTH + 5) + "]".repeat(DefinitionFormat.MAX_DEPTH + 5);
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFormat.JSON.parse(deep));
        assertEquals(List.of(new DefinitionError("", "line 1, column 34: the document is nested deeper than 32 levels")),
                e.errors());
        String deepYaml = "a: ".repeat(DefinitionFormat.MAX_DEPTH + 5) + "1";
        assertThrows(DefinitionException.class, () -> DefinitionFormat.YAML.parse(deepYaml));
    }

    @Test
    void oversizedDocumentIsRejectedBeforeParsing() {
        String big = " ".repeat(DefinitionFormat.MAX_DOCUMENT_CHARS + 1);
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFormat.JSON.parse(big));
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
    }

    @Test
    void yamlAliasBombDoesNotExpand() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 30; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        // Aliases are not expanded: the document stays as small as it was written.
        var tree = DefinitionFormat.YAML.parse(yaml.toString());
        assertEquals(2, tree.get("a29").size());
        assertTrue(tree.get("a29").get(0).isTextual(), tree.get("a29").toString());
    }

    @Test
    void yamlTagsNeverBuildObjects() {
        String yaml = """
                type: scorecard
                id: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x"]]]]
                version: 1
                measures: []
                """;
        // The tagged value is read as plain data (a list), so it is just a wrong type for an id.
        List<String> errors = errors(yaml, DefinitionFormat.YAML);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("id: expected a string")), errors.toString());
    }

    @Test
    void jsonWithDuplicateKeysOrNaNIsRejected() {
        assertThrows(DefinitionException.class,
                () -> DefinitionFormat.JSON.parse("{\"type\": \"a\", \"type\": \"b\"}"));
        assertThrows(DefinitionException.class, () -> DefinitionFormat.JSON.parse("{\"x\": NaN}"));
    }
}
