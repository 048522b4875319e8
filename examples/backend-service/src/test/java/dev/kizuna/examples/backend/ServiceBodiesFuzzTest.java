package dev.kizuna.examples.backend;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the request bodies of every endpoint in process, through the whole handler: the JSON parser, the strict
 * reading of the fields, the bounds, the codecs and the endpoint's computation. The contract: any body gets a 200 or
 * a 4xx with an error message; never a 500 (the handler's answer to an unexpected exception), and no exception or
 * error escapes.
 *
 * <p>{@code scoreBodies}, {@code playsBodies} and {@code metricsBodies} mutate raw bytes, from the README's examples,
 * the tests' bodies and the hostile ones; {@code fieldValues} starts from the README's examples and puts
 * values of any JSON type (strings, extreme numbers and dates, objects, nulls) in their fields, which reaches the
 * bounds and the computations faster than bytes do. In {@code verify} each replays its committed inputs
 * ({@code ServiceBodiesFuzzTestInputs/<method>/}); to fuzz, see the module's README.
 */
class ServiceBodiesFuzzTest {
    private static final InProcessService SERVICE = new InProcessService();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ENDPOINTS = {"/v1/score", "/v1/plays", "/v1/metrics"};
    private static final JsonNode[] EXAMPLES = {tree(RequestBodies.SCORE_EXAMPLE), tree(RequestBodies.PLAYS_EXAMPLE),
            tree(RequestBodies.METRICS_EXAMPLE)};
    private static long slowestNanos;

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"\"snapshots\"", "\"computedAt\"", "\"account\"", "\"at\"", "\"values\"", "\"sentiment.nps\"",
            "\"usage.active_users\"", "\"relationship.champion_present\"", "\"support.open_tickets\"",
            "\"2026-03-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"-1000000000-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59.999999999Z\"", "1e308", "-1e308", "1e200000", "4.9e-324", "-0.0"})
    void scoreBodies(byte[] body) {
        assertAnsweredWithoutAServerError("/v1/score", body);
    }

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"\"asOf\"", "\"accounts\"", "\"account\"", "\"signals\"", "\"plan\"", "\"surveys\"",
            "\"journey\"", "\"entries\"", "\"enteredAt\"", "\"contract\"", "\"startDate\"", "\"renewalDate\"",
            "\"term\"", "\"P100Y\"", "\"P2147483647Y\"", "\"goals\"", "\"milestones\"", "\"touchpoints\"",
            "\"answeredAt\"", "\"scale\"", "\"score\"", "\"2026-03-02T00:00:00Z\"", "\"+1000000000-01-01T00:00:00Z\"",
            "\"0001-01-01T00:00:00Z\"", "\"9999-12-31\"", "\"0000-01-01\"", "2147483647", "-2147483648"})
    void playsBodies(byte[] body) {
        assertAnsweredWithoutAServerError("/v1/plays", body);
    }

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"\"events\"", "\"month\"", "\"from\"", "\"to\"", "\"currency\"", "\"churnRecognition\"",
            "\"reactivationWindowDays\"", "\"charge\"", "\"unitPrice\"", "\"amount\"", "\"quantity\"", "\"discount\"",
            "\"percentOff\"", "\"amountOff\"", "\"effectiveDate\"", "\"recordedOn\"", "\"START\"", "\"CHANGE\"",
            "\"CANCEL\"", "\"END\"", "\"ANNUAL\"", "\"MONTHLY\"", "\"+999999999-12\"", "\"9999-12\"", "\"0001-01\"",
            "\"1e200000\"", "\"1e-999999999\"", "\"999999999999999999\"", "36600", "2147483647"})
    void metricsBodies(byte[] body) {
        assertAnsweredWithoutAServerError("/v1/metrics", body);
    }

    @FuzzTest(maxDuration = "5m")
    void fieldValues(FuzzedDataProvider data) {
        int which = data.consumeInt(0, ENDPOINTS.length - 1);
        JsonNode body = EXAMPLES[which].deepCopy();
        int edits = data.consumeInt(1, 4);
        for (int i = 0; i < edits; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(body, slots);
            slots.get(data.consumeInt(0, slots.size() - 1)).put(value(data));
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        assertAnsweredWithoutAServerError(ENDPOINTS[which], bytes);
    }

    @AfterAll
    static void slowest() {
        System.out.printf("ServiceBodiesFuzzTest: the slowest execution took %d ms%n", slowestNanos / 1_000_000);
    }

    private static void assertAnsweredWithoutAServerError(String endpoint, byte[] body) {
        long start = System.nanoTime();
        InProcessService.Reply reply = SERVICE.post(endpoint, body);
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
        int status = reply.status();
        assertTrue(status == 200 || (status >= 400 && status < 500), "a body got " + reply);
        if (status != 200) {
            assertFalse(reply.error().isBlank(), "a refusal without a message: " + reply);
        }
    }

    /** A value's place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        void put(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                slots.add(new Slot(object, e.getKey(), -1));
                collect(e.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** A value of any JSON type, leaning to the ones at the edges of the service's bounds. */
    private static JsonNode value(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 9)) {
            case 0:
                return NODES.textNode(data.consumeString(64));
            case 1:
                return NODES.numberNode(data.consumeLong());
            case 2:
                return NODES.numberNode(data.consumeRegularDouble());
            case 3:
                // Any unscaled value and any exponent, as a client may write 1e2147483647.
                return NODES.numberNode(new BigDecimal(BigInteger.valueOf(data.consumeLong()), data.consumeInt()));
            case 4:
                return NODES.textNode(String.format("%04d-%02d-%02d", data.consumeInt(-2_000_000_000, 2_000_000_000),
                        data.consumeInt(0, 13), data.consumeInt(0, 32)));
            case 5:
                return NODES.textNode(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s",
                        data.consumeInt(-2_000_000_000, 2_000_000_000), data.consumeInt(0, 13),
                        data.consumeInt(0, 32), data.consumeInt(0, 25), data.consumeInt(0, 60),
                        data.consumeInt(0, 61), data.pickValue(new String[] {"Z", "+14:00", "-18:00", "+25:00", ""})));
            case 6:
                return NODES.textNode(data.consumeLong() + (data.consumeBoolean() ? "e" + data.consumeInt() : "")
                        + (data.consumeBoolean() ? "." + Math.abs(data.consumeLong()) : ""));
            case 7:
                return data.consumeBoolean() ? NODES.booleanNode(data.consumeBoolean()) : NODES.nullNode();
            case 8:
                return NODES.objectNode();
            default:
                return NODES.arrayNode();
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
