package dev.kizuna.health.definition;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Reading and writing the parts every model definition shares: {@code type}, {@code id}, {@code version}, the
 * optional {@code bands} and the custom {@code signals} with their domains. The built-in providers use them, and so
 * should a plug-in's {@link dev.kizuna.health.HealthModelProvider}, so that its definitions read and fail like
 * every other:
 * <pre>{@code
 * public Optional<StumpsDefinition> read(DefinitionNode root) {
 *     SortedMap<SignalName, SignalDomain> signals = root.signalDeclarations();  // first: the custom signals
 *     Optional<ModelId> id = ModelDefinitionParts.readHeader(root, "stumps");
 *     BandScheme bands = ModelDefinitionParts.readBands(root);
 *     ... read the model's own fields ...
 *     root.finish();
 *     if (root.hasErrorsInside() || id.isEmpty()) {
 *         return Optional.empty();
 *     }
 *     return root.build(() -> new StumpsDefinition(id.get(), bands, ..., signals));
 * }
 *
 * public void write(ModelDefinition definition, DefinitionWriter out) {
 *     StumpsDefinition stumps = (StumpsDefinition) definition;
 *     ModelDefinitionParts.writeHeader(stumps, stumps.signals(), out);
 *     ... write the model's own fields ...
 * }
 * }</pre>
 */
public final class ModelDefinitionParts {
    private ModelDefinitionParts() {
    }

    /**
     * Writes {@code type}, {@code id}, {@code version}, {@code bands} and, when there are any, the custom
     * {@code signals} and their domains: the fields that {@link #readHeader}, {@link #readBands} and
     * {@link DefinitionNode#signalDeclarations()} read back.
     *
     * @param signals the custom signals the definition declares, as {@link DefinitionNode#signalDeclarations()}
     *                returned them
     */
    public static void writeHeader(ModelDefinition definition, SortedMap<SignalName, SignalDomain> signals,
                                   DefinitionWriter out) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(out, "out");
        out.put("type", definition.type());
        out.put("id", definition.id().id());
        out.put("version", definition.id().version());
        DefinitionWriter.Array bands = out.array("bands");
        for (HealthBand band : definition.bands().bands()) {
            bands.addObject().put("name", band.name()).put("range", band.range());
        }
        if (!signals.isEmpty()) {
            out.copy("signals", DeclaredSignals.tree(signals));
        }
    }

    /**
     * Reads {@code type} (which must be {@code expected}), {@code id} and {@code version}; empty after recording an
     * error when the id or the version is missing or not an id.
     */
    public static Optional<ModelId> readHeader(DefinitionNode root, String expected) {
        DefinitionNode type = root.required("type");
        String t = type.text();
        if (type.isPresent() && !type.hasErrorsInside()) {
            type.check(t.equals(expected), "'" + t + "' must be '" + expected + "'");
        }
        Optional<String> id = root.required("id").id();
        Optional<String> version = root.required("version").id();
        if (id.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ModelId.of(id.get(), version.get()));
    }

    /**
     * Reads the optional {@code bands} field: a list of {@code {name, range}} such as
     * {@code {"name": "red", "range": "[0, 50)"}} that covers 0 to 100 without gaps or overlaps. Returns the standard
     * scheme when the field is absent, and also after recording an error when it is wrong.
     */
    public static BandScheme readBands(DefinitionNode root) {
        Optional<DefinitionNode> field = root.optional("bands");
        if (field.isEmpty()) {
            return BandScheme.standard();
        }
        DefinitionNode list = field.get();
        List<HealthBand> bands = list.each("band", b -> {
            Optional<String> name = b.required("name").id();
            DefinitionNode rangeNode = b.required("range");
            String range = rangeNode.text();
            b.finish();
            if (name.isEmpty() || b.hasErrorsInside()) {
                return Optional.empty();
            }
            return rangeNode.build(() -> HealthBand.of(name.get(), range));
        });
        if (list.hasErrorsInside()) {
            return BandScheme.standard();
        }
        List<String> problems = BandScheme.problems(bands);
        for (String problem : problems) {
            list.error(problem.startsWith("bands: ") ? problem.substring("bands: ".length()) : problem);
        }
        return problems.isEmpty() ? list.build(() -> BandScheme.of(bands)).orElse(BandScheme.standard())
                : BandScheme.standard();
    }
}
