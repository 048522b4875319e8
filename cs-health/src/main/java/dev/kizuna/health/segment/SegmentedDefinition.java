package dev.kizuna.health.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.Segment;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.HealthModelProvider;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.definition.DefinitionNode;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.internal.NearestName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Segment resolution as data: named model definitions, the rules that choose among them by segment, tier or journey
 * stage, and the model used when no rule matches. {@link #create} turns it into a {@link SegmentedModel}.
 *
 * <p>A definition in YAML (JSON has the same fields):
 * <pre>{@code
 * type: segmented
 * id: saas-health
 * version: 1
 * models:
 *   standard:   {type: scorecard, id: standard, version: 1, measures: [...]}
 *   enterprise: {type: scorecard, id: enterprise, version: 1, measures: [...]}
 *   onboarding: {type: logistic, id: onboarding, version: 1, intercept: -1, terms: [...]}
 * default: standard
 * rules:
 *   - when: {stage: CONVERSION}
 *     model: onboarding
 *   - when: {segment: enterprise, tier: strategic}
 *     model: enterprise
 * }</pre>
 * Each model is a complete definition of any type a provider reads (scorecard, logistic, or a plug-in's own), under
 * a name of the same alphabet as ids; {@code default} and each rule's {@code model} name one of them. A rule's
 * {@code when} gives at least one of {@code segment}, {@code tier} (the tier's name) and {@code stage} (a
 * {@link JourneyStage} by name), and all it gives must hold. Rules are tried in order and the first match wins, so
 * put the most specific first. {@code rules} may be empty or absent.
 *
 * <p>Custom signals are declared in a top-level {@code signals} section (see the module's README), which every model
 * sees as if it declared them itself, or in a model's own section; a signal is declared once. Each model's definition
 * holds the domains it sees, so the written form declares them in each model and reads back equal.
 *
 * <p>Reading is as strict as for any definition: the document is parsed within the limits of
 * {@link DefinitionFormat}, every problem is reported with its path (an error in a model carries the model's path,
 * such as {@code models.enterprise.measures[2].weight: -1 must be >= 0}), unknown fields are rejected, and nothing
 * in it can run code. Immutable and thread-safe.
 *
 * @param id           the routing's id and version
 * @param models       the model definitions by name, sorted by name; at least one
 * @param defaultModel the name of the model used when no rule matches
 * @param rules        the rules, in the order they are tried
 */
public record SegmentedDefinition(ModelId id, SortedMap<String, ModelDefinition> models, String defaultModel,
                                  List<SegmentRule> rules) {

    /** The {@code type} of a segmented definition: {@value}. */
    public static final String TYPE = "segmented";

    /** Validates that the default and every rule name a model. */
    public SegmentedDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(rules, "rules");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models: a segmented definition needs at least one model");
        }
        for (Map.Entry<String, ModelDefinition> e : models.entrySet()) {
            Checks.id(e.getKey(), "models");
            Objects.requireNonNull(e.getValue(), "models." + e.getKey());
        }
        models = Collections.unmodifiableSortedMap(new TreeMap<>(models));
        rules = List.copyOf(rules);
        Checks.id(defaultModel, "default");
        if (!models.containsKey(defaultModel)) {
            throw new IllegalArgumentException("default: " + unknownModel(defaultModel, models));
        }
        for (int i = 0; i < rules.size(); i++) {
            if (!models.containsKey(rules.get(i).model())) {
                throw new IllegalArgumentException("rules[" + i + "].model: "
                        + unknownModel(rules.get(i).model(), models));
            }
        }
    }

    private static String unknownModel(String name, Map<String, ?> models) {
        return "'" + name + "' is not one of the models " + models.keySet();
    }

    /** Returns the definition of the given parts, with the models in any map. */
    public static SegmentedDefinition of(ModelId id, Map<String, ? extends ModelDefinition> models, String defaultModel,
                                         List<SegmentRule> rules) {
        return new SegmentedDefinition(id, new TreeMap<>(models), defaultModel, rules);
    }

    /** Returns every signal some model reads, sorted. */
    public SortedSet<SignalName> inputs() {
        SortedSet<SignalName> inputs = new TreeSet<>();
        for (ModelDefinition m : models.values()) {
            inputs.addAll(m.inputs());
        }
        return Collections.unmodifiableSortedSet(inputs);
    }

    /** Creates the segmented model, each model through {@code registry}'s provider of its type. */
    public SegmentedModel create(HealthModels registry) {
        Objects.requireNonNull(registry, "registry");
        SegmentedModel.Builder builder = SegmentedModel.builder(registry.create(models.get(defaultModel)));
        for (SegmentRule rule : rules) {
            builder.when(rule.when(), registry.create(models.get(rule.model())));
        }
        return builder.build();
    }

    // ---- reading ----

    /**
     * Returns whether a parsed document is a segmented definition (its {@code type} is {@value #TYPE}) rather than
     * a single model's, so that a tool can accept either.
     */
    public static boolean isSegmented(JsonNode tree) {
        JsonNode type = tree.get("type");
        return tree.isObject() && type != null && TYPE.equals(type.textValue());
    }

    /**
     * Reads a segmented definition with any well-formed signal names.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public static SegmentedDefinition read(String text, DefinitionFormat format, HealthModels registry) {
        return read(text, format, registry, Optional.empty());
    }

    /**
     * Reads a segmented definition whose models' signals must all be in {@code catalogue} when one is given.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public static SegmentedDefinition read(String text, DefinitionFormat format, HealthModels registry,
                                           Optional<? extends SortedSet<SignalName>> catalogue) {
        Objects.requireNonNull(format, "format");
        return read(format.parse(text), registry, catalogue);
    }

    /**
     * Reads a segmented definition file, JSON or YAML by its extension.
     *
     * @throws DefinitionException listing every problem with its path, and naming the file
     */
    public static SegmentedDefinition read(Path file, HealthModels registry) {
        Objects.requireNonNull(file, "file");
        try {
            DefinitionFormat format = DefinitionFormat.ofFileName(String.valueOf(file.getFileName()));
            return read(format.parse(file), registry, Optional.empty());
        } catch (DefinitionException e) {
            throw e.file().isPresent() ? e : e.inFile(file.toString());
        }
    }

    /**
     * Reads a parsed segmented definition, each model through {@code registry}'s provider of its type.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public static SegmentedDefinition read(JsonNode tree, HealthModels registry,
                                           Optional<? extends SortedSet<SignalName>> catalogue) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(catalogue, "catalogue");
        if (!tree.isObject()) {
            throw new DefinitionException("", "a definition must be an object with a 'type' field");
        }
        DefinitionNode root = DefinitionNode.root(tree, catalogue);
        root.signalDeclarations();
        DefinitionNode type = root.required("type");
        String t = type.text();
        if (type.isPresent() && !type.hasErrorsInside()) {
            type.check(t.equals(TYPE), "'" + t + "' must be '" + TYPE + "'");
        }
        Optional<String> id = root.required("id").id();
        Optional<String> version = root.required("version").id();
        SortedMap<String, ModelDefinition> models = new TreeMap<>();
        DefinitionNode modelsNode = root.required("models");
        Map<String, DefinitionNode> fields = modelsNode.isPresent() ? modelsNode.fields() : Map.of();
        if (modelsNode.isPresent() && fields.isEmpty() && !modelsNode.hasErrorsInside()) {
            modelsNode.error("a segmented definition needs at least one model");
        }
        for (Map.Entry<String, DefinitionNode> e : fields.entrySet()) {
            DefinitionNode model = e.getValue();
            if (!Checks.isId(e.getKey())) {
                model.error("'" + e.getKey() + "' is not a model name: 1 to 64 letters, digits, '_', '.' or '-',"
                        + " starting with a letter or digit");
                continue;
            }
            model.read("model", m -> readModel(m, registry)).ifPresent(d -> models.put(e.getKey(), d));
        }
        boolean modelsRead = modelsNode.isPresent() && !modelsNode.hasErrorsInside();
        DefinitionNode defaultNode = root.required("default");
        Optional<String> defaultModel = modelName(defaultNode, models, modelsRead);
        List<SegmentRule> rules = root.optional("rules")
                .map(r -> r.each("rule", rule -> readRule(rule, models, modelsRead))).orElse(List.of());
        root.finish();
        if (root.hasErrors() || id.isEmpty() || version.isEmpty() || defaultModel.isEmpty()) {
            root.throwIfErrors();
            throw new DefinitionException("", "the definition is incomplete");
        }
        Optional<SegmentedDefinition> out = root.build(() -> new SegmentedDefinition(ModelId.of(id.get(),
                version.get()), models, defaultModel.get(), rules));
        root.throwIfErrors();
        return out.orElseThrow(() -> new DefinitionException("", "the definition is incomplete"));
    }

    private static Optional<ModelDefinition> readModel(DefinitionNode model, HealthModels registry) {
        DefinitionNode typeNode = model.required("type");
        String type = typeNode.text();
        if (model.hasErrorsInside()) {
            return Optional.empty();
        }
        HealthModelProvider provider;
        try {
            provider = registry.provider(type);
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>(registry.types());
            known.remove(TYPE);
            typeNode.error("'" + type + "' is not a known model type; the known types are " + registry.types()
                    + NearestName.didYouMean(type, known, new NearestName.Budget(100_000)));
            return Optional.empty();
        }
        Optional<? extends ModelDefinition> definition = provider.read(model);
        return model.hasErrorsInside() ? Optional.empty() : definition.map(ModelDefinition.class::cast);
    }

    /** Reads a model name that must be one of {@code models} (checked only when every model was read). */
    private static Optional<String> modelName(DefinitionNode node, Map<String, ModelDefinition> models,
                                              boolean modelsRead) {
        if (!node.isPresent()) {
            return Optional.empty();
        }
        Optional<String> name = node.id();
        if (name.isPresent() && modelsRead && !models.containsKey(name.get())) {
            node.error(unknownModel(name.get(), models)
                    + NearestName.didYouMean(name.get(), models.keySet(), new NearestName.Budget(1_000_000)));
            return Optional.empty();
        }
        return name;
    }

    private static Optional<SegmentRule> readRule(DefinitionNode r, Map<String, ModelDefinition> models,
                                                  boolean modelsRead) {
        DefinitionNode when = r.required("when");
        Optional<AccountCriterion> criterion = when.isPresent() ? when.read("condition",
                SegmentedDefinition::readCriterion) : Optional.empty();
        Optional<String> model = modelName(r.required("model"), models, modelsRead);
        r.finish();
        if (criterion.isEmpty() || model.isEmpty()) {
            return Optional.empty();
        }
        return r.build(() -> SegmentRule.of(criterion.get(), model.get()));
    }

    private static Optional<AccountCriterion> readCriterion(DefinitionNode when) {
        Optional<Segment> segment = when.optional("segment").flatMap(n -> {
            String name = n.text();
            return n.hasErrorsInside() ? Optional.empty() : n.build(() -> Segment.of(name));
        });
        Optional<String> tier = when.optional("tier").flatMap(DefinitionNode::label);
        Optional<JourneyStage> stage = when.optional("stage").flatMap(n -> n.enumValue(JourneyStage.class));
        when.finish();
        if (when.hasErrorsInside()) {
            return Optional.empty();
        }
        return when.build(() -> new AccountCriterion(segment, tier, stage));
    }

    // ---- writing ----

    /** Returns the definition as a tree that {@link #read(JsonNode, HealthModels, Optional)} reads back equal. */
    public ObjectNode tree(HealthModels registry) {
        Objects.requireNonNull(registry, "registry");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", TYPE).put("id", id.id()).put("version", id.version());
        ObjectNode modelsNode = out.putObject("models");
        for (Map.Entry<String, ModelDefinition> e : models.entrySet()) {
            modelsNode.set(e.getKey(), registry.tree(e.getValue()));
        }
        out.put("default", defaultModel);
        ArrayNode rulesNode = out.putArray("rules");
        for (SegmentRule rule : rules) {
            ObjectNode r = rulesNode.addObject();
            ObjectNode when = r.putObject("when");
            rule.when().segment().ifPresent(s -> when.put("segment", s.name()));
            rule.when().tier().ifPresent(t -> when.put("tier", t));
            rule.when().stage().ifPresent(s -> when.put("stage", s.name()));
            r.put("model", rule.model());
        }
        return out;
    }

    /** Writes the definition in the given format; {@link #read(String, DefinitionFormat, HealthModels)} reads it back. */
    public String write(HealthModels registry, DefinitionFormat format) {
        Objects.requireNonNull(format, "format");
        return format.write(tree(registry));
    }
}
