package dev.kizuna.examples.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.json.HealthJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/score}: scores signal snapshots with the service's one health model.
 *
 * <p>The body is either one snapshot ({@code {"account", "at", "values"}}, as Kizuna's JSON writes a
 * {@link SignalSnapshot}) or {@code {"snapshots": [snapshot, ...], "computedAt"?: instant}}. Each snapshot is scored
 * as of {@code computedAt}, or as of its own {@code at} when none is given, so that the same body always gives the
 * same answer. The answer is {@code {"model": {"id", "version"}, "scores": [...]}}, one score per snapshot in the
 * order given: the fields of {@link HealthJson#score} followed by the one-line {@code reason} of the explanation.
 *
 * <p>Bounds: at most {@value #MAX_SNAPSHOTS} snapshots; every instant within the supported calendar and every signal
 * value within its signal's domain (see {@link KizunaValues}).
 */
final class ScoreEndpoint {
    /** The most snapshots one request may score. */
    static final int MAX_SNAPSHOTS = 10_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HealthModel model;
    private final KizunaValues values;

    ScoreEndpoint(HealthModel model, KizunaValues values) {
        this.model = model;
        this.values = values;
    }

    JsonNode handle(BodyValue body) {
        List<SignalSnapshot> snapshots = new ArrayList<>();
        Optional<Instant> computedAt = Optional.empty();
        if (body.has("snapshots")) {
            BodyValue.Fields f = body.fields();
            for (BodyValue s : f.required("snapshots").elements(1, MAX_SNAPSHOTS, "snapshots")) {
                snapshots.add(values.snapshot(s));
            }
            computedAt = f.optional("computedAt").map(BodyValue::instant);
            f.finish();
        } else {
            body.fields();
            snapshots.add(values.snapshot(body));
        }
        ObjectNode out = NODES.objectNode();
        out.putObject("model").put("id", model.id().id()).put("version", model.id().version());
        ArrayNode scores = out.putArray("scores");
        for (SignalSnapshot s : snapshots) {
            Explanation e = model.explain(s, computedAt.orElse(s.at()));
            scores.add(HealthJson.score(e.score()).put("reason", e.reason()));
        }
        return out;
    }
}
