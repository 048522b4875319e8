package dev.kizuna.health.definition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Reading and writing the parts every definition shares: type, id, version, bands and declared signals. */
public final class ModelDefinitionParts {
    private ModelDefinitionParts() {
    }

    /**
     * Returns a new object node with {@code type}, {@code id}, {@code version}, {@code bands} and, when there are any,
     * the custom {@code signals} and their domains.
     */
    public static ObjectNode header(ModelDefinition definition, SortedMap<SignalName, SignalDomain> signals) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", definition.type());
        out.put("id", definition.id().id());
        out.put("version", definition.id().version());
        ArrayNode bands = out.putArray("bands");
        for (HealthBand band : definition.bands().bands()) {
            bands.addObject().put("name", band.name()).put("range", band.range());
        }
        if (!signals.isEmpty()) {
            out.set("signals", DeclaredSignals.tree(signals));
        }
        return out;
    }

    /** Reads {@code type} (which must be {@code expected}), {@code id} and {@code version}. */
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

    /** Reads the optional {@code bands} field; the standard scheme when it is absent. */
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
