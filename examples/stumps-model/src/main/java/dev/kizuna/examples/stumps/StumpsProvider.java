package dev.kizuna.examples.stumps;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModelProvider;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionNode;
import dev.kizuna.health.definition.DefinitionWriter;
import dev.kizuna.health.definition.ModelDefinitionParts;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Creates {@link StumpsModel}s from definitions of type {@value StumpsDefinition#TYPE}:
 * <pre>{@code
 * {
 *   "type": "stumps", "id": "churn-stumps", "version": "1",
 *   "intercept": -2.9,
 *   "minimumCompleteness": 0.5,
 *   "stumps": [
 *     {"signal": "engagement.licence_utilisation", "threshold": 0.42, "below": 0.31, "atOrAbove": -0.12,
 *      "missing": 0.31},
 *     {"signal": "support.open_tickets", "threshold": 3, "below": -0.05, "atOrAbove": 0.22, "missing": -0.05}
 *   ]
 * }
 * }</pre>
 * The values are log-odds of churn with the learning rate already applied (see {@link Stump}). {@code bands} (as
 * for every model: a list of {@code {"name": "red", "range": "[0, 50)"}}; the standard bands when absent) and
 * {@code minimumCompleteness} (default 0) are optional; everything else is required. A custom signal (one that is
 * not {@linkplain SignalName#catalogue() well-known}) must be declared in a {@code signals} section with its domain,
 * as in every definition: {@code "signals": {"custom.api_calls_7d": {"min": 0}}}.
 *
 * <p>Reading is strict and reports every problem with its path, not just the first: unknown fields, missing or
 * mistyped fields, numbers that are not finite, values beyond {@code ±}{@value Stump#MAX_LOG_ODDS}, an empty list of
 * stumps or more than {@value StumpsDefinition#MAX_STUMPS}, and signal names that are malformed, longer than
 * {@value Stump#MAX_SIGNAL_LENGTH} characters, or outside the signal catalogue when one is given. Stateless and
 * thread-safe.
 */
public final class StumpsProvider implements HealthModelProvider {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public StumpsProvider() {
    }

    @Override
    public String type() {
        return StumpsDefinition.TYPE;
    }

    @Override
    public HealthModel create(ModelDefinition definition) {
        return StumpsModel.of(cast(definition));
    }

    private static StumpsDefinition cast(ModelDefinition definition) {
        if (!(definition instanceof StumpsDefinition)) {
            throw new IllegalArgumentException("definition: " + definition.id() + " of type '" + definition.type()
                    + "' is not a stumps definition");
        }
        return (StumpsDefinition) definition;
    }

    @Override
    public Optional<StumpsDefinition> read(DefinitionNode root) {
        // First: the custom signals the stumps may read, and their domains.
        SortedMap<SignalName, SignalDomain> signals = root.signalDeclarations();
        Optional<ModelId> id = ModelDefinitionParts.readHeader(root, StumpsDefinition.TYPE);
        BandScheme bands = ModelDefinitionParts.readBands(root);
        double intercept = logOdds(root.required("intercept"));
        double minimum = root.optional("minimumCompleteness").map(n -> n.number(0, 1)).orElse(0.0);
        DefinitionNode list = root.required("stumps");
        List<Stump> stumps = list.isPresent() ? list.each("stump", StumpsProvider::readStump) : List.of();
        if (list.isArray() && stumps.isEmpty() && !list.hasErrorsInside()) {
            list.error("a stumps model needs at least one stump");
        }
        root.finish();
        if (root.hasErrorsInside() || id.isEmpty()) {
            return Optional.empty();
        }
        return root.build(() -> new StumpsDefinition(id.get(), bands, intercept, stumps, minimum, signals));
    }

    /** Reads one stump, or empty after recording why. */
    private static Optional<Stump> readStump(DefinitionNode node) {
        DefinitionNode signalNode = node.required("signal");
        Optional<SignalName> signal = signalNode.signal();
        if (signal.isPresent() && signal.get().value().length() > Stump.MAX_SIGNAL_LENGTH) {
            signalNode.error("'" + signal.get().value() + "' has " + signal.get().value().length()
                    + " characters, over the limit of " + Stump.MAX_SIGNAL_LENGTH);
            signal = Optional.empty();
        }
        double threshold = node.required("threshold").number();
        double below = logOdds(node.required("below"));
        double atOrAbove = logOdds(node.required("atOrAbove"));
        double missing = logOdds(node.required("missing"));
        node.finish();
        if (signal.isEmpty() || node.hasErrorsInside()) {
            return Optional.empty();
        }
        SignalName name = signal.get();
        return node.build(() -> Stump.of(name, threshold, below, atOrAbove, missing));
    }

    /** Reads a value in log-odds: a finite number within {@code ±MAX_LOG_ODDS}; 0 after recording an error. */
    private static double logOdds(DefinitionNode node) {
        return node.number(-Stump.MAX_LOG_ODDS, Stump.MAX_LOG_ODDS);
    }

    @Override
    public void write(ModelDefinition definition, DefinitionWriter out) {
        StumpsDefinition model = cast(definition);
        ModelDefinitionParts.writeHeader(model, model.signals(), out);
        out.put("intercept", model.intercept());
        out.put("minimumCompleteness", model.minimumCompleteness());
        DefinitionWriter.Array stumps = out.array("stumps");
        for (Stump s : model.stumps()) {
            stumps.addObject().put("signal", s.signal().value()).put("threshold", s.threshold())
                    .put("below", s.below()).put("atOrAbove", s.atOrAbove()).put("missing", s.missing());
        }
    }
}
