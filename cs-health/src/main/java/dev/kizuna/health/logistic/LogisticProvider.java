package dev.kizuna.health.logistic;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModelProvider;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionLimits;
import dev.kizuna.health.definition.DefinitionNode;
import dev.kizuna.health.definition.DefinitionWriter;
import dev.kizuna.health.definition.ModelDefinitionParts;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Creates {@link LogisticModel}s from definitions of type {@value LogisticDefinition#TYPE}:
 * <pre>{@code
 * {
 *   "type": "logistic", "id": "churn", "version": "2024-06",
 *   "intercept": -1.2,
 *   "missingInputs": "REFERENCE",
 *   "minimumCompleteness": 0.5,
 *   "terms": [
 *     {"term": "nps", "label": "NPS", "signal": "sentiment.nps", "coefficient": -0.8,
 *      "standardisation": {"mean": 20, "sd": 35}},
 *     {"term": "tickets", "signal": "support.open_tickets", "coefficient": 0.3}
 *   ]
 * }
 * }</pre>
 * {@code bands}, {@code missingInputs} (default {@code REFERENCE}), {@code minimumCompleteness} (default 0), and
 * each term's {@code label} and {@code standardisation} are optional. Stateless and thread-safe.
 */
public final class LogisticProvider implements HealthModelProvider {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public LogisticProvider() {
    }

    @Override
    public String type() {
        return LogisticDefinition.TYPE;
    }

    @Override
    public HealthModel create(ModelDefinition definition) {
        return LogisticModel.of(cast(definition));
    }

    private static LogisticDefinition cast(ModelDefinition definition) {
        if (!(definition instanceof LogisticDefinition)) {
            throw new IllegalArgumentException("definition: " + definition.id() + " of type '" + definition.type()
                    + "' is not a logistic definition");
        }
        return (LogisticDefinition) definition;
    }

    @Override
    public Optional<LogisticDefinition> read(DefinitionNode root) {
        SortedMap<SignalName, SignalDomain> signals = root.signalDeclarations();
        Optional<ModelId> id = ModelDefinitionParts.readHeader(root, LogisticDefinition.TYPE);
        BandScheme bands = ModelDefinitionParts.readBands(root);
        double intercept = logOdds(root.required("intercept"));
        LogisticMissingInput missing = root.optional("missingInputs")
                .flatMap(n -> n.enumValue(LogisticMissingInput.class)).orElse(LogisticMissingInput.REFERENCE);
        double minimum = root.optional("minimumCompleteness").map(n -> n.number(0, 1)).orElse(0.0);
        Set<String> ids = new HashSet<>();
        DefinitionNode termsNode = root.required("terms");
        List<Term> terms = termsNode.isPresent() ? termsNode.each("term", t -> readTerm(t, ids)) : List.of();
        if (termsNode.isArray() && terms.isEmpty() && !termsNode.hasErrorsInside()) {
            termsNode.error("a logistic model needs at least one term");
        }
        root.finish();
        if (root.hasErrorsInside() || id.isEmpty()) {
            return Optional.empty();
        }
        return root.build(() -> new LogisticDefinition(id.get(), bands, intercept, terms, missing, minimum,
                signals));
    }

    private static Optional<Term> readTerm(DefinitionNode t, Set<String> ids) {
        DefinitionNode idNode = t.required("term");
        Optional<String> termId = idNode.id();
        if (termId.isPresent() && !ids.add(termId.get())) {
            idNode.error("the id '" + termId.get() + "' is used twice");
            termId = Optional.empty();
        }
        Optional<String> label = t.optional("label").flatMap(DefinitionNode::label);
        Optional<SignalName> signal = t.required("signal").signal();
        double coefficient = logOdds(t.required("coefficient"));
        Optional<Standardisation> standardisation = t.optional("standardisation").map(s -> {
            double mean = s.required("mean").signalValue();
            double sd = s.required("sd").positive();
            if (sd > 0 && !(sd >= DefinitionLimits.MIN_SD && sd <= DefinitionLimits.MAX_MAGNITUDE)) {
                s.required("sd").error(sd + " must be between 1e-9 and 1e15");
            }
            s.finish();
            return s.hasErrorsInside() ? Standardisation.of(0, 1) : Standardisation.of(mean, sd);
        });
        t.finish();
        if (termId.isEmpty() || signal.isEmpty() || t.hasErrorsInside()) {
            return Optional.empty();
        }
        String finalId = termId.get();
        return t.build(() -> new Term(finalId, label.orElse(finalId), signal.get(), coefficient, standardisation));
    }

    /** Reads a log-odds value: within {@link DefinitionLimits#MAX_LOG_ODDS}; 0 after recording an error. */
    private static double logOdds(DefinitionNode n) {
        return n.number(-DefinitionLimits.MAX_LOG_ODDS, DefinitionLimits.MAX_LOG_ODDS);
    }

    @Override
    public void write(ModelDefinition definition, DefinitionWriter out) {
        LogisticDefinition model = cast(definition);
        ModelDefinitionParts.writeHeader(model, model.signals(), out);
        out.put("intercept", model.intercept());
        out.put("missingInputs", model.missingInputs().name());
        out.put("minimumCompleteness", model.minimumCompleteness());
        DefinitionWriter.Array terms = out.array("terms");
        for (Term t : model.terms()) {
            DefinitionWriter o = terms.addObject().put("term", t.id());
            if (!t.label().equals(t.id())) {
                o.put("label", t.label());
            }
            o.put("signal", t.signal().value()).put("coefficient", t.coefficient());
            t.standardisation().ifPresent(s -> o.object("standardisation").put("mean", s.mean()).put("sd", s.sd()));
        }
    }
}
