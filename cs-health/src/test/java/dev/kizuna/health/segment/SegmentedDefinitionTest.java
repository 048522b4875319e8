package dev.kizuna.health.segment;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionError;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.kit.Samples;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static dev.kizuna.health.Fixtures.NOW;
import static dev.kizuna.health.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentedDefinitionTest {
    private static final HealthModels MODELS = HealthModels.load();

    private static final String YAML = """
            type: segmented
            id: saas-health
            version: 3
            models:
              standard:
                type: scorecard
                id: standard
                version: 1
                measures:
                  - {measure: nps, signal: sentiment.nps, weight: 1, normaliser: {type: linear, from: -100, to: 100}}
              enterprise:
                type: scorecard
                id: enterprise
                version: 1
                measures:
                  - {measure: nps, signal: sentiment.nps, weight: 1, normaliser: {type: linear, from: 0, to: 100}}
              onboarding:
                type: logistic
                id: onboarding
                version: 1
                intercept: 0
                terms:
                  - {term: nps, signal: sentiment.nps, coefficient: -0.05}
            default: standard
            rules:
              - when: {stage: CONVERSION}
                model: onboarding
              - when: {segment: enterprise, tier: strategic}
                model: enterprise
            """;

    private static Account account(String segment, String tier, JourneyStage stage) {
        return Account.builder(AccountId.of("acme"), "Acme").segment(Segment.of(segment)).tier(Tier.of(tier, 1))
                .currency("EUR").stage(stage, NOW.minusSeconds(86_400)).build();
    }

    private static List<String> errors(String yaml) {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> SegmentedDefinition.read(yaml, DefinitionFormat.YAML, MODELS));
        return e.errors().stream().map(DefinitionError::toString).toList();
    }

    @Test
    void yamlRulesRouteAccountsLikeRulesWrittenInCode() {
        SegmentedDefinition definition = SegmentedDefinition.read(YAML, DefinitionFormat.YAML, MODELS);
        assertEquals(ModelId.of("saas-health", "3"), definition.id());
        assertEquals(List.of("enterprise", "onboarding", "standard"), List.copyOf(definition.models().keySet()));
        assertInstanceOf(LogisticDefinition.class, definition.models().get("onboarding"));
        assertEquals(new TreeSet<>(List.of(SignalName.SENTIMENT_NPS)), definition.inputs());

        SegmentedModel routing = definition.create(MODELS);
        ModelChoice choice = routing.choose(account("enterprise", "strategic", JourneyStage.RETENTION));
        assertEquals(ModelId.of("enterprise", "1"), choice.model().id());
        assertEquals("rule 2: segment = enterprise and tier = strategic", choice.reason());
        assertEquals(ModelId.of("onboarding", "1"),
                routing.choose(account("enterprise", "strategic", JourneyStage.CONVERSION)).model().id());
        ModelChoice fallback = routing.choose(account("smb", "strategic", JourneyStage.RETENTION));
        assertTrue(fallback.isDefault());
        assertEquals(ModelId.of("standard", "1"), fallback.model().id());
        assertEquals(ModelId.of("standard", "1"), routing.defaultModel().id());

        // -20 NPS scores 40 on the standard scale (-100..100) and 0 on the enterprise scale (0..100).
        assertEquals(40.0, routing.score(account("smb", "gold", JourneyStage.RETENTION), snapshot("sentiment.nps", -20),
                NOW).score().value().getAsDouble());
        assertEquals(0.0, routing.score(account("enterprise", "strategic", JourneyStage.RETENTION),
                snapshot("sentiment.nps", -20), NOW).score().value().getAsDouble());
    }

    @Test
    void definitionsRoundTripThroughJsonAndYaml() {
        SegmentedDefinition definition = SegmentedDefinition.read(YAML, DefinitionFormat.YAML, MODELS);
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = definition.write(MODELS, format);
            assertEquals(definition, SegmentedDefinition.read(written, format, MODELS), written);
        }
    }

    @Test
    void definitionFilesAreReadByTheirExtension() throws Exception {
        Path file = Files.writeString(Files.createTempDirectory("kizuna-segments").resolve("routing.yml"), YAML);
        assertEquals(SegmentedDefinition.read(YAML, DefinitionFormat.YAML, MODELS),
                SegmentedDefinition.read(file, MODELS));
        assertTrue(SegmentedDefinition.isSegmented(DefinitionFormat.YAML.parse(YAML)));
        assertFalse(SegmentedDefinition.isSegmented(DefinitionFormat.JSON.parse(Samples.SCORECARD_JSON)));
    }

    @Test
    void everyErrorIsReportedWithItsPathIncludingThoseInsideModels() {
        String yaml = """
                type: segmented
                id: routing
                version: 1
                colour: blue
                models:
                  standard:
                    type: scorecard
                    id: standard
                    version: 1
                    measures:
                      - {measure: nps, signal: sentiment.nps, weight: -1, normaliser: {type: linear, from: 0, to: 1}}
                  fancy:
                    type: neural
                  "bad name":
                    type: scorecard
                default: premium
                rules:
                  - when: {stage: ONBOARDING}
                    model: standard
                  - when: {}
                    model: standard
                  - when: {segment: enterprise}
                    model: gold
                """;
        assertEquals(List.of(
                "models.standard.measures[0].weight: -1 must be >= 0",
                "models.fancy.type: 'neural' is not a known model type; the known types are [logistic, scorecard]",
                "models['bad name']: 'bad name' is not a model name: 1 to 64 letters, digits, '_', '.' or '-',"
                        + " starting with a letter or digit",
                "rules[0].when.stage: 'ONBOARDING' is not one of [AWARENESS, CONSIDERATION, CONVERSION, RETENTION,"
                        + " ADVOCACY]",
                "rules[1].when: criterion: give at least one of segment, tier and stage",
                "colour: unknown field; the known fields here are default, id, models, rules, signals, type, version"),
                errors(yaml));
    }

    @Test
    void modelNamesAreCheckedOnceEveryModelIsRead() {
        String yaml = """
                type: segmented
                id: routing
                version: 1
                models:
                  standard:
                    type: logistic
                    id: standard
                    version: 1
                    intercept: 0
                    terms: [{term: nps, signal: sentiment.nps, coefficient: -0.05}]
                default: premium
                rules:
                  - when: {segment: enterprise}
                    model: gold
                """;
        assertEquals(List.of("default: 'premium' is not one of the models [standard]",
                "rules[0].model: 'gold' is not one of the models [standard]"), errors(yaml));
    }

    @Test
    void aDefinitionNeedsModelsAndADefault() {
        assertEquals(List.of("models: a segmented definition needs at least one model",
                "missing required field 'default'"), errors("type: segmented\nid: routing\nversion: 1\nmodels: {}\n"));
    }

    @Test
    void signalsOutsideTheCatalogueAreRejectedInsideModels() {
        String yaml = YAML.replace("signal: sentiment.nps, weight: 1, normaliser: {type: linear, from: 0",
                "signal: custom.health, weight: 1, normaliser: {type: linear, from: 0");
        DefinitionException e = assertThrows(DefinitionException.class, () -> SegmentedDefinition.read(yaml,
                DefinitionFormat.YAML, MODELS, Optional.of(new TreeSet<>(SignalName.catalogue()))));
        assertEquals(List.of(new DefinitionError("models.enterprise.measures[0].signal",
                "unknown signal 'custom.health': it is not in the signal catalogue")), e.errors());
    }

    @Test
    void theDocumentIsBoundedLikeAnyDefinition() {
        String deep = "type: segmented\nmodels:\n  x: " + "[".repeat(DefinitionFormat.MAX_DEPTH + 5)
                + "]".repeat(DefinitionFormat.MAX_DEPTH + 5) + "\n";
        assertThrows(DefinitionException.class, () -> SegmentedDefinition.read(deep, DefinitionFormat.YAML, MODELS));
        String big = "# " + "x".repeat(DefinitionFormat.MAX_DOCUMENT_CHARS) + "\ntype: segmented\n";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> SegmentedDefinition.read(big, DefinitionFormat.YAML, MODELS));
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
    }

    @Test
    void definitionsBuiltInCodeAreValidated() {
        ModelDefinition standard = MODELS.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentedDefinition.of(
                ModelId.of("r", "1"), Map.of("standard", standard), "premium", List.of()));
        assertEquals("default: 'premium' is not one of the models [standard]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SegmentedDefinition.of(ModelId.of("r", "1"),
                Map.of("standard", standard), "standard",
                List.of(SegmentRule.of(AccountCriterion.segment(Segment.of("enterprise")), "gold"))));
        assertEquals("rules[0].model: 'gold' is not one of the models [standard]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SegmentedDefinition.of(ModelId.of("r", "1"),
                Map.of(), "standard", List.of()));
        assertEquals("models: a segmented definition needs at least one model", e.getMessage());
        SegmentedDefinition ok = SegmentedDefinition.of(ModelId.of("r", "1"), Map.of("standard", standard),
                "standard", List.of(SegmentRule.of(AccountCriterion.tier("strategic"), "standard")));
        assertInstanceOf(ScorecardDefinition.class, ok.models().get(ok.defaultModel()));
    }
}
