package dev.kizuna.health.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.kit.DefinitionMutations;
import dev.kizuna.health.kit.Samples;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.segment.SegmentedDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutated valid definitions (fields removed, blanked, retyped, renamed; elements removed or duplicated) either read
 * whole, with every measure, cap, term, model and rule of the document in the result, or fail with a
 * {@link DefinitionException} whose errors have paths; never with another exception, and never smaller.
 */
class DefinitionMutationProperties {
    private static final HealthModels MODELS = HealthModels.load();

    static final String SEGMENTED = """
            type: segmented
            id: routing
            version: 1
            signals: {custom.seats: {min: 0, whole: true}}
            models:
              standard:
                type: scorecard
                id: standard
                version: 1
                measures:
                  - {measure: nps, signal: sentiment.nps, weight: 1, normaliser: {type: linear, from: -100, to: 100}}
                  - {measure: seats, signal: custom.seats, weight: 2, normaliser: {type: linear, from: 0, to: 50}}
                caps:
                  - {cap: esc, signal: support.escalated_tickets, when: ">", threshold: 0, max: 40}
              onboarding:
                type: logistic
                id: onboarding
                version: 1
                intercept: -1
                signals: {custom.api_calls: {}}
                terms:
                  - {term: calls, signal: custom.api_calls, coefficient: -0.2, standardisation: {mean: 10, sd: 4}}
                  - {term: seats, signal: custom.seats, coefficient: 0.1}
            default: standard
            rules:
              - when: {stage: CONVERSION}
                model: onboarding
              - when: {segment: enterprise, tier: gold}
                model: standard
            """;

    @Provide
    Arbitrary<List<Integer>> plans() {
        return Arbitraries.integers().list().ofMinSize(2).ofMaxSize(6);
    }

    @Property(tries = 600)
    void aMutatedScorecardReadsWholeOrFailsWithPaths(@ForAll("plans") List<Integer> plan,
                                                     @ForAll boolean yaml) {
        check(DefinitionFormat.JSON.parse(Samples.SCORECARD_JSON), plan, yaml);
    }

    @Property(tries = 400)
    void aMutatedLogisticModelReadsWholeOrFailsWithPaths(@ForAll("plans") List<Integer> plan, @ForAll boolean yaml) {
        check(DefinitionFormat.JSON.parse(Samples.LOGISTIC_JSON), plan, yaml);
    }

    @Property(tries = 600)
    void aMutatedSegmentedDefinitionReadsWholeOrFailsWithPaths(@ForAll("plans") List<Integer> plan,
                                                               @ForAll boolean yaml) {
        check(DefinitionFormat.YAML.parse(SEGMENTED), plan, yaml);
    }

    private static void check(JsonNode valid, List<Integer> plan, boolean yaml) {
        JsonNode mutated = DefinitionMutations.mutate(valid, plan);
        DefinitionFormat format = yaml ? DefinitionFormat.YAML : DefinitionFormat.JSON;
        String text = format.write(mutated);
        try {
            if (SegmentedDefinition.isSegmented(mutated)) {
                SegmentedDefinition read = SegmentedDefinition.read(text, format, MODELS);
                assertEquals(mutated.get("models").size(), read.models().size(), text);
                assertEquals(mutated.has("rules") ? mutated.get("rules").size() : 0, read.rules().size(), text);
                for (String name : read.models().keySet()) {
                    assertWhole(mutated.get("models").get(name), read.models().get(name), text);
                }
            } else {
                assertWhole(mutated, MODELS.read(text, format), text);
            }
        } catch (DefinitionException e) {
            assertFalse(e.errors().isEmpty(), text);
            // Each error says where: a path, or (at the root) the missing field it names.
            assertTrue(e.errors().stream().allMatch(err -> !err.path().isEmpty()
                    || err.message().startsWith("missing required field '")), () -> e.getMessage() + "\n" + text);
        } catch (RuntimeException | StackOverflowError e) {
            fail("not a definition error: " + e + "\n" + text, e);
        }
    }

    /** Asserts that every measure, group, cap and term of the document is in the definition read from it. */
    private static void assertWhole(JsonNode document, ModelDefinition read, String text) {
        if (read instanceof ScorecardDefinition card) {
            int[] counts = new int[2];
            count(document.get("measures"), counts);
            assertEquals(counts[0], card.allMeasures().size(), text);
            JsonNode caps = document.get("caps");
            assertEquals(caps == null || caps.isNull() ? 0 : caps.size(), card.caps().size(), text);
        } else if (read instanceof LogisticDefinition model) {
            assertEquals(document.get("terms").size(), model.terms().size(), text);
        } else {
            fail("unexpected definition " + read);
        }
        assertEquals(Optional.of(read), Optional.of(MODELS.read(MODELS.write(read, DefinitionFormat.JSON),
                DefinitionFormat.JSON)));
    }

    private static void count(JsonNode items, int[] counts) {
        for (JsonNode item : items) {
            if (item.has("group")) {
                counts[1]++;
                count(item.get("measures"), counts);
            } else {
                counts[0]++;
            }
        }
    }
}
