package dev.kizuna.examples.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.metrics.retention.LogoChurn;
import dev.kizuna.metrics.retention.RevenueRetention;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies built from Kizuna values, and assertions that an answer carries exactly what the library computes
 * directly for the same inputs.
 */
final class LibraryResults {
    static final ObjectMapper KIZUNA = KizunaJson.newObjectMapper();

    private LibraryResults() {
    }

    // ---- requests ----

    static ObjectNode scoreRequest(List<SignalSnapshot> snapshots) {
        ObjectNode body = KIZUNA.createObjectNode();
        ArrayNode array = body.putArray("snapshots");
        snapshots.forEach(s -> array.add(KIZUNA.valueToTree(s)));
        return body;
    }

    /** The body of {@code /v1/plays} for contexts, all at the same instant: each context's own parts. */
    static ObjectNode playsRequest(List<EvaluationContext> contexts) {
        ObjectNode body = KIZUNA.createObjectNode();
        body.put("asOf", contexts.get(0).now().toString());
        ArrayNode accounts = body.putArray("accounts");
        for (EvaluationContext c : contexts) {
            ObjectNode a = accounts.addObject();
            a.set("account", KIZUNA.valueToTree(c.account()));
            ArrayNode signals = a.putArray("signals");
            c.signals().snapshots().forEach(s -> signals.add(KIZUNA.valueToTree(s)));
            c.plan().ifPresent(p -> a.set("plan", KIZUNA.valueToTree(p)));
            ArrayNode surveys = a.putArray("surveys");
            c.surveys().forEach(s -> surveys.add(KIZUNA.valueToTree(s)));
        }
        return body;
    }

    static ObjectNode metricsRequest(List<SubscriptionEvent> events) {
        ObjectNode body = KIZUNA.createObjectNode();
        ArrayNode array = body.putArray("events");
        events.forEach(e -> array.add(KIZUNA.valueToTree(e)));
        return body;
    }

    // ---- assertions ----

    /** Each score equals {@code model.score(snapshot, snapshot.at())}, and the reason that of its explanation. */
    static void assertScores(ServiceClient.Answer answer, List<SignalSnapshot> snapshots, HealthModel model) {
        assertEquals(200, answer.status(), answer.text());
        JsonNode scores = answer.json().get("scores");
        assertEquals(snapshots.size(), scores.size());
        assertEquals(model.id().id(), answer.json().at("/model/id").asText());
        for (int i = 0; i < snapshots.size(); i++) {
            SignalSnapshot s = snapshots.get(i);
            HealthScore expected = model.score(s, s.at());
            JsonNode got = scores.get(i);
            assertEquals(s.account().value(), got.get("account").asText());
            assertEquals(expected.model().id(), got.at("/model/id").asText());
            assertEquals(expected.status().name(), got.get("status").asText());
            assertEquals(expected.value().isPresent(), got.has("value"));
            if (expected.value().isPresent()) {
                assertEquals(expected.value().getAsDouble(), got.get("value").doubleValue());
            }
            assertEquals(expected.band().map(b -> b.name()).orElse(null), got.path("band").asText(null));
            assertEquals(expected.completeness(), got.get("completeness").doubleValue());
            JsonNode contributions = got.get("contributions");
            assertEquals(expected.contributions().size(), contributions.size());
            for (int j = 0; j < expected.contributions().size(); j++) {
                Contribution c = expected.contributions().get(j);
                assertEquals(c.id(), contributions.get(j).get("id").asText());
                assertEquals(c.points(), contributions.get(j).get("points").doubleValue());
                assertEquals(c.weight(), contributions.get(j).get("weight").doubleValue());
            }
            assertEquals(model.explain(s, s.at()).reason(), got.get("reason").asText());
        }
    }

    /** Each evaluation equals the engine's dry run of the same context; returns the number of actions seen. */
    static int assertPlays(ServiceClient.Answer answer, List<EvaluationContext> contexts, PlaybookEngine engine) {
        assertEquals(200, answer.status(), answer.text());
        JsonNode evaluations = answer.json().get("evaluations");
        assertEquals(contexts.size(), evaluations.size());
        int actions = 0;
        for (int i = 0; i < contexts.size(); i++) {
            Evaluation expected = engine.dryRun(contexts.get(i));
            JsonNode got = evaluations.get(i);
            assertEquals(expected.account().value(), got.get("account").asText());
            assertEquals(expected.at().toString(), got.get("at").asText());
            assertEquals(contexts.get(i).health().flatMap(HealthScore::band).map(b -> b.name()).orElse(null),
                    got.at("/health/band").asText(null));
            JsonNode gotActions = got.get("actions");
            assertEquals(expected.actions().size(), gotActions.size(), () -> "actions of " + expected.account());
            for (int j = 0; j < expected.actions().size(); j++) {
                RecommendedAction a = expected.actions().get(j);
                JsonNode g = gotActions.get(j);
                assertEquals(a.playbook(), g.get("playbook").asText());
                assertEquals(a.rule(), g.get("rule").asText());
                assertEquals(a.action().owner().name(), g.get("owner").asText());
                assertEquals(a.action().priority().name(), g.get("priority").asText());
                assertEquals(a.action().kind().name(), g.get("kind").asText());
                assertEquals(a.dueAt(), Instant.parse(g.get("dueAt").asText()));
                assertEquals(a.dedupeKey(), g.get("dedupeKey").asText());
                assertEquals(a.disposition().name(), g.get("disposition").asText());
                String reason = g.get("reason").asText();
                assertEquals(PlaysEndpoint.reason(a, expected.trace()), reason);
                assertFalse(reason.endsWith(" fired"), reason);
            }
            assertEquals(expected.suppressions().size(), got.get("suppressions").size());
            assertEquals(expected.firings().size(), got.get("firings").size());
            actions += expected.actions().size();
        }
        return actions;
    }

    /** The answer equals the ledger's summary, logo churn and revenue retention of the period. */
    static void assertMetrics(ServiceClient.Answer answer, MrrLedger ledger, DateRange period) {
        assertEquals(200, answer.status(), answer.text());
        JsonNode got = answer.json();
        PeriodSummary s = ledger.summary(period);
        assertEquals(ledger.currency().getCurrencyCode(), got.get("currency").asText());
        assertEquals(period.start().toString(), got.at("/period/from").asText());
        assertEquals(period.lastDay().toString(), got.at("/period/to").asText());
        assertMoney(s.startMrr(), got.at("/mrr/start"));
        assertMoney(s.newMrr(), got.at("/mrr/new"));
        assertMoney(s.expansionMrr(), got.at("/mrr/expansion"));
        assertMoney(s.reactivationMrr(), got.at("/mrr/reactivation"));
        assertMoney(s.contractionMrr(), got.at("/mrr/contraction"));
        assertMoney(s.churnedMrr(), got.at("/mrr/churn"));
        assertMoney(s.endMrr(), got.at("/mrr/end"));
        assertEquals(s.newCount(), got.at("/movements/new").asLong());
        assertEquals(s.churnCount(), got.at("/movements/churn").asLong());
        assertEquals(s.startCustomers(), got.at("/customers/start").asLong());
        assertEquals(s.endCustomers(), got.at("/customers/end").asLong());
        LogoChurn logo = LogoChurn.of(ledger, period);
        assertEquals(logo.lost(), got.at("/logoChurn/lost").asLong());
        assertEquals(logo.base(), got.at("/logoChurn/base").asLong());
        assertRatio(logo.rate(), got.at("/logoChurn/rate"));
        RevenueRetention retention = RevenueRetention.of(ledger, period);
        assertRatio(retention.grr(), got.get("grr"));
        assertRatio(retention.nrr(), got.get("nrr"));
    }

    private static void assertMoney(Money expected, JsonNode got) {
        assertTrue(got.isTextual(), "an amount is a decimal string: " + got);
        assertEquals(0, expected.amount().compareTo(new BigDecimal(got.asText())), expected + " vs " + got);
    }

    private static void assertRatio(Optional<Ratio> expected, JsonNode got) {
        if (expected.isEmpty()) {
            assertTrue(got.isNull(), "an undefined ratio is null: " + got);
            return;
        }
        assertTrue(got.isNumber(), "a ratio is a number: " + got);
        assertEquals(0, expected.get().value().compareTo(got.decimalValue()), expected.get() + " vs " + got);
    }
}
