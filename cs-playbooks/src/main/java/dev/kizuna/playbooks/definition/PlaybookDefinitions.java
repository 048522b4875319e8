package dev.kizuna.playbooks.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.definition.DeclaredSignals;
import dev.kizuna.health.definition.DefinitionError;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.definition.DefinitionNode;
import dev.kizuna.playbooks.Action;
import dev.kizuna.playbooks.ActionKind;
import dev.kizuna.playbooks.ActionPriority;
import dev.kizuna.playbooks.Condition;
import dev.kizuna.playbooks.Criterion;
import dev.kizuna.playbooks.Fact;
import dev.kizuna.playbooks.FactKind;
import dev.kizuna.playbooks.FiringLimit;
import dev.kizuna.playbooks.OneVoice;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.Rule;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.Trigger;
import dev.kizuna.playbooks.control.ControlGroup;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.internal.Numbers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads and writes playbooks and rule sets as JSON or YAML. A definition is data: a closed set of typed nodes, no
 * expression language, nothing that can reach Java. Reading is strict and reports every problem at once with its
 * path, in a {@link DefinitionException}: unknown fields, wrong types, impossible windows, unknown action kinds,
 * thresholds beyond {@code ±}10^15, and every condition that could never hold are errors, with the nearest known
 * name suggested when one is close: a signal that is neither well-known nor declared in a {@code signals} section
 * (or, when a catalogue is given, not in it), a band the health model's scheme lacks ({@link #withBands}), a stage
 * or plan status that does not exist. Nothing is dropped: a playbook, rule, condition or action that cannot be read
 * is an error at its path, never left out. Documents are bounded (see {@link DefinitionFormat}). Writing produces
 * the canonical form, which reads back to an equal value, -0.0 and any valid Unicode included.
 *
 * <p>A <b>playbook</b> document:
 * <pre>
 * id: red-account-escalation
 * purpose: RISK                      # EDUCATION, ONBOARDING, RISK, RENEWAL, EXPANSION, ADVOCACY, VOICE_OF_CUSTOMER
 * description: Health turns red.     # optional
 * mode: EXCLUSIVE                    # INCLUSIVE (default), EXCLUSIVE or SEQUENCE
 * control: {share: 0.1, salt: q3}    # optional; salt defaults to "kizuna"
 * signals: {custom.seats: {min: 0}}  # optional: the custom signals the conditions read, with their domains
 * rules:
 *   - id: enter-red
 *     priority: 100                  # optional, default 0; higher first
 *     trigger: EDGE                  # optional: LEVEL (default) or EDGE
 *     when: {fact: health_band, in: [red]}
 *     actions:
 *       - {kind: ESCALATION, owner: CS_LEAD, priority: URGENT, dueIn: P1D, template: red-intake}
 *     cooldown: P30D                 # optional
 *     limit: {max: 2, window: P90D}  # optional
 *     delay: P7D                     # optional, later steps of a SEQUENCE only
 * </pre>
 * An action has {@code kind} ({@link ActionKind}), {@code owner} ({@link CsRole}), {@code template}, and optionally
 * {@code priority} ({@link ActionPriority}, default NORMAL), {@code dueIn} (default now), {@code parameters} (an
 * object of strings), {@code dedupeKey} and {@code customerFacing} (default: the kind's).
 *
 * <p>A <b>condition</b> is one of
 * <ul>
 *   <li>{@code {all: [...]}}, {@code {any: [...]}}, {@code {not: {...}}};</li>
 *   <li>{@code {signal: usage.active_users, below: 5}}, or with {@code change: {window: P30D}} for the relative
 *       change over the window: {@code {signal: usage.active_users, change: {window: P30D}, below: -0.3}};</li>
 *   <li>{@code {fact: KIND, ...}} for the other {@linkplain FactKind fact kinds} by their keys, such as
 *       {@code {fact: days_to_renewal, between: [61, 90]}}, {@code {fact: stage, in: [CONVERSION]}} or
 *       {@code {fact: promoters, window: P90D, atLeast: 1}};</li>
 * </ul>
 * with exactly one criterion: {@code below}, {@code atMost}, {@code above}, {@code atLeast}, {@code between: [low,
 * high]} for numeric facts, {@code in: [...]} for categorical ones.
 *
 * <p>A <b>rule set</b> document is {@code {oneVoice: {max: 2, window: P7D}, signals: {...}, playbooks: [...]}},
 * {@code oneVoice} and {@code signals} optional; the rule set's signals are declared for each of its playbooks, which
 * may declare others (each signal once). Durations are ISO-8601 ({@code P30D}, {@code PT12H}); windows are positive and at most ten years.
 *
 * <p>Immutable and thread-safe.
 */
public final class PlaybookDefinitions {
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);
    private static final List<String> CRITERIA = List.of("below", "atMost", "above", "atLeast", "between", "in");
    private static final PlaybookDefinitions STANDARD = new PlaybookDefinitions(Optional.empty(),
            BandScheme.standard());

    private final Optional<Set<SignalName>> catalogue;
    private final BandScheme bands;

    private PlaybookDefinitions(Optional<Set<SignalName>> catalogue, BandScheme bands) {
        this.catalogue = catalogue;
        this.bands = bands;
    }

    /**
     * Returns the reader that accepts the well-known signals and the custom ones a definition declares, and the
     * bands of the standard scheme (red, yellow, green).
     */
    public static PlaybookDefinitions standard() {
        return STANDARD;
    }

    /**
     * Returns the reader that accepts only the signals of {@code catalogue}, such as {@link SignalName#catalogue()}
     * (a custom signal must also be declared), and the bands of the standard scheme.
     */
    public static PlaybookDefinitions withCatalogue(Set<SignalName> catalogue) {
        return new PlaybookDefinitions(Optional.of(Set.copyOf(Objects.requireNonNull(catalogue, "catalogue"))),
                BandScheme.standard());
    }

    /**
     * Returns a reader like this one (same catalogue, if any) whose {@code health_band} conditions must name bands of
     * {@code scheme}, the bands of the health model the playbooks run with: a condition on a band the scheme lacks
     * could never hold, so it is an error, with the nearest band suggested. The default is the standard scheme (red,
     * yellow, green). For example {@code PlaybookDefinitions.withCatalogue(SignalName.catalogue()).withBands(model
     * .definition().bands())}.
     */
    public PlaybookDefinitions withBands(BandScheme scheme) {
        return new PlaybookDefinitions(catalogue, Objects.requireNonNull(scheme, "scheme"));
    }

    /** Returns the band scheme that {@code health_band} conditions are checked against. */
    public BandScheme bands() {
        return bands;
    }

    // ---- Reading ----

    /** What the problems of a playbook document are problems of, in {@link DefinitionException}'s message. */
    private static final String KIND = "playbook definition";

    /**
     * Reads a playbook document.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public Playbook readPlaybook(String text, DefinitionFormat format) {
        Objects.requireNonNull(format, "format");
        return playbookDocument(() -> readPlaybook(format.parse(text)));
    }

    /**
     * Reads a playbook file, JSON or YAML by its extension.
     *
     * @throws DefinitionException listing every problem with its path, and naming the file
     */
    public Playbook readPlaybook(Path file) {
        Objects.requireNonNull(file, "file");
        return playbookFile(file, () -> readPlaybook(parse(file)));
    }

    /**
     * Reads a parsed playbook document.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public Playbook readPlaybook(JsonNode tree) {
        Objects.requireNonNull(tree, "tree");
        return playbookDocument(() -> {
            DefinitionNode root = DefinitionNode.root(tree, catalogue);
            Optional<Playbook> p = root.read("playbook", this::playbook);
            root.throwIfErrors();
            return p.orElseThrow(() -> incomplete("the playbook"));
        });
    }

    /**
     * Reads a rule-set document.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public RuleSet readRuleSet(String text, DefinitionFormat format) {
        Objects.requireNonNull(format, "format");
        return playbookDocument(() -> readRuleSet(format.parse(text)));
    }

    /**
     * Reads a rule-set file, JSON or YAML by its extension.
     *
     * @throws DefinitionException listing every problem with its path, and naming the file
     */
    public RuleSet readRuleSet(Path file) {
        Objects.requireNonNull(file, "file");
        return playbookFile(file, () -> readRuleSet(parse(file)));
    }

    /**
     * Reads a parsed rule-set document.
     *
     * @throws DefinitionException listing every problem with its path
     */
    public RuleSet readRuleSet(JsonNode tree) {
        Objects.requireNonNull(tree, "tree");
        return playbookDocument(() -> {
            DefinitionNode root = DefinitionNode.root(tree, catalogue);
            Optional<RuleSet> ruleSet = root.read("rule set", this::ruleSet);
            root.throwIfErrors();
            return ruleSet.orElseThrow(() -> incomplete("the rule set"));
        });
    }

    /** Parses a file, JSON or YAML by its extension. */
    private static JsonNode parse(Path file) {
        return DefinitionFormat.ofFileName(String.valueOf(file.getFileName())).parse(file);
    }

    /** Runs a read of {@code file} and reports its problems as problems of a playbook definition in that file. */
    private static <T> T playbookFile(Path file, Supplier<T> read) {
        try {
            return read.get();
        } catch (DefinitionException e) {
            throw (e.file().isPresent() ? e : e.inFile(file.toString())).ofKind(KIND);
        }
    }

    /** Runs a read and reports its problems as problems of a playbook definition. */
    private static <T> T playbookDocument(Supplier<T> read) {
        try {
            return read.get();
        } catch (DefinitionException e) {
            throw e.ofKind(KIND);
        }
    }

    private static DefinitionException incomplete(String what) {
        return new DefinitionException(List.of(new DefinitionError("", what + " could not be read")));
    }

    private Optional<RuleSet> ruleSet(DefinitionNode root) {
        root.signalDeclarations();
        Optional<OneVoice> oneVoice = root.optional("oneVoice").flatMap(n -> n.read("one-voice cap", v -> {
            int max = v.required("max").integer(1, 1_000);
            Optional<Duration> window = window(v.required("window"));
            v.finish();
            return v.hasErrorsInside() ? Optional.empty() : window.flatMap(w -> v.build(() -> OneVoice.of(max, w)));
        }));
        List<Playbook> playbooks = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        DefinitionNode list = root.required("playbooks");
        if (list.size() > RuleSet.MAX_PLAYBOOKS) {
            list.error(list.size() + " playbooks is over the limit of " + RuleSet.MAX_PLAYBOOKS);
        }
        for (DefinitionNode p : list.elements()) {
            p.read("playbook", this::playbook).ifPresent(pb -> {
                String earlier = seen.putIfAbsent(pb.id(), p.path());
                if (earlier != null) {
                    p.required("id").error("id '" + pb.id() + "' is a duplicate of " + earlier);
                } else {
                    playbooks.add(pb);
                }
            });
        }
        root.finish();
        if (root.hasErrorsInside()) {
            return Optional.empty();
        }
        return root.build(() -> new RuleSet(playbooks, oneVoice));
    }

    private Optional<Playbook> playbook(DefinitionNode n) {
        SortedMap<SignalName, SignalDomain> signals = n.signalDeclarations();
        Optional<String> id = n.required("id").id();
        Optional<Playbook.Archetype> purpose = n.required("purpose").enumValue(Playbook.Archetype.class, "purpose");
        Optional<String> description = n.optional("description").flatMap(DefinitionNode::label);
        Playbook.Mode mode = n.optional("mode").flatMap(m -> m.enumValue(Playbook.Mode.class, "mode"))
                .orElse(Playbook.Mode.INCLUSIVE);
        Optional<ControlGroup> control = n.optional("control").flatMap(c -> c.read("control group", g -> {
            double share = g.required("share").number();
            String salt = g.optional("salt").flatMap(DefinitionNode::id).orElse(ControlGroup.DEFAULT_SALT);
            g.finish();
            return g.hasErrorsInside() ? Optional.empty() : g.build(() -> ControlGroup.of(share, salt));
        }));
        DefinitionNode rulesNode = n.required("rules");
        List<DefinitionNode> ruleNodes = rulesNode.elements();
        if (rulesNode.isPresent() && ruleNodes.isEmpty() && !rulesNode.hasErrorsInside()) {
            rulesNode.error("a playbook needs at least one rule");
        } else if (ruleNodes.size() > Playbook.MAX_RULES) {
            rulesNode.error(ruleNodes.size() + " rules is over the limit of " + Playbook.MAX_RULES);
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < ruleNodes.size(); i++) {
            DefinitionNode r = ruleNodes.get(i);
            boolean laterStep = mode == Playbook.Mode.SEQUENCE && i > 0;
            r.read("rule", x -> rule(x, laterStep)).ifPresent(rule -> {
                String earlier = seen.putIfAbsent(rule.id(), r.path());
                if (earlier != null) {
                    r.required("id").error("id '" + rule.id() + "' is a duplicate of " + earlier);
                } else {
                    rules.add(rule);
                }
            });
        }
        n.finish();
        if (id.isEmpty() || purpose.isEmpty() || n.hasErrorsInside()) {
            return Optional.empty();
        }
        return n.build(() -> new Playbook(id.get(), purpose.get(), description, mode, rules,
                control.orElse(ControlGroup.none()), signals));
    }

    private Optional<Rule> rule(DefinitionNode n, boolean laterStep) {
        Optional<String> id = n.required("id").id();
        int priority = n.optional("priority").map(p -> p.integer(-1_000_000, 1_000_000)).orElse(0);
        Optional<String> description = n.optional("description").flatMap(DefinitionNode::label);
        Trigger.Kind kind = n.optional("trigger").flatMap(t -> t.enumValue(Trigger.Kind.class, "trigger"))
                .orElse(Trigger.Kind.LEVEL);
        DefinitionNode whenNode = n.required("when");
        Optional<Condition> when = whenNode.isPresent() ? whenNode.read("condition", this::condition)
                : Optional.empty();
        DefinitionNode actionsNode = n.required("actions");
        List<Action> actions = actionsNode.isPresent() ? actionsNode.each("action", PlaybookDefinitions::action)
                : List.of();
        if (actionsNode.isArray() && (actionsNode.size() == 0 || actionsNode.size() > Rule.MAX_ACTIONS)) {
            actionsNode.error(actionsNode.size() + " actions; a rule needs 1 to " + Rule.MAX_ACTIONS);
        }
        Duration cooldown = n.optional("cooldown").flatMap(PlaybookDefinitions::delay).orElse(Duration.ZERO);
        Optional<FiringLimit> limit = n.optional("limit").flatMap(l -> l.read("firing limit", x -> {
            int max = x.required("max").integer(1, 1_000_000);
            Optional<Duration> window = window(x.required("window"));
            x.finish();
            return x.hasErrorsInside() ? Optional.empty() : window.flatMap(w -> x.build(() -> FiringLimit.of(max, w)));
        }));
        Duration delay = Duration.ZERO;
        Optional<DefinitionNode> delayNode = n.optional("delay");
        if (delayNode.isPresent()) {
            if (laterStep) {
                delay = delay(delayNode.get()).orElse(Duration.ZERO);
            } else {
                delayNode.get().error("a delay is only allowed on the second and later steps of a SEQUENCE"
                        + " playbook");
            }
        }
        n.finish();
        if (id.isEmpty() || when.isEmpty() || n.hasErrorsInside()) {
            return Optional.empty();
        }
        Duration d = delay;
        return n.build(() -> new Rule(id.get(), priority, description, new Trigger(kind, when.get()), actions,
                cooldown, limit, d));
    }

    private static Optional<Action> action(DefinitionNode n) {
        Optional<ActionKind> kind = n.required("kind").enumValue(ActionKind.class, "action kind");
        Optional<CsRole> owner = n.required("owner").enumValue(CsRole.class, "owner role");
        ActionPriority priority = n.optional("priority")
                .flatMap(p -> p.enumValue(ActionPriority.class, "action priority")).orElse(ActionPriority.NORMAL);
        Duration dueIn = n.optional("dueIn").flatMap(PlaybookDefinitions::delay).orElse(Duration.ZERO);
        Optional<String> template = n.required("template").id();
        TreeMap<String, String> parameters = new TreeMap<>();
        n.optional("parameters").ifPresent(p -> {
            for (Map.Entry<String, DefinitionNode> e : p.fields().entrySet()) {
                String name = e.getKey();
                DefinitionNode value = e.getValue();
                if (!Checks.isId(name)) {
                    value.error("'" + Checks.shown(name) + "' is not a parameter name: 1 to 64 letters, digits,"
                            + " '_', '.' or '-'");
                }
                parameters.put(name, value.text());
            }
        });
        Optional<String> dedupeKey = n.optional("dedupeKey").map(DefinitionNode::text);
        Optional<Boolean> customerFacing = n.optional("customerFacing").map(DefinitionNode::bool);
        n.finish();
        if (kind.isEmpty() || owner.isEmpty() || template.isEmpty() || n.hasErrorsInside()) {
            return Optional.empty();
        }
        return n.build(() -> new Action(kind.get(), owner.get(), priority, dueIn, template.get(), parameters,
                dedupeKey, customerFacing.orElse(kind.get().isCustomerFacingByDefault())));
    }

    private Optional<Condition> condition(DefinitionNode n) {
        for (String combinator : List.of("all", "any")) {
            if (n.has(combinator)) {
                DefinitionNode list = n.required(combinator);
                if (list.isArray() && (list.size() == 0 || list.size() > Condition.MAX_PARTS)) {
                    list.error(list.size() + " parts; there must be 1 to " + Condition.MAX_PARTS);
                }
                List<Condition> parts = list.isPresent() ? list.each("condition", this::condition) : List.of();
                n.finish();
                if (n.hasErrorsInside()) {
                    return Optional.empty();
                }
                return n.build(() -> combinator.equals("all") ? Condition.all(parts) : Condition.any(parts));
            }
        }
        if (n.has("not")) {
            DefinitionNode notNode = n.required("not");
            Optional<Condition> part = notNode.isPresent() ? notNode.read("condition", this::condition)
                    : Optional.empty();
            n.finish();
            return n.hasErrorsInside() ? Optional.empty() : part.map(Condition::not);
        }
        Optional<Fact> fact;
        if (n.has("signal")) {
            Optional<SignalName> signal = n.required("signal").signal();
            Optional<DefinitionNode> change = n.optional("change");
            if (change.isPresent()) {
                Optional<Duration> window = window(change.get().required("window"));
                change.get().finish();
                fact = signal.isEmpty() || window.isEmpty() ? Optional.empty()
                        : Optional.of(Fact.signalChange(signal.get(), window.get()));
            } else {
                fact = signal.map(Fact::signal);
            }
        } else if (n.has("fact")) {
            fact = fact(n);
        } else {
            if (!n.hasErrorsInside()) {
                // Asking for a field also reports a value that is not an object at all.
                n.optional("fact");
            }
            if (!n.hasErrorsInside()) {
                n.error("a condition needs one of the fields all, any, not, signal or fact, but has "
                        + n.fieldNames());
            }
            return Optional.empty();
        }
        Optional<Criterion> criterion = criterion(n, fact.map(Fact::kind));
        n.finish();
        if (fact.isEmpty() || criterion.isEmpty() || n.hasErrorsInside()) {
            return Optional.empty();
        }
        checkCanHold(n, fact.get(), criterion.get());
        return n.hasErrorsInside() ? Optional.empty()
                : n.build(() -> new Condition.Test(fact.get(), criterion.get()));
    }

    /**
     * Records an error if no value of the fact's domain meets the criterion, such as {@code sentiment.nps above
     * 100} or a 0/1 flag {@code atLeast: 2}: a test that can never hold would make its rule silently dead.
     */
    private static void checkCanHold(DefinitionNode n, Fact fact, Criterion criterion) {
        SignalDomain domain = fact.kind() == FactKind.SIGNAL ? n.domainOf(fact.signal().orElseThrow())
                : fact.kind().domain();
        if (!criterion.canHold(domain)) {
            String what = fact.signal().map(SignalName::value).orElse(fact.kind().key());
            n.error("this test can never hold: " + what + " is " + domain.describe() + ", so it is never "
                    + criterion.describe() + "; change the threshold"
                    + (fact.kind() == FactKind.SIGNAL && !fact.signal().orElseThrow().isWellKnown()
                    ? " or the signal's declared domain" : ""));
        }
    }

    private Optional<Fact> fact(DefinitionNode n) {
        DefinitionNode kindNode = n.required("fact");
        String key = kindNode.text();
        if (kindNode.hasErrorsInside()) {
            return Optional.empty();
        }
        Optional<FactKind> kind = FactKind.ofKey(key);
        if (kind.isEmpty() || kind.get().needsSignal()) {
            List<String> known = new ArrayList<>();
            for (FactKind k : FactKind.values()) {
                if (!k.needsSignal()) {
                    known.add(k.key());
                }
            }
            String suggestion = kindNode.suggestion(key, known);
            kindNode.error("unknown fact '" + Checks.shown(key) + "'" + (suggestion.isEmpty()
                    ? "; the known facts are " : suggestion + " The known facts are ") + known + " (signals are read"
                    + " with 'signal: NAME', changes with 'change: {window: P30D}')");
            return Optional.empty();
        }
        if (kind.get().needsWindow()) {
            Optional<Duration> window = window(n.required("window"));
            return window.map(w -> Fact.within(kind.get(), w));
        }
        return Optional.of(Fact.of(kind.get()));
    }

    private Optional<Criterion> criterion(DefinitionNode n, Optional<FactKind> fact) {
        List<String> present = new ArrayList<>();
        for (String c : CRITERIA) {
            if (n.has(c)) {
                present.add(c);
            }
        }
        if (present.size() != 1) {
            n.error(present.isEmpty() ? "missing criterion: a test needs one of " + CRITERIA
                    : "a test has one criterion, but this one has " + present);
            for (String c : CRITERIA) {
                n.optional(c);
            }
            return Optional.empty();
        }
        for (String c : CRITERIA) {
            if (!c.equals(present.get(0))) {
                n.optional(c);
            }
        }
        String key = present.get(0);
        DefinitionNode v = n.required(key);
        switch (key) {
            case "between": {
                List<DefinitionNode> bounds = v.elements();
                if (v.hasErrorsInside()) {
                    return Optional.empty();
                }
                if (bounds.size() != 2) {
                    v.error("expected [low, high] but found " + bounds.size() + " numbers");
                    return Optional.empty();
                }
                double low = bounds.get(0).signalValue();
                double high = bounds.get(1).signalValue();
                return v.hasErrorsInside() ? Optional.empty() : v.build(() -> new Criterion.Between(low, high));
            }
            case "in": {
                List<DefinitionNode> values = v.elements();
                List<String> names = new ArrayList<>();
                for (DefinitionNode e : values) {
                    e.label().ifPresent(name -> {
                        checkCategory(e, name, fact);
                        names.add(name);
                    });
                }
                if (v.hasErrorsInside()) {
                    return Optional.empty();
                }
                return v.build(() -> Criterion.In.of(names));
            }
            default: {
                double x = v.signalValue();
                if (v.hasErrorsInside()) {
                    return Optional.empty();
                }
                return Optional.of(switch (key) {
                    case "below" -> new Criterion.Below(x);
                    case "atMost" -> new Criterion.AtMost(x);
                    case "above" -> new Criterion.Above(x);
                    default -> new Criterion.AtLeast(x);
                });
            }
        }
    }

    /**
     * Records an error if {@code name} can never be a value of the fact: a band the scheme lacks, a stage or plan
     * status that does not exist.
     */
    private void checkCategory(DefinitionNode at, String name, Optional<FactKind> fact) {
        if (fact.isEmpty()) {
            return;
        }
        List<String> allowed;
        String what;
        if (fact.get() == FactKind.HEALTH_BAND) {
            allowed = new ArrayList<>();
            for (HealthBand band : bands.bands()) {
                allowed.add(band.name());
            }
            what = "band of the health model's scheme";
        } else if (fact.get().allowedValues().isPresent()) {
            allowed = fact.get().allowedValues().get();
            what = fact.get().key().replace('_', ' ');
        } else {
            return;
        }
        if (!allowed.contains(name)) {
            String suggestion = at.suggestion(name, allowed);
            at.error("'" + Checks.shown(name) + "' is not a " + what + (suggestion.isEmpty() ? "; the values are "
                    : suggestion + " The values are ") + allowed + (fact.get() == FactKind.HEALTH_BAND
                    ? ", so the condition could never hold" : ""));
        }
    }

    private static Optional<Duration> window(DefinitionNode n) {
        Optional<Duration> d = n.duration();
        if (d.isEmpty()) {
            return d;
        }
        Duration w = d.get();
        if (w.isZero() || w.isNegative() || w.compareTo(Checks.MAX_WINDOW) > 0) {
            n.error(format(w) + " is not a possible window: it must be positive and at most "
                    + Checks.MAX_WINDOW.toDays() + " days");
            return Optional.empty();
        }
        return d;
    }

    private static Optional<Duration> delay(DefinitionNode n) {
        Optional<Duration> d = n.duration();
        if (d.isEmpty()) {
            return d;
        }
        Duration w = d.get();
        if (w.isNegative() || w.compareTo(Checks.MAX_WINDOW) > 0) {
            n.error(format(w) + " must be from zero to " + Checks.MAX_WINDOW.toDays() + " days");
            return Optional.empty();
        }
        return d;
    }

    // ---- Writing ----

    /** Writes a playbook in the given format; {@link #readPlaybook} reads it back to an equal playbook. */
    public String write(Playbook playbook, DefinitionFormat format) {
        return Objects.requireNonNull(format, "format").write(tree(playbook));
    }

    /** Writes a rule set in the given format; {@link #readRuleSet} reads it back to an equal rule set. */
    public String write(RuleSet ruleSet, DefinitionFormat format) {
        return Objects.requireNonNull(format, "format").write(tree(ruleSet));
    }

    /** Returns a rule set as a tree in the canonical form. */
    public ObjectNode tree(RuleSet ruleSet) {
        Objects.requireNonNull(ruleSet, "ruleSet");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ruleSet.oneVoice().ifPresent(v -> out.putObject("oneVoice").put("max", v.max())
                .put("window", format(v.window())));
        ArrayNode list = out.putArray("playbooks");
        for (Playbook p : ruleSet.playbooks()) {
            list.add(tree(p));
        }
        return out;
    }

    /** Returns a playbook as a tree in the canonical form. */
    public ObjectNode tree(Playbook playbook) {
        Objects.requireNonNull(playbook, "playbook");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", playbook.id());
        out.put("purpose", playbook.purpose().name());
        playbook.description().ifPresent(d -> out.put("description", d));
        out.put("mode", playbook.mode().name());
        if (!playbook.control().equals(ControlGroup.none())) {
            out.putObject("control").put("share", playbook.control().share()).put("salt", playbook.control().salt());
        }
        if (!playbook.signals().isEmpty()) {
            out.set("signals", DeclaredSignals.tree(playbook.signals()));
        }
        ArrayNode rules = out.putArray("rules");
        for (Rule r : playbook.rules()) {
            rules.add(tree(r));
        }
        return out;
    }

    private static ObjectNode tree(Rule r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", r.id());
        out.put("priority", r.priority());
        r.description().ifPresent(d -> out.put("description", d));
        out.put("trigger", r.trigger().kind().name());
        out.set("when", tree(r.trigger().condition()));
        ArrayNode actions = out.putArray("actions");
        for (Action a : r.actions()) {
            actions.add(tree(a));
        }
        if (!r.cooldown().isZero()) {
            out.put("cooldown", format(r.cooldown()));
        }
        r.limit().ifPresent(l -> out.putObject("limit").put("max", l.max()).put("window", format(l.window())));
        if (!r.delay().isZero()) {
            out.put("delay", format(r.delay()));
        }
        return out;
    }

    private static ObjectNode tree(Action a) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", a.kind().name());
        out.put("owner", a.owner().name());
        out.put("priority", a.priority().name());
        out.put("dueIn", format(a.dueIn()));
        out.put("template", a.template());
        if (!a.parameters().isEmpty()) {
            ObjectNode p = out.putObject("parameters");
            a.parameters().forEach(p::put);
        }
        a.dedupeKey().ifPresent(k -> out.put("dedupeKey", k));
        if (a.customerFacing() != a.kind().isCustomerFacingByDefault()) {
            out.put("customerFacing", a.customerFacing());
        }
        return out;
    }

    /** Returns a condition as a tree in the canonical form. */
    public static ObjectNode tree(Condition condition) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (condition instanceof Condition.All all) {
            ArrayNode parts = out.putArray("all");
            all.parts().forEach(p -> parts.add(tree(p)));
        } else if (condition instanceof Condition.Any any) {
            ArrayNode parts = out.putArray("any");
            any.parts().forEach(p -> parts.add(tree(p)));
        } else if (condition instanceof Condition.Not not) {
            out.set("not", tree(not.part()));
        } else {
            Condition.Test t = (Condition.Test) condition;
            Fact f = t.fact();
            if (f.kind() == FactKind.SIGNAL || f.kind() == FactKind.SIGNAL_CHANGE) {
                out.put("signal", f.signal().orElseThrow().value());
                f.window().ifPresent(w -> out.putObject("change").put("window", format(w)));
            } else {
                out.put("fact", f.kind().key());
                f.window().ifPresent(w -> out.put("window", format(w)));
            }
            Criterion c = t.criterion();
            if (c instanceof Criterion.Below x) {
                number(out, "below", x.value());
            } else if (c instanceof Criterion.AtMost x) {
                number(out, "atMost", x.value());
            } else if (c instanceof Criterion.Above x) {
                number(out, "above", x.value());
            } else if (c instanceof Criterion.AtLeast x) {
                number(out, "atLeast", x.value());
            } else if (c instanceof Criterion.Between x) {
                ArrayNode between = out.putArray("between");
                between.add(number(x.low()));
                between.add(number(x.high()));
            } else {
                ArrayNode in = out.putArray("in");
                new TreeSet<>(((Criterion.In) c).values()).forEach(in::add);
            }
        }
        return out;
    }

    private static void number(ObjectNode out, String field, double value) {
        out.set(field, number(value));
    }

    /**
     * Writes whole numbers without a fraction ({@code 40}, not {@code 40.0}), so files read as people write them;
     * except {@code -0.0}, which a whole number would turn into 0.
     */
    private static JsonNode number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && Double.doubleToRawLongBits(value) != NEGATIVE_ZERO) {
            return JsonNodeFactory.instance.numberNode((long) value);
        }
        return JsonNodeFactory.instance.numberNode(value);
    }

    /** Returns a duration as ISO-8601, in days when it is whole days ({@code P30D} rather than {@code PT720H}). */
    public static String format(Duration d) {
        return Numbers.duration(Objects.requireNonNull(d, "duration"));
    }
}
