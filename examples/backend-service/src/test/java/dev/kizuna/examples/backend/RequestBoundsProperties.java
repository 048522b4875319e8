package dev.kizuna.examples.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service accepts a value exactly when the library's own bounded reader or domain does, refuses every other with
 * a 400 carrying that reader's message at the value's path, and answers no value with a 500: instants and dates
 * ({@link Dates}), amounts ({@link Money#parseAmount}) and signal values ({@link SignalDomain}). Driven in process.
 */
class RequestBoundsProperties {
    private static final InProcessService SERVICE = new InProcessService();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<SignalName> SIGNALS = List.of(SignalName.SENTIMENT_NPS,
            SignalName.ENGAGEMENT_LICENCE_UTILISATION, SignalName.SUPPORT_OPEN_TICKETS,
            SignalName.RELATIONSHIP_CHAMPION_PRESENT, SignalName.USAGE_TREND_30D, SignalName.ADOPTION_FEATURE_BREADTH,
            SignalName.COMMERCIAL_DAYS_TO_RENEWAL);

    @Property
    void asOfIsAcceptedExactlyWhenDatesReadsIt(@ForAll("instants") String asOf) {
        ObjectNode body = tree(RequestBodies.PLAYS_EXAMPLE);
        body.put("asOf", asOf);
        InProcessService.Reply reply = SERVICE.post("/v1/plays", body.toString());
        Optional<String> refused = refusal(() -> Dates.parseInstant("asOf", asOf));
        if (refused.isEmpty()) {
            assertEquals(200, reply.status(), reply.toString());
        } else {
            assertRefused(reply, "$.asOf", refused.get());
        }
    }

    @Property
    void aSnapshotInstantIsAcceptedExactlyWhenDatesReadsIt(@ForAll("instants") String at) {
        ObjectNode body = tree(RequestBodies.SCORE_EXAMPLE);
        ((ObjectNode) body.withArray("snapshots").get(0)).put("at", at);
        InProcessService.Reply reply = SERVICE.post("/v1/score", body.toString());
        Optional<String> refused = refusal(() -> Dates.parseInstant("at", at));
        if (refused.isPresent()) {
            assertRefused(reply, "$.snapshots[0].at", refused.get());
        } else {
            // Dates also reads a bare date; the snapshot's codec wants a date and time. Either way, never a 500.
            assertNotEquals(500, reply.status(), reply.toString());
        }
    }

    @Property
    void fromIsAcceptedExactlyWhenDatesReadsIt(@ForAll("dates") String from) {
        ObjectNode body = tree(RequestBodies.METRICS_EXAMPLE);
        body.remove("month");
        body.put("from", from).put("to", "9999-12-31");
        InProcessService.Reply reply = SERVICE.post("/v1/metrics", body.toString());
        Optional<String> refused = refusal(() -> Dates.parseDate("from", from));
        if (refused.isEmpty()) {
            assertEquals(200, reply.status(), reply.toString());
        } else {
            assertRefused(reply, "$.from", refused.get());
        }
    }

    @Property
    void anAmountIsAcceptedExactlyWhenMoneyReadsIt(@ForAll("amounts") String amount) {
        ObjectNode body = tree(RequestBodies.METRICS_EXAMPLE);
        ((ObjectNode) body.withArray("events").get(0).get("charge").get("unitPrice")).put("amount", amount);
        InProcessService.Reply reply = SERVICE.post("/v1/metrics", body.toString());
        String path = "$.events[0].charge.unitPrice.amount";
        Optional<String> refused = refusal(() -> Money.parseAmount(amount));
        if (refused.isPresent()) {
            assertRefused(reply, path, refused.get());
        } else {
            // A negative price or a total beyond Money's range is refused elsewhere; never a 500.
            assertNotEquals(500, reply.status(), reply.toString());
            assertNotEquals(path, reply.path(), reply.toString());
        }
    }

    @Property
    void aSignalValueIsAcceptedExactlyWhenItsDomainHoldsIt(@ForAll("signals") SignalName signal,
                                                           @ForAll("values") double value) {
        ObjectNode body = tree(RequestBodies.SCORE_EXAMPLE);
        ((ObjectNode) body.withArray("snapshots").get(0).get("values")).put(signal.value(), value);
        InProcessService.Reply reply = SERVICE.post("/v1/score", body.toString());
        Optional<String> problem = signal.domain().problem(signal, value);
        // The snapshot as the library would build it: within each domain, and no more escalated than open tickets.
        Map<SignalName, Double> values = new TreeMap<>();
        body.withArray("snapshots").get(0).get("values").properties()
                .forEach(e -> values.put(SignalName.of(e.getKey()), e.getValue().doubleValue()));
        Optional<String> snapshotProblem = refusal(() -> SignalSnapshot.of(AccountId.of("acme"), Instant.EPOCH,
                values));
        if (problem.isPresent()) {
            assertRefused(reply, "$.snapshots[0].values['" + signal.value() + "']", problem.get());
        } else if (snapshotProblem.isPresent()) {
            assertEquals(400, reply.status(), reply.toString());
            assertTrue(reply.toString().contains("escalated tickets are among the open tickets"), reply.toString());
        } else {
            assertEquals(200, reply.status(), reply.toString());
        }
    }

    @Provide
    Arbitrary<String> instants() {
        Arbitrary<String> anyInstant = Arbitraries.longs().between(Instant.MIN.getEpochSecond(),
                Instant.MAX.getEpochSecond()).map(s -> Instant.ofEpochSecond(s).toString());
        Arbitrary<String> nearTheEdges = Arbitraries.longs().between(-100L * 86_400, 100L * 86_400)
                .flatMap(d -> Arbitraries.of(Dates.EARLIEST_INSTANT, Dates.LATEST_INSTANT)
                        .map(edge -> edge.plusSeconds(d).toString()));
        Arbitrary<String> withOffsets = Combinators.combine(Arbitraries.longs().between(-62_135_596_800L - 86_400,
                        253_402_300_799L + 86_400), Arbitraries.integers().between(-18, 18))
                .as((s, h) -> Instant.ofEpochSecond(s).atOffset(ZoneOffset.ofHours(h)).toString());
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.oneOf(anyInstant, nearTheEdges, withOffsets, text);
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> anyDate = Arbitraries.longs().between(-365_000_000_000L, 365_000_000_000L)
                .map(d -> java.time.LocalDate.ofEpochDay(d).toString());
        Arbitrary<String> nearTheEdges = Arbitraries.integers().between(-400, 400)
                .flatMap(d -> Arbitraries.of(Dates.EARLIEST, Dates.LATEST).map(edge -> edge.plusDays(d).toString()));
        Arbitrary<String> shaped = Combinators.combine(Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        return Arbitraries.oneOf(anyDate, nearTheEdges, shaped, Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> amounts() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMaxLength(25);
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().map(e -> "e" + e), Arbitraries.integers().between(-40, 40).map(e -> "E" + e));
        Arbitrary<String> decimal = Combinators.combine(Arbitraries.of("", "-", "+"), digits, digits, exponent)
                .as((sign, whole, fraction, e) -> sign + whole + (fraction.isEmpty() ? "" : "." + fraction) + e);
        Arbitrary<String> otherScripts = Arbitraries.strings().withChars("0123456789.\u0660\u0661\u0662\u06f1\u0967"
                + "\uff11e-").ofMinLength(1).ofMaxLength(8);
        return Arbitraries.oneOf(decimal, otherScripts, Arbitraries.strings().ofMaxLength(70));
    }

    @Provide
    Arbitrary<SignalName> signals() {
        return Arbitraries.of(SIGNALS);
    }

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-200, 200).ofScale(2),
                Arbitraries.integers().between(-10, 10).map(Integer::doubleValue),
                Arbitraries.doubles().between(-Double.MAX_VALUE, Double.MAX_VALUE),
                Arbitraries.of(0.0, -0.0, 1.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE));
    }

    private static void assertRefused(InProcessService.Reply reply, String path, String message) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(path, reply.path(), reply.toString());
        assertEquals(message, reply.error(), reply.toString());
    }

    private static Optional<String> refusal(Runnable reader) {
        try {
            reader.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static ObjectNode tree(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
