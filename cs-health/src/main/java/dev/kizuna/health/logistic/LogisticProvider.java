package dev.kizuna.health.logistic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModelProvider;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionNode;
import dev.kizuna.health.internal.DefinitionTrees;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    public ModelDefinition read(DefinitionNode root) {
        Optional<ModelId> id = DefinitionTrees.readHeader(root, LogisticDefinition.TYPE);
        BandScheme bands = DefinitionTrees.readBands(root);
        double intercept = root.required("intercept").number();
        MissingInputPolicy missing = root.optional("missingInputs")
                .flatMap(n -> n.enumValue(MissingInputPolicy.class)).orElse(MissingInputPolicy.REFERENCE);
        double minimum = root.optional("minimumCompleteness").map(n -> n.number(0, 1)).orElse(0.0);
        List<Term> terms = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        DefinitionNode termsNode = root.required("terms");
        List<DefinitionNode> elements = termsNode.elements();
        if (elements.isEmpty() && termsNode.isArray()) {
            termsNode.error("a logistic model needs at least one term");
        }
        for (DefinitionNode t : elements) {
            DefinitionNode idNode = t.required("term");
            Optional<String> termId = idNode.id();
            if (termId.isPresent() && !ids.add(termId.get())) {
                idNode.error("the id '" + termId.get() + "' is used twice");
                termId = Optional.empty();
            }
            Optional<String> label = t.optional("label").map(DefinitionNode::text);
            Optional<SignalName> signal = t.required("signal").signal();
            double coefficient = t.required("coefficient").number();
            Optional<Standardisation> standardisation = Optional.empty();
            Optional<DefinitionNode> sNode = t.optional("standardisation");
            if (sNode.isPresent()) {
                double mean = sNode.get().required("mean").number();
                double sd = sNode.get().required("sd").positive();
                sNode.get().finish();
                if (sd > 0) {
                    standardisation = Optional.of(Standardisation.of(mean, sd));
                }
            }
            t.finish();
            if (termId.isPresent() && signal.isPresent() && (sNode.isEmpty() || standardisation.isPresent())) {
                String finalId = termId.get();
                Optional<Standardisation> finalStandardisation = standardisation;
                t.build(() -> new Term(finalId, label.orElse(finalId), signal.get(), coefficient,
                        finalStandardisation)).ifPresent(terms::add);
            }
        }
        root.finish();
        if (root.hasErrors() || id.isEmpty()) {
            return rejected();
        }
        return root.build(() -> new LogisticDefinition(id.get(), bands, intercept, terms, missing, minimum))
                .orElseGet(LogisticProvider::rejected);
    }

    /**
     * The value {@link #read} returns with its problems recorded, as the SPI asks: a valid definition that is never
     * used, because the caller throws the recorded problems instead.
     */
    private static LogisticDefinition rejected() {
        return LogisticDefinition.of(ModelId.of("invalid", "0"), 0, List.of(Term.of("invalid",
                SignalName.of("invalid"), 0)));
    }

    @Override
    public ObjectNode write(ModelDefinition definition) {
        LogisticDefinition model = cast(definition);
        ObjectNode out = DefinitionTrees.header(model);
        out.put("intercept", model.intercept());
        out.put("missingInputs", model.missingInputs().name());
        out.put("minimumCompleteness", model.minimumCompleteness());
        ArrayNode terms = out.putArray("terms");
        for (Term t : model.terms()) {
            ObjectNode o = terms.addObject().put("term", t.id());
            if (!t.label().equals(t.id())) {
                o.put("label", t.label());
            }
            o.put("signal", t.signal().value()).put("coefficient", t.coefficient());
            t.standardisation().ifPresent(s -> o.putObject("standardisation").put("mean", s.mean()).put("sd", s.sd()));
        }
        return out;
    }
}
