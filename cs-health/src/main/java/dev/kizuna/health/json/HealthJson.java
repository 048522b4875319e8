package dev.kizuna.health.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.override.EffectiveScore;
import dev.kizuna.health.rollup.BandDistribution;

import java.util.Map;

/**
 * The JSON form of scores and explanations, for machine-readable output ({@code kizuna score --format json}).
 * Fields come in a fixed order and absent values are omitted, so equal results give identical JSON. Write-only:
 * scores are results, recomputed from their inputs, not read back. Stateless and thread-safe.
 *
 * <pre>{@code
 * {"account": "acct-007", "model": {"id": "saas-health", "version": "1"},
 *  "computedAt": "...", "inputsAt": "...", "status": "SCORED", "value": 41.25, "band": "red",
 *  "completeness": 1.0, "missing": [],
 *  "contributions": [{"id": "nps", "label": "NPS", "kind": "INPUT", "signal": "sentiment.nps", "raw": -20.0,
 *                     "subscore": 40.0, "weight": 0.1333, "points": 5.33, "impact": -1.99}, ...]}
 * }</pre>
 */
public final class HealthJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HealthJson() {
    }

    /** Returns the score as a JSON object. */
    public static ObjectNode score(HealthScore score) {
        ObjectNode out = NODES.objectNode();
        out.put("account", score.account().value());
        out.putObject("model").put("id", score.model().id()).put("version", score.model().version());
        out.put("computedAt", score.computedAt().toString());
        out.put("inputsAt", score.inputsAt().toString());
        out.put("status", score.status().name());
        score.value().ifPresent(v -> out.put("value", v));
        score.band().ifPresent(b -> out.put("band", b.name()));
        out.put("completeness", score.completeness());
        ArrayNode missing = out.putArray("missing");
        score.missing().forEach(s -> missing.add(s.value()));
        score.note().ifPresent(n -> out.put("note", n));
        ArrayNode contributions = out.putArray("contributions");
        for (Contribution c : score.contributions()) {
            ObjectNode o = contributions.addObject();
            o.put("id", c.id()).put("label", c.label()).put("kind", c.kind().name());
            c.signal().ifPresent(s -> o.put("signal", s.value()));
            c.raw().ifPresent(r -> o.put("raw", r));
            c.subscore().ifPresent(s -> o.put("subscore", s));
            o.put("weight", c.weight()).put("points", c.points()).put("impact", c.impact());
        }
        return out;
    }

    /** Returns the explanation as a JSON object: the score's fields, then the drivers, levers and reason. */
    public static ObjectNode explanation(Explanation explanation) {
        ObjectNode out = score(explanation.score());
        ArrayNode down = out.putArray("pullingDown");
        explanation.pullingDown().forEach(c -> down.add(c.id()));
        ArrayNode up = out.putArray("lifting");
        explanation.lifting().forEach(c -> up.add(c.id()));
        ArrayNode levers = out.putArray("levers");
        for (BandLever lever : explanation.levers()) {
            ObjectNode o = levers.addObject();
            o.put("input", lever.input()).put("signal", lever.signal().value()).put("current", lever.current())
                    .put("band", lever.band().name());
            lever.target().ifPresent(t -> o.put("target", t.value()).put("relation", t.relation().name()));
            lever.obstacle().ifPresent(reason -> o.put("obstacle", reason));
            o.put("text", lever.describe());
        }
        out.put("reason", explanation.reason());
        return out;
    }

    /** Returns an effective score: the original score's fields plus the override in force, if any. */
    public static ObjectNode effective(EffectiveScore effective) {
        ObjectNode out = score(effective.original());
        effective.override().ifPresent(o -> {
            ObjectNode node = out.putObject("override");
            node.put("id", o.id());
            o.value().ifPresent(v -> node.put("value", v));
            o.band().ifPresent(b -> node.put("band", b));
            node.put("author", o.author()).put("reason", o.reason()).put("createdAt", o.createdAt().toString())
                    .put("expiresAt", o.expiresAt().toString());
        });
        effective.value().ifPresent(v -> out.put("effectiveValue", v));
        effective.band().ifPresent(b -> out.put("effectiveBand", b.name()));
        return out;
    }

    /** Returns a band distribution as {@code {"red": 12, ..., "insufficientData": 3, "total": 103}}. */
    public static ObjectNode distribution(BandDistribution distribution) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, Integer> e : distribution.counts().entrySet()) {
            out.put(e.getKey(), e.getValue());
        }
        out.put("insufficientData", distribution.insufficient());
        out.put("total", distribution.total());
        return out;
    }
}
