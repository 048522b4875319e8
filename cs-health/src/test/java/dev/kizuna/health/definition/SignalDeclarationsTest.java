package dev.kizuna.health.definition;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.Term;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.segment.SegmentedDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A definition on a signal that is neither well-known nor declared can never match: it is an error at load time,
 * with a suggestion; custom signals are declared in a {@code signals} section with their domains.
 */
class SignalDeclarationsTest {
    private static final HealthModels MODELS = HealthModels.load();
    private static final SignalName DEPENDENTS = SignalName.of("custom.dependents");
    private static final SignalName API_CALLS = SignalName.of("custom.api_calls_7d");

    private static String scorecard(String signals, String signal) {
        return "type: scorecard\nid: c\nversion: 1\n" + signals + "measures:\n"
                + "  - {measure: m, signal: " + signal + ", weight: 1, normaliser: {type: linear, from: 0, to: 1}}\n";
    }

    private static List<DefinitionError> errors(String yaml) {
        return assertThrows(DefinitionException.class, () -> MODELS.read(yaml, DefinitionFormat.YAML)).errors();
    }

    private static DefinitionError error(String path, String message) {
        return new DefinitionError(path, message);
    }

    @Test
    void aMisspeltWellKnownSignalIsAnErrorWithASuggestion() {
        assertEquals(List.of(error("measures[0].signal", "unknown signal 'sentiment.npss'; did you mean"
                + " sentiment.nps? A custom signal must be declared, with its domain, in the definition's top-level"
                + " signals section, such as signals: {sentiment.npss: {min: 0}} ({} for any finite number)")),
                errors(scorecard("", "sentiment.npss")));
    }

    @Test
    void anUndeclaredCustomSignalIsAnErrorThatSaysHowToDeclareIt() {
        assertEquals(List.of(error("measures[0].signal", "unknown signal 'custom.dependents': it is not a"
                + " well-known signal. A custom signal must be declared, with its domain, in the definition's"
                + " top-level signals section, such as signals: {custom.dependents: {min: 0}} ({} for any finite"
                + " number)")), errors(scorecard("", "custom.dependents")));
    }

    @Test
    void aNameCloseToADeclaredOneIsSuggested() {
        List<DefinitionError> e = errors(scorecard("signals: {custom.dependents: {min: 0}}\n", "custom.dependent"));
        assertTrue(e.get(0).message().startsWith("unknown signal 'custom.dependent'; did you mean custom.dependents?"),
                e.toString());
    }

    @Test
    void aDeclaredCustomSignalReadsAndItsDomainIsTheModels() {
        String yaml = scorecard("signals: {custom.dependents: {min: 0, max: 1, whole: true}, custom.api_calls_7d:"
                + " {min: 0}, custom.any: {}}\n", "custom.dependents");
        ScorecardDefinition card = (ScorecardDefinition) MODELS.read(yaml, DefinitionFormat.YAML);
        assertEquals(SignalDomain.FLAG, card.domainOf(DEPENDENTS));
        assertEquals(SignalDomain.NON_NEGATIVE, card.domainOf(API_CALLS));
        assertEquals(SignalDomain.ANY, card.domainOf(SignalName.of("custom.any")));
        assertEquals(SignalDomain.between(-100, 100), card.domainOf(SignalName.SENTIMENT_NPS));
        // The writer emits the section, and the round trip is exact in both formats.
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = MODELS.write(card, format);
            assertTrue(written.contains("signals"), written);
            assertEquals(card, MODELS.read(written, format), written);
        }
    }

    @Test
    void declaringAWellKnownSignalIsAnError() {
        assertEquals(List.of(error("signals['sentiment.nps']", "sentiment.nps is a well-known signal, whose domain"
                        + " is fixed (a number from -100 to 100); remove it from signals")),
                errors(scorecard("signals: {sentiment.nps: {min: 0}}\n", "sentiment.nps")));
    }

    @Test
    void malformedDeclarationsAreErrorsWithTheirPath() {
        List<DefinitionError> e = errors(scorecard("signals: {custom.a: {min: 5, max: 1}, custom.b: {min: x},"
                + " custom.c: {whole: 1}, custom.d: {mx: 3}, Bad: {}, custom.e: 7, custom.f: {max: 1e20}}\n",
                "sentiment.nps"));
        assertEquals(List.of(
                error("signals['custom.a']", "min 5 is above max 1"),
                error("signals['custom.b'].min", "expected a number but found string \"x\""),
                error("signals['custom.c'].whole", "expected true or false but found number 1"),
                error("signals['custom.d'].mx", "unknown field; the known fields here are max, min, whole"),
                error("signals.Bad", "'Bad' is not a signal name: lower-case letters, digits and '_' in"
                        + " dot-separated parts, starting with a letter, such as usage.active_users"),
                error("signals['custom.e']", "expected a domain such as {min: 0, max: 1, whole: true} ({} for any"
                        + " finite number) but found number 7"),
                error("signals['custom.f'].max", "1.0E20 must be between -1e15 and 1e15 (leave the bound out for"
                        + " no bound)")), e);
        assertEquals(List.of(error("signals", "expected an object of custom signal names and their domains, such as"
                + " {custom.api_calls_7d: {min: 0}}, but found array [\"custom.a\"]")),
                errors(scorecard("signals: [custom.a]\n", "sentiment.nps")));
    }

    @Test
    void logisticDefinitionsDeclareTheirCustomSignalsToo() {
        String yaml = "type: logistic\nid: l\nversion: 1\nintercept: 0\nsignals: {custom.dependents: {min: 0, max: 1,"
                + " whole: true}}\nterms:\n  - {term: d, signal: custom.dependents, coefficient: 0.5}\n"
                + "  - {term: e, signal: custom.other, coefficient: 0.5}\n";
        assertEquals(List.of("terms[1].signal"), errors(yaml).stream().map(DefinitionError::path).toList());
        LogisticDefinition model = (LogisticDefinition) MODELS.read(yaml.replace("  - {term: e, signal:"
                + " custom.other, coefficient: 0.5}\n", ""), DefinitionFormat.YAML);
        assertEquals(SignalDomain.FLAG, model.domainOf(DEPENDENTS));
        assertEquals(model, MODELS.read(MODELS.write(model, DefinitionFormat.JSON), DefinitionFormat.JSON));
    }

    @Test
    void definitionsBuiltInJavaWithoutDeclarationsAreValidAndRoundTrip() {
        ScorecardDefinition card = ScorecardDefinition.builder(ModelId.of("java", "1"))
                .add(Measure.of("a", API_CALLS, 1, Normaliser.linear(0, 100)))
                .add(Measure.of("b", SignalName.SENTIMENT_NPS, 1, Normaliser.linear(-100, 100)))
                .build();
        assertEquals(Map.of(API_CALLS, SignalDomain.ANY), card.signals());
        assertEquals(SignalDomain.ANY, card.domainOf(API_CALLS));
        for (DefinitionFormat format : DefinitionFormat.values()) {
            assertEquals(card, MODELS.read(MODELS.write(card, format), format));
        }
        ScorecardDefinition declared = ScorecardDefinition.builder(ModelId.of("java", "1"))
                .add(Measure.of("a", API_CALLS, 1, Normaliser.linear(0, 100)))
                .signal(API_CALLS, SignalDomain.COUNT).build();
        assertEquals(SignalDomain.COUNT, declared.domainOf(API_CALLS));
        assertEquals(declared, MODELS.read(MODELS.write(declared, DefinitionFormat.YAML), DefinitionFormat.YAML));
        LogisticDefinition model = LogisticDefinition.of(ModelId.of("java", "1"), 0, List.of(Term.of("t", API_CALLS,
                1))).withSignals(Map.of(API_CALLS, SignalDomain.NON_NEGATIVE));
        assertEquals(SignalDomain.NON_NEGATIVE, model.domainOf(API_CALLS));
        assertEquals(model, MODELS.read(MODELS.write(model, DefinitionFormat.YAML), DefinitionFormat.YAML));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScorecardDefinition
                .builder(ModelId.of("java", "1")).add(Measure.of("a", API_CALLS, 1, Normaliser.linear(0, 1)))
                .signal(SignalName.SENTIMENT_NPS, SignalDomain.ANY).build());
        assertEquals("signals.sentiment.nps: a well-known signal, whose domain is fixed (a number from -100 to 100),"
                + " cannot be declared", e.getMessage());
    }

    @Test
    void aSegmentedDefinitionsDeclarationsAreSeenByEveryModel() {
        String yaml = """
                type: segmented
                id: s
                version: 1
                signals: {custom.dependents: {min: 0, max: 1, whole: true}}
                models:
                  a:
                    type: scorecard
                    id: a
                    version: 1
                    signals: {custom.api_calls_7d: {min: 0}}
                    measures:
                      - {measure: m, signal: custom.dependents, weight: 1, normaliser: {type: linear, from: 0, to: 1}}
                      - {measure: n, signal: custom.api_calls_7d, weight: 1, normaliser: {type: linear, from: 0, to: 9}}
                  b:
                    type: logistic
                    id: b
                    version: 1
                    intercept: 0
                    terms: [{term: t, signal: custom.dependents, coefficient: 1}]
                default: a
                """;
        SegmentedDefinition segmented = SegmentedDefinition.read(yaml, DefinitionFormat.YAML, MODELS);
        ModelDefinition a = segmented.models().get("a");
        ModelDefinition b = segmented.models().get("b");
        assertEquals(SignalDomain.FLAG, a.domainOf(DEPENDENTS));
        assertEquals(SignalDomain.NON_NEGATIVE, a.domainOf(API_CALLS));
        assertEquals(SignalDomain.FLAG, b.domainOf(DEPENDENTS));
        assertEquals(SignalDomain.ANY, b.domainOf(API_CALLS));
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = segmented.write(MODELS, format);
            assertEquals(segmented, SegmentedDefinition.read(written, format, MODELS), written);
        }
        // A model may not declare again what the segmented definition declares.
        String twice = yaml.replace("signals: {custom.api_calls_7d: {min: 0}}",
                "signals: {custom.api_calls_7d: {min: 0}, custom.dependents: {}}");
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> SegmentedDefinition.read(twice, DefinitionFormat.YAML, MODELS));
        assertEquals(List.of(error("models.a.signals['custom.dependents']", "custom.dependents is already declared"
                + " by the enclosing definition; declare it once")), e.errors());
        // Another model's own declarations are not seen.
        String other = yaml.replace("terms: [{term: t, signal: custom.dependents", "terms: [{term: t, signal:"
                + " custom.api_calls_7d");
        DefinitionException o = assertThrows(DefinitionException.class,
                () -> SegmentedDefinition.read(other, DefinitionFormat.YAML, MODELS));
        assertEquals("models.b.terms[0].signal", o.errors().get(0).path());
    }

    @Test
    void unknownFieldsAndValuesSuggestTheNearestKnownOne() {
        String yaml = "type: scorecard\nid: c\nversion: 1\nmissingData: REDISTRIBUT\nmeasures:\n"
                + "  - {measure: m, signal: sentiment.nps, wieght: 1, normaliser: {type: linaer, from: 0, to: 1}}\n";
        assertEquals(List.of(
                error("missingData", "'REDISTRIBUT' is not one of [REDISTRIBUTE, ZERO, FAIL]; did you mean"
                        + " REDISTRIBUTE?"),
                error("measures[0]", "missing required field 'weight'"),
                error("measures[0].normaliser.type", "'linaer' is not a normaliser: linear, inverted, steps,"
                        + " logarithmic or piecewise; did you mean linear?"),
                error("measures[0].wieght", "unknown field; did you mean weight? The known fields here are label,"
                        + " measure, missingData, normaliser, signal, weight")), errors(yaml));
    }

    @Test
    void aTypoInTheModelTypeOfASegmentedModelIsSuggested() {
        String yaml = "type: segmented\nid: s\nversion: 1\nmodels:\n  a: {type: scorecrd}\ndefault: a\n";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> SegmentedDefinition.read(yaml, DefinitionFormat.YAML, MODELS));
        assertEquals(List.of(error("models.a.type", "'scorecrd' is not a known model type; the known types are"
                + " [logistic, scorecard]; did you mean scorecard?")), e.errors());
    }

    @Test
    void theDeclarationsAreKeptInOrder() {
        TreeMap<SignalName, SignalDomain> expected = new TreeMap<>(Map.of(API_CALLS, SignalDomain.COUNT,
                DEPENDENTS, SignalDomain.FLAG));
        ScorecardDefinition card = (ScorecardDefinition) MODELS.read(scorecard("signals: {custom.dependents: {min: 0,"
                + " max: 1, whole: true}, custom.api_calls_7d: {min: 0, whole: true}}\n", "custom.dependents"),
                DefinitionFormat.YAML);
        assertEquals(expected, card.signals());
    }
}
