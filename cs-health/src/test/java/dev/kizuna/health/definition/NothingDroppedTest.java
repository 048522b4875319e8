package dev.kizuna.health.definition;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModelProvider;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.segment.SegmentedDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A definition loads whole or fails with a reason for every part it lacks: no reader drops a part without an error.
 * Each case here used to load a smaller definition without a word.
 */
class NothingDroppedTest {
    private static final HealthModels MODELS = HealthModels.load();

    private static List<DefinitionError> errors(String yaml) {
        return assertThrows(DefinitionException.class, () -> MODELS.read(yaml, DefinitionFormat.YAML)).errors();
    }

    private static DefinitionError error(String path, String message) {
        return new DefinitionError(path, message);
    }

    @Test
    void aMeasureWhoseNormaliserTypeIsBlankIsAnErrorNotDropped() {
        String yaml = """
                type: scorecard
                id: c
                version: 1
                measures:
                  - {measure: a, signal: sentiment.nps, weight: 1, normaliser: {type: linear, from: 0, to: 1}}
                  - {measure: b, signal: sentiment.csat, weight: 1, normaliser: {type: ""}}
                """;
        assertEquals(List.of(error("measures[1].normaliser.type", "'' is not a normaliser: linear, inverted, steps,"
                + " logarithmic or piecewise")), errors(yaml));
    }

    @Test
    void aCapWhoseComparisonIsBlankIsAnErrorNotDropped() {
        String yaml = """
                type: scorecard
                id: c
                version: 1
                measures:
                  - {measure: a, signal: sentiment.nps, weight: 1, normaliser: {type: linear, from: 0, to: 1}}
                caps:
                  - {cap: x, signal: support.escalated_tickets, when: "", threshold: 0, max: 40}
                """;
        assertEquals(List.of(error("caps[0].when", "'' is not a comparison: <, <=, >, >=, == or !=")), errors(yaml));
    }

    @Test
    void aSegmentedModelWhoseTypeIsBlankIsAnErrorNotDropped() {
        String yaml = """
                type: segmented
                id: s
                version: 1
                models:
                  a:
                    type: scorecard
                    id: a
                    version: 1
                    measures:
                      - {measure: m, signal: sentiment.nps, weight: 1, normaliser: {type: linear, from: 0, to: 1}}
                  b: {type: ""}
                default: a
                """;
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> SegmentedDefinition.read(yaml, DefinitionFormat.YAML, MODELS));
        assertEquals(List.of(error("models.b.type", "'' is not a known model type; the known types are [logistic,"
                + " scorecard]")), e.errors());
    }

    @Test
    void aReaderThatReturnsNothingWithoutAReasonGetsAnErrorAtItsPath() {
        DefinitionNode root = DefinitionNode.root(DefinitionFormat.JSON.parse("{\"parts\": [1, 2, 3]}"),
                Optional.empty());
        List<Integer> read = root.required("parts").each("part", n -> {
            int v = (int) n.number();
            return v == 2 ? Optional.empty() : Optional.of(v);
        });
        assertEquals(List.of(1, 3), read);
        assertEquals(List.of(error("parts[1]", "this part could not be read")), root.errors());
    }

    @Test
    void aReaderThatRejectsItsInputWithAnExceptionGetsItsMessageAtItsPath() {
        DefinitionNode root = DefinitionNode.root(DefinitionFormat.JSON.parse("{\"part\": 7}"), Optional.empty());
        Optional<Object> read = root.required("part").read("part", n -> {
            throw new IllegalArgumentException("seven is not allowed");
        });
        assertEquals(Optional.empty(), read);
        assertEquals(List.of(error("part", "seven is not allowed")), root.errors());
    }

    @Test
    void aReaderThatRecordedItsReasonGetsNoSecondError() {
        DefinitionNode root = DefinitionNode.root(DefinitionFormat.JSON.parse("{\"part\": \"x\"}"), Optional.empty());
        root.required("part").read("part", n -> {
            n.number();
            return Optional.empty();
        });
        assertEquals(List.of(error("part", "expected a number but found string \"x\"")), root.errors());
    }

    @Test
    void aPluginProviderThatThrowsOrReturnsNothingGivesADefinitionError() {
        HealthModels throwing = HealthModels.of(List.of(new Provider(root -> {
            throw new IllegalArgumentException("weights: too heavy");
        })));
        assertEquals(List.of(error("", "weights: too heavy")), assertThrows(DefinitionException.class,
                () -> throwing.read("{\"type\": \"test\"}", DefinitionFormat.JSON)).errors());
        HealthModels nothing = HealthModels.of(List.of(new Provider(root -> Optional.empty())));
        assertEquals(List.of(error("", "this definition could not be read")), assertThrows(DefinitionException.class,
                () -> nothing.read("{\"type\": \"test\"}", DefinitionFormat.JSON)).errors());
    }

    @Test
    void aPluginProviderThatRecordsAProblemButReturnsADefinitionStillFails() {
        ModelDefinition valid = ScorecardDefinition.builder(ModelId.of("m", "1"))
                .add(Measure.of("m", SignalName.of("sentiment.nps"), 1, Normaliser.linear(0, 10))).build();
        HealthModels careless = HealthModels.of(List.of(new Provider(root -> {
            root.required("weight").number();
            return Optional.of(valid);
        })));
        assertEquals(List.of(error("weight", "expected a number but found string \"heavy\"")),
                assertThrows(DefinitionException.class, () -> careless.read("{\"type\": \"test\", \"weight\":"
                        + " \"heavy\"}", DefinitionFormat.JSON)).errors());
    }

    /** A provider whose reader does what it is told. */
    private static final class Provider implements HealthModelProvider {
        private final Function<DefinitionNode, Optional<? extends ModelDefinition>> reader;

        Provider(Function<DefinitionNode, Optional<? extends ModelDefinition>> reader) {
            this.reader = reader;
        }

        @Override
        public String type() {
            return "test";
        }

        @Override
        public Optional<? extends ModelDefinition> read(DefinitionNode root) {
            root.required("type").text();
            return reader.apply(root);
        }

        @Override
        public void write(ModelDefinition definition, DefinitionWriter out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HealthModel create(ModelDefinition definition) {
            throw new UnsupportedOperationException();
        }
    }
}
