package dev.kizuna.examples.stumps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModelProvider;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DeclaredSignals;
import dev.kizuna.health.definition.DefinitionNode;

import java.util.ArrayList;
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
    public ModelDefinition read(DefinitionNode root) {
        // First: the custom signals the stumps may read, and their domains.
        SortedMap<SignalName, SignalDomain> signals = root.signalDeclarations();
        Optional<ModelId> id = readHeader(root);
        BandScheme bands = readBands(root);
        double intercept = logOdds(root.required("intercept"));
        double minimum = root.optional("minimumCompleteness").map(n -> n.number(0, 1)).orElse(0.0);
        DefinitionNode list = root.required("stumps");
        int errorsBefore = root.errors().size();
        List<DefinitionNode> elements = list.elements();
        if (elements.isEmpty() && list.isArray() && root.errors().size() == errorsBefore) {
            list.error("a stumps model needs at least one stump");
        }
        List<Stump> stumps = new ArrayList<>(elements.size());
        for (DefinitionNode node : elements) {
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
            if (signal.isPresent()) {
                SignalName name = signal.get();
                node.build(() -> Stump.of(name, threshold, below, atOrAbove, missing)).ifPresent(stumps::add);
            }
        }
        root.finish();
        if (root.hasErrors() || id.isEmpty()) {
            return standIn();
        }
        return root.build(() -> new StumpsDefinition(id.get(), bands, intercept, stumps, minimum, signals))
                .orElseGet(StumpsProvider::standIn);
    }

    /** Reads a value in log-odds: a finite number within {@code ±MAX_LOG_ODDS}; 0 after recording an error. */
    private static double logOdds(DefinitionNode node) {
        if (!node.isPresent()) {
            return 0;
        }
        double value = node.number();
        if (Math.abs(value) > Stump.MAX_LOG_ODDS) {
            node.error(value + " must be between -" + (long) Stump.MAX_LOG_ODDS + " and " + (long) Stump.MAX_LOG_ODDS);
            return 0;
        }
        return value;
    }

    /** Reads {@code type} (which must be this provider's), {@code id} and {@code version}. */
    private static Optional<ModelId> readHeader(DefinitionNode root) {
        DefinitionNode type = root.required("type");
        if (type.isPresent()) {
            String t = type.text();
            type.check(t.equals(StumpsDefinition.TYPE), "'" + t + "' must be '" + StumpsDefinition.TYPE + "'");
        }
        Optional<String> id = root.required("id").id();
        Optional<String> version = root.required("version").id();
        if (id.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ModelId.of(id.get(), version.get()));
    }

    /** Reads the optional {@code bands}; the standard scheme when they are absent or wrong. */
    private static BandScheme readBands(DefinitionNode root) {
        Optional<DefinitionNode> field = root.optional("bands");
        if (field.isEmpty()) {
            return BandScheme.standard();
        }
        List<HealthBand> bands = new ArrayList<>();
        boolean ok = true;
        for (DefinitionNode b : field.get().elements()) {
            Optional<String> name = b.required("name").id();
            DefinitionNode rangeNode = b.required("range");
            String range = rangeNode.text();
            b.finish();
            if (name.isEmpty() || !rangeNode.isPresent()) {
                ok = false;
                continue;
            }
            Optional<HealthBand> band = rangeNode.build(() -> HealthBand.of(name.get(), range));
            band.ifPresent(bands::add);
            ok &= band.isPresent();
        }
        if (!ok) {
            return BandScheme.standard();
        }
        List<String> problems = BandScheme.problems(bands);
        for (String problem : problems) {
            field.get().error(problem.startsWith("bands: ") ? problem.substring("bands: ".length()) : problem);
        }
        return problems.isEmpty() ? BandScheme.of(bands) : BandScheme.standard();
    }

    /** The value returned when problems were recorded; the caller throws them, so it is never used. */
    private static StumpsDefinition standIn() {
        return StumpsDefinition.of(ModelId.of("invalid", "0"), 0,
                List.of(Stump.of(SignalName.of("invalid"), 0, 0, 0, 0)));
    }

    @Override
    public ObjectNode write(ModelDefinition definition) {
        StumpsDefinition model = cast(definition);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", model.type());
        out.put("id", model.id().id());
        out.put("version", model.id().version());
        ArrayNode bands = out.putArray("bands");
        for (HealthBand band : model.bands().bands()) {
            bands.addObject().put("name", band.name()).put("range", band.range());
        }
        if (!model.signals().isEmpty()) {
            out.set("signals", DeclaredSignals.tree(model.signals()));
        }
        out.put("intercept", model.intercept());
        out.put("minimumCompleteness", model.minimumCompleteness());
        ArrayNode stumps = out.putArray("stumps");
        for (Stump s : model.stumps()) {
            stumps.addObject().put("signal", s.signal().value()).put("threshold", s.threshold())
                    .put("below", s.below()).put("atOrAbove", s.atOrAbove()).put("missing", s.missing());
        }
        return out;
    }
}
