package dev.kizuna.examples.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.Account;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.playbooks.Trigger;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.evaluation.ConditionTrace;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;
import dev.kizuna.playbooks.evaluation.RuleTrace;
import dev.kizuna.playbooks.evaluation.Trace;
import dev.kizuna.playbooks.evaluation.Truth;
import dev.kizuna.playbooks.json.EvaluationJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/plays}: runs the service's playbooks, as a dry run, against the accounts in the body.
 *
 * <p>The body is {@code {"asOf": instant, "accounts": [{"account": Account, "signals": [SignalSnapshot, ...],
 * "plan"?: SuccessPlan, "surveys"?: [SurveyResponse, ...]}, ...]}}, each part in Kizuna's JSON form; snapshots oldest
 * first. Each account is evaluated at {@code asOf} as {@link dev.kizuna.playbooks.engine.PortfolioContexts} would build it:
 * its snapshots up to {@code asOf} are the signal history, and the latest and the one before are scored by the
 * service's health model (each as of its own instant) as the current and previous health. Nothing is recorded, so the
 * same body always gives the same answer, and no request sees another's actions.
 *
 * <p>The answer is {@code {"asOf", "evaluations": [...]}}, one per account in the order given: the evaluation as
 * {@link EvaluationJson#tree(Evaluation)} writes it, without the trace, each action with an audit {@code reason} (the
 * rule's condition with the values that made it true), and the {@code health} that the playbooks saw.
 *
 * <p>Bounds: at most {@value #MAX_ACCOUNTS} accounts, and for each at most {@value #MAX_SNAPSHOTS} snapshots and
 * {@value #MAX_SURVEYS} survey responses; {@code asOf} and every instant and date within the supported calendar, every
 * signal value within its signal's domain (see {@link KizunaValues}).
 */
final class PlaysEndpoint {
    /** The most accounts one request may evaluate. */
    static final int MAX_ACCOUNTS = 1_000;
    /** The most snapshots one account of a request may have. */
    static final int MAX_SNAPSHOTS = 10_000;
    /** The most survey responses one account of a request may have. */
    static final int MAX_SURVEYS = 10_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HealthModel model;
    private final PlaybookEngine engine;
    private final KizunaValues values;

    PlaysEndpoint(HealthModel model, PlaybookEngine engine, KizunaValues values) {
        this.model = model;
        this.engine = engine;
        this.values = values;
    }

    JsonNode handle(BodyValue body) {
        BodyValue.Fields f = body.fields();
        Instant asOf = f.required("asOf").instant();
        List<BodyValue> accounts = f.required("accounts").elements(1, MAX_ACCOUNTS, "accounts");
        f.finish();
        List<EvaluationContext> contexts = new ArrayList<>(accounts.size());
        for (BodyValue a : accounts) {
            contexts.add(context(a, asOf));
        }
        ObjectNode out = NODES.objectNode();
        out.put("asOf", asOf.toString());
        ArrayNode evaluations = out.putArray("evaluations");
        for (EvaluationContext context : contexts) {
            evaluations.add(evaluation(context, engine.dryRun(context)));
        }
        return out;
    }

    private EvaluationContext context(BodyValue in, Instant asOf) {
        BodyValue.Fields f = in.fields();
        Account account = values.account(f.required("account"));
        List<SignalSnapshot> snapshots = new ArrayList<>();
        for (BodyValue s : f.required("signals").elements(0, MAX_SNAPSHOTS, "snapshots")) {
            SignalSnapshot snapshot = values.snapshot(s);
            String where = JsonPaths.field(s.path(), "account");
            sameAccount(account, snapshot.account().value(), where);
            if (!snapshots.isEmpty() && !snapshot.at().isAfter(snapshots.get(snapshots.size() - 1).at())) {
                throw ApiException.badValue(JsonPaths.field(s.path(), "at"), snapshot.at()
                        + " must be after the previous snapshot's " + snapshots.get(snapshots.size() - 1).at()
                        + " (snapshots oldest first)");
            }
            snapshots.add(snapshot);
        }
        Optional<SuccessPlan> plan = Optional.empty();
        Optional<BodyValue> planIn = f.optional("plan");
        if (planIn.isPresent()) {
            plan = Optional.of(values.plan(planIn.get()));
            sameAccount(account, plan.get().account().value(), JsonPaths.field(planIn.get().path(), "account"));
        }
        List<SurveyResponse> surveys = new ArrayList<>();
        Optional<BodyValue> surveysIn = f.optional("surveys");
        if (surveysIn.isPresent()) {
            for (BodyValue s : surveysIn.get().elements(0, MAX_SURVEYS, "survey responses")) {
                SurveyResponse survey = values.survey(s);
                sameAccount(account, survey.account().value(), JsonPaths.field(s.path(), "account"));
                surveys.add(survey);
            }
        }
        f.finish();

        // As PortfolioContexts builds a context: the history up to asOf, its latest two snapshots scored.
        List<SignalSnapshot> history = snapshots.stream().filter(s -> !s.at().isAfter(asOf)).toList();
        EvaluationContext.Builder b = EvaluationContext.builder(account, asOf)
                .signals(SignalHistory.of(account.id(), history))
                .surveys(surveys);
        if (!history.isEmpty()) {
            SignalSnapshot latest = history.get(history.size() - 1);
            b.health(model.score(latest, latest.at()));
            if (history.size() > 1) {
                SignalSnapshot previous = history.get(history.size() - 2);
                b.previousHealth(model.score(previous, previous.at()));
            }
        }
        plan.ifPresent(b::plan);
        return in.build(b::build);
    }

    private static void sameAccount(Account account, String other, String path) {
        if (!other.equals(account.id().value())) {
            throw ApiException.badValue(path, "'" + other + "' is not the account '" + account.id().value() + "'");
        }
    }

    private static ObjectNode evaluation(EvaluationContext context, Evaluation e) {
        ObjectNode out = EvaluationJson.tree(e);
        out.remove("trace");
        Optional<HealthScore> health = context.health();
        if (health.isPresent()) {
            ObjectNode h = NODES.objectNode();
            h.put("status", health.get().status().name());
            health.get().value().ifPresent(v -> h.put("value", v));
            health.get().band().ifPresent(band -> h.put("band", band.name()));
            h.put("inputsAt", health.get().inputsAt().toString());
            out.set("health", h);
        }
        ArrayNode actions = (ArrayNode) out.get("actions");
        for (int i = 0; i < e.actions().size(); i++) {
            ((ObjectNode) actions.get(i)).put("reason", reason(e.actions().get(i), e.trace()));
        }
        return out;
    }

    /**
     * The audit reason of an action: the rule's condition as it held at the evaluation, with the actual values, and
     * for an edge trigger that it did not hold before. Only the parts that made the condition true are named.
     */
    static String reason(RecommendedAction action, Optional<Trace> trace) {
        Optional<RuleTrace> rule = trace.flatMap(t -> t.rule(action.playbook(), action.rule()));
        if (rule.isEmpty() || rule.get().now().isEmpty()) {
            return action.playbook() + "/" + action.rule() + " fired";
        }
        RuleTrace r = rule.get();
        StringBuilder out = new StringBuilder();
        describe(r.now().get(), out);
        if (r.trigger() == Trigger.Kind.EDGE && r.previous().isPresent()) {
            out.append("; it did not hold before");
            ConditionTrace before = r.previous().get();
            if (before.node().equals("test")) {
                out.append(" (actual ").append(before.actual()).append(')');
            }
        }
        return out.toString();
    }

    private static void describe(ConditionTrace c, StringBuilder out) {
        switch (c.node()) {
            case "test" -> out.append(c.description()).append(" (actual ").append(c.actual()).append(')');
            case "all", "any" -> {
                String joint = c.node().equals("all") ? " and " : " or ";
                int n = 0;
                for (ConditionTrace p : c.parts()) {
                    if (p.truth() == Truth.TRUE) {
                        out.append(n++ == 0 ? "" : joint);
                        describe(p, out);
                    }
                }
            }
            default -> out.append(c.description());
        }
    }
}
