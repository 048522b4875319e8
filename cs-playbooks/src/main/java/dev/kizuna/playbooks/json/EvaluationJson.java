package dev.kizuna.playbooks.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.playbooks.definition.PlaybookDefinitions;
import dev.kizuna.playbooks.evaluation.ConditionTrace;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;
import dev.kizuna.playbooks.evaluation.RuleFiring;
import dev.kizuna.playbooks.evaluation.RuleTrace;
import dev.kizuna.playbooks.evaluation.Suppression;
import dev.kizuna.playbooks.evaluation.Trace;

import java.util.Collection;
import java.util.Objects;

/**
 * Evaluations and traces as JSON trees, for machine-readable output (such as {@code kizuna plays --format json}).
 * Instants are ISO-8601, enums by name, durations ISO-8601; write a tree with any Jackson mapper. Stateless and
 * thread-safe.
 *
 * <p>An evaluation is {@code {account, at, dryRun, actions: [...], firings: [...], suppressions: [...], trace?}};
 * an action is {@code {playbook, rule, kind, owner, priority, template, parameters?, dueAt, dedupeKey, disposition,
 * customerFacing}}; a trace is {@code {account, at, rules: [{playbook, rule, priority, trigger, status, detail?,
 * now?, previous?}], suppressions}}, each condition {@code {node, description, truth, actual?, expected?, parts?}}.
 */
public final class EvaluationJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EvaluationJson() {
    }

    /** Returns the evaluations as an array, in the given order. */
    public static ArrayNode tree(Collection<Evaluation> evaluations) {
        ArrayNode out = F.arrayNode();
        for (Evaluation e : Objects.requireNonNull(evaluations, "evaluations")) {
            out.add(tree(e));
        }
        return out;
    }

    /** Returns one evaluation, with its trace when it has one. */
    public static ObjectNode tree(Evaluation e) {
        ObjectNode out = F.objectNode();
        out.put("account", e.account().value());
        out.put("at", e.at().toString());
        out.put("dryRun", e.dryRun());
        ArrayNode actions = out.putArray("actions");
        for (RecommendedAction a : e.actions()) {
            actions.add(tree(a));
        }
        ArrayNode firings = out.putArray("firings");
        for (RuleFiring f : e.firings()) {
            firings.addObject().put("playbook", f.playbook()).put("rule", f.rule()).put("priority", f.priority())
                    .put("heldOut", f.heldOut());
        }
        out.set("suppressions", suppressions(e.suppressions()));
        e.trace().ifPresent(t -> out.set("trace", tree(t)));
        return out;
    }

    /** Returns one recommended action. */
    public static ObjectNode tree(RecommendedAction a) {
        ObjectNode out = F.objectNode();
        out.put("playbook", a.playbook());
        out.put("rule", a.rule());
        out.put("kind", a.action().kind().name());
        out.put("owner", a.action().owner().name());
        out.put("priority", a.action().priority().name());
        out.put("template", a.action().template());
        if (!a.action().parameters().isEmpty()) {
            ObjectNode p = out.putObject("parameters");
            a.action().parameters().forEach(p::put);
        }
        out.put("dueAt", a.dueAt().toString());
        out.put("dedupeKey", a.dedupeKey());
        out.put("disposition", a.disposition().name());
        out.put("customerFacing", a.action().customerFacing());
        return out;
    }

    /** Returns a trace. */
    public static ObjectNode tree(Trace t) {
        ObjectNode out = F.objectNode();
        out.put("account", t.account().value());
        out.put("at", t.at().toString());
        ArrayNode rules = out.putArray("rules");
        for (RuleTrace r : t.rules()) {
            ObjectNode o = rules.addObject();
            o.put("playbook", r.playbook()).put("rule", r.rule()).put("priority", r.priority())
                    .put("trigger", r.trigger().name()).put("status", r.status().name());
            if (!r.detail().isEmpty()) {
                o.put("detail", r.detail());
            }
            r.now().ifPresent(c -> o.set("now", tree(c)));
            r.previous().ifPresent(c -> o.set("previous", tree(c)));
        }
        out.set("suppressions", suppressions(t.suppressions()));
        return out;
    }

    /** Returns one condition's trace. */
    public static ObjectNode tree(ConditionTrace c) {
        ObjectNode out = F.objectNode();
        out.put("node", c.node());
        out.put("description", c.description());
        out.put("truth", c.truth().name());
        if (c.parts().isEmpty()) {
            out.put("actual", c.actual());
            out.put("expected", c.expected());
        } else {
            ArrayNode parts = out.putArray("parts");
            for (ConditionTrace p : c.parts()) {
                parts.add(tree(p));
            }
        }
        return out;
    }

    private static ArrayNode suppressions(Collection<Suppression> suppressions) {
        ArrayNode out = F.arrayNode();
        for (Suppression s : suppressions) {
            ObjectNode o = out.addObject();
            o.put("playbook", s.playbook()).put("rule", s.rule()).put("reason", s.reason().name())
                    .put("detail", s.detail());
            s.action().ifPresent(a -> o.putObject("action").put("kind", a.kind().name()).put("template", a.template())
                    .put("owner", a.owner().name()).put("dueIn", PlaybookDefinitions.format(a.dueIn())));
        }
        return out;
    }
}
