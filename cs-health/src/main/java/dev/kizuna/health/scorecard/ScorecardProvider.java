package dev.kizuna.health.scorecard;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModelProvider;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionLimits;
import dev.kizuna.health.definition.DefinitionNode;
import dev.kizuna.core.internal.NearestName;
import dev.kizuna.health.definition.DefinitionWriter;
import dev.kizuna.health.definition.ModelDefinitionParts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Creates {@link ScorecardModel}s from definitions of type {@value ScorecardDefinition#TYPE}. A definition in JSON:
 * <pre>{@code
 * {
 *   "type": "scorecard", "id": "smb", "version": "3",
 *   "bands": [{"name": "red", "range": "[0, 50)"}, {"name": "yellow", "range": "[50, 75)"},
 *             {"name": "green", "range": "[75, 100]"}],
 *   "missingData": "REDISTRIBUTE",
 *   "minimumCompleteness": 0.5,
 *   "measures": [
 *     {"measure": "nps", "label": "NPS", "signal": "sentiment.nps", "weight": 20,
 *      "normaliser": {"type": "linear", "from": -100, "to": 100}},
 *     {"group": "support", "label": "Support", "weight": 30, "measures": [
 *       {"measure": "open", "signal": "support.open_tickets", "weight": 1, "missingData": "ZERO",
 *        "normaliser": {"type": "steps", "below": 100, "steps": [{"from": 1, "score": 60}, {"from": 3, "score": 20}]}}
 *     ]}
 *   ],
 *   "caps": [{"cap": "escalation", "label": "open escalation", "signal": "support.escalated_tickets",
 *             "when": ">", "threshold": 0, "max": 40}]
 * }
 * }</pre>
 * {@code bands} (default: the standard scheme), {@code missingData} (default {@code REDISTRIBUTE}),
 * {@code minimumCompleteness} (default 0), {@code caps}, and each item's {@code label} (default: its id) are
 * optional. Normalisers: {@code linear} ({@code from}, {@code to}), {@code inverted} ({@code of}), {@code steps}
 * ({@code below}, {@code steps}), {@code logarithmic} ({@code from}, {@code to}) and {@code piecewise}
 * ({@code points} of {@code raw} and {@code score}). Comparisons: {@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code ==}, {@code !=}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScorecardProvider implements HealthModelProvider {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public ScorecardProvider() {
    }

    @Override
    public String type() {
        return ScorecardDefinition.TYPE;
    }

    @Override
    public HealthModel create(ModelDefinition definition) {
        return ScorecardModel.of(cast(definition));
    }

    private static ScorecardDefinition cast(ModelDefinition definition) {
        if (!(definition instanceof ScorecardDefinition)) {
            throw new IllegalArgumentException("definition: " + definition.id() + " of type '" + definition.type()
                    + "' is not a scorecard definition");
        }
        return (ScorecardDefinition) definition;
    }

    // ---- reading ----

    @Override
    public Optional<ScorecardDefinition> read(DefinitionNode root) {
        SortedMap<SignalName, SignalDomain> signals = root.signalDeclarations();
        Optional<ModelId> id = ModelDefinitionParts.readHeader(root, ScorecardDefinition.TYPE);
        BandScheme bands = ModelDefinitionParts.readBands(root);
        ScorecardMissingInput missing = root.optional("missingData")
                .flatMap(n -> n.enumValue(ScorecardMissingInput.class)).orElse(ScorecardMissingInput.REDISTRIBUTE);
        double minimum = root.optional("minimumCompleteness").map(n -> n.number(0, 1)).orElse(0.0);
        Set<String> ids = new HashSet<>();
        Optional<List<ScorecardItem>> items = readItems(root.required("measures"), ids, 1);
        List<Cap> caps = root.optional("caps").map(c -> c.each("cap", n -> readCap(n, ids))).orElse(List.of());
        root.finish();
        if (root.hasErrorsInside() || id.isEmpty() || items.isEmpty()) {
            return Optional.empty();
        }
        return root.build(() -> new ScorecardDefinition(id.get(), bands, missing, minimum, items.get(), caps,
                signals));
    }

    /** Reads a list of measures and groups: all of them, or empty after recording why. */
    private Optional<List<ScorecardItem>> readItems(DefinitionNode list, Set<String> ids, int depth) {
        if (!list.isPresent()) {
            return Optional.empty();
        }
        if (depth > ScorecardDefinition.MAX_DEPTH) {
            list.error("groups are nested deeper than " + ScorecardDefinition.MAX_DEPTH + " levels");
            return Optional.empty();
        }
        List<DefinitionNode> elements = list.elements();
        if (elements.isEmpty()) {
            if (list.isArray()) {
                list.error(depth == 1 ? "a scorecard needs at least one measure" : "a group must not be empty");
            }
            return Optional.empty();
        }
        List<ScorecardItem> items = new ArrayList<>(elements.size());
        double total = 0;
        for (DefinitionNode element : elements) {
            Optional<ScorecardItem> item = element.has("group")
                    ? element.read("group", g -> readGroup(g, ids, depth))
                    : element.read("measure", m -> readMeasure(m, ids));
            item.ifPresent(i -> items.add(i));
            total += item.map(ScorecardItem::weight).orElse(0.0);
        }
        if (items.size() != elements.size()) {
            return Optional.empty();
        }
        if (total <= 0) {
            list.error("the weights add up to 0; at least one must be positive");
            return Optional.empty();
        }
        return Optional.of(items);
    }

    private Optional<ScorecardItem> readGroup(DefinitionNode g, Set<String> ids, int depth) {
        Optional<String> id = uniqueId(g.required("group"), ids);
        Optional<String> label = g.optional("label").flatMap(DefinitionNode::label);
        double weight = weight(g.required("weight"));
        Optional<List<ScorecardItem>> items = readItems(g.required("measures"), ids, depth + 1);
        g.finish();
        if (id.isEmpty() || items.isEmpty() || g.hasErrorsInside()) {
            return Optional.empty();
        }
        return g.build(() -> new MeasureGroup(id.get(), label.orElse(id.get()), weight, items.get()));
    }

    private Optional<ScorecardItem> readMeasure(DefinitionNode m, Set<String> ids) {
        Optional<String> id = uniqueId(m.required("measure"), ids);
        Optional<String> label = m.optional("label").flatMap(DefinitionNode::label);
        Optional<SignalName> signal = m.required("signal").signal();
        double weight = weight(m.required("weight"));
        DefinitionNode normaliserNode = m.required("normaliser");
        Optional<Normaliser> normaliser = normaliserNode.isPresent()
                ? normaliserNode.read("normaliser", this::readNormaliser) : Optional.empty();
        Optional<ScorecardMissingInput> policy = m.optional("missingData")
                .flatMap(n -> n.enumValue(ScorecardMissingInput.class));
        m.finish();
        if (id.isEmpty() || signal.isEmpty() || normaliser.isEmpty() || m.hasErrorsInside()) {
            return Optional.empty();
        }
        return m.build(() -> new Measure(id.get(), label.orElse(id.get()), signal.get(), weight, normaliser.get(),
                policy));
    }

    /** Reads a weight: from 0 to {@link DefinitionLimits#MAX_WEIGHT}. */
    private static double weight(DefinitionNode n) {
        double weight = n.nonNegative();
        if (weight > DefinitionLimits.MAX_WEIGHT) {
            n.error(weight + " must be at most " + (long) DefinitionLimits.MAX_WEIGHT
                    + " (weights are relative: scale them down together)");
            return 0;
        }
        return weight;
    }

    private static Optional<String> uniqueId(DefinitionNode node, Set<String> ids) {
        Optional<String> id = node.id();
        if (id.isPresent() && !ids.add(id.get())) {
            node.error("the id '" + id.get() + "' is used twice");
            return Optional.empty();
        }
        return id;
    }

    private Optional<Normaliser> readNormaliser(DefinitionNode n) {
        DefinitionNode typeNode = n.required("type");
        String type = typeNode.text();
        Optional<Normaliser> out;
        switch (type) {
            case "linear": {
                double from = n.required("from").signalValue();
                double to = n.required("to").signalValue();
                out = n.build(() -> new Normaliser.Linear(from, to));
                break;
            }
            case "logarithmic": {
                double from = n.required("from").signalValue();
                double to = n.required("to").signalValue();
                out = n.build(() -> new Normaliser.Logarithmic(from, to));
                break;
            }
            case "inverted": {
                DefinitionNode of = n.required("of");
                out = of.isPresent() ? of.read("normaliser", this::readNormaliser)
                        .flatMap(inner -> n.build(() -> new Normaliser.Inverted(inner))) : Optional.empty();
                break;
            }
            case "steps": {
                double below = n.required("below").number(0, 100);
                DefinitionNode stepsNode = n.required("steps");
                List<Normaliser.Step> steps = stepsNode.isPresent() ? stepsNode.each("step", s -> {
                    double from = s.required("from").signalValue();
                    double score = s.required("score").number(0, 100);
                    s.finish();
                    return s.build(() -> new Normaliser.Step(from, score));
                }) : List.of();
                out = n.build(() -> new Normaliser.Steps(below, steps));
                break;
            }
            case "piecewise": {
                DefinitionNode pointsNode = n.required("points");
                List<Normaliser.Point> points = pointsNode.isPresent() ? pointsNode.each("point", p -> {
                    double raw = p.required("raw").signalValue();
                    double score = p.required("score").number(0, 100);
                    p.finish();
                    return p.build(() -> new Normaliser.Point(raw, score));
                }) : List.of();
                out = n.build(() -> new Normaliser.PiecewiseLinear(points));
                break;
            }
            default:
                if (typeNode.isPresent() && !typeNode.hasErrorsInside()) {
                    typeNode.error("'" + type + "' is not a normaliser: linear, inverted, steps, logarithmic or"
                            + " piecewise" + NearestName.didYouMean(type, NORMALISERS, new NearestName.Budget(10_000)));
                }
                // Without a known type, the other fields cannot be judged: no "unknown field" errors for them.
                return Optional.empty();
        }
        n.finish();
        return n.hasErrorsInside() ? Optional.empty() : out;
    }

    private static final List<String> NORMALISERS = List.of("linear", "inverted", "steps", "logarithmic",
            "piecewise");

    private Optional<Cap> readCap(DefinitionNode c, Set<String> ids) {
        Optional<String> id = uniqueId(c.required("cap"), ids);
        Optional<String> label = c.optional("label").flatMap(DefinitionNode::label);
        Optional<SignalName> signal = c.required("signal").signal();
        DefinitionNode whenNode = c.required("when");
        String when = whenNode.text();
        Optional<Comparison> comparison = Comparison.ofSymbol(when);
        if (whenNode.isPresent() && !whenNode.hasErrorsInside() && comparison.isEmpty()) {
            whenNode.error("'" + when + "' is not a comparison: <, <=, >, >=, == or !=");
        }
        double threshold = c.required("threshold").signalValue();
        double max = c.required("max").number(0, 100);
        c.finish();
        if (id.isEmpty() || signal.isEmpty() || comparison.isEmpty() || c.hasErrorsInside()) {
            return Optional.empty();
        }
        return c.build(() -> new Cap(id.get(), label.orElse(id.get()), signal.get(), comparison.get(), threshold,
                max));
    }

    // ---- writing ----

    @Override
    public void write(ModelDefinition definition, DefinitionWriter out) {
        ScorecardDefinition card = cast(definition);
        ModelDefinitionParts.writeHeader(card, card.signals(), out);
        out.put("missingData", card.missingData().name());
        out.put("minimumCompleteness", card.minimumCompleteness());
        writeItems(out.array("measures"), card.measures());
        if (!card.caps().isEmpty()) {
            DefinitionWriter.Array caps = out.array("caps");
            for (Cap cap : card.caps()) {
                DefinitionWriter c = caps.addObject().put("cap", cap.id());
                if (!cap.label().equals(cap.id())) {
                    c.put("label", cap.label());
                }
                c.put("signal", cap.signal().value()).put("when", cap.comparison().symbol())
                        .put("threshold", cap.threshold()).put("max", cap.max());
            }
        }
    }

    private static void writeItems(DefinitionWriter.Array out, List<ScorecardItem> items) {
        for (ScorecardItem item : items) {
            DefinitionWriter o = out.addObject();
            if (item instanceof MeasureGroup) {
                MeasureGroup g = (MeasureGroup) item;
                o.put("group", g.id());
                if (!g.label().equals(g.id())) {
                    o.put("label", g.label());
                }
                o.put("weight", g.weight());
                writeItems(o.array("measures"), g.items());
            } else {
                Measure m = (Measure) item;
                o.put("measure", m.id());
                if (!m.label().equals(m.id())) {
                    o.put("label", m.label());
                }
                o.put("signal", m.signal().value()).put("weight", m.weight());
                writeNormaliser(o.object("normaliser"), m.normaliser());
                m.missingData().ifPresent(p -> o.put("missingData", p.name()));
            }
        }
    }

    private static void writeNormaliser(DefinitionWriter o, Normaliser normaliser) {
        if (normaliser instanceof Normaliser.Linear) {
            Normaliser.Linear n = (Normaliser.Linear) normaliser;
            o.put("type", "linear").put("from", n.from()).put("to", n.to());
        } else if (normaliser instanceof Normaliser.Logarithmic) {
            Normaliser.Logarithmic n = (Normaliser.Logarithmic) normaliser;
            o.put("type", "logarithmic").put("from", n.from()).put("to", n.to());
        } else if (normaliser instanceof Normaliser.Inverted) {
            o.put("type", "inverted");
            writeNormaliser(o.object("of"), ((Normaliser.Inverted) normaliser).of());
        } else if (normaliser instanceof Normaliser.Steps) {
            Normaliser.Steps n = (Normaliser.Steps) normaliser;
            o.put("type", "steps").put("below", n.below());
            DefinitionWriter.Array steps = o.array("steps");
            for (Normaliser.Step s : n.steps()) {
                steps.addObject().put("from", s.from()).put("score", s.score());
            }
        } else {
            Normaliser.PiecewiseLinear n = (Normaliser.PiecewiseLinear) normaliser;
            o.put("type", "piecewise");
            DefinitionWriter.Array points = o.array("points");
            for (Normaliser.Point p : n.points()) {
                points.addObject().put("raw", p.raw()).put("score", p.score());
            }
        }
    }
}
