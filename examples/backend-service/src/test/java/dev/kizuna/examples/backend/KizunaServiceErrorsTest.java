package dev.kizuna.examples.backend;

import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.playbooks.starter.StarterPlaybooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad requests get the right 4xx with the JSON path of the offending value where there is one, never a 500; an
 * unexpected failure gets a logged 500; and the service keeps answering after all of them.
 */
class KizunaServiceErrorsTest {
    private static final String SNAPSHOT = "{\"account\": \"a-1\", \"at\": \"2026-01-01T00:00:00Z\", \"values\": "
            + "{\"sentiment.nps\": 30, \"usage.active_users\": 12}}";
    private static final String ACCOUNT = "{\"id\": \"a-1\", \"name\": \"Acme\", \"segment\": \"smb\", \"tier\": {\"name\": \"gold\", \"rank\": 1},"
            + " \"currency\": \"EUR\", \"journey\": {\"entries\": [{\"stage\": \"RETENTION\","
            + " \"enteredAt\": \"2025-01-01T00:00:00Z\"}]}}";
    private static final String CHARGE = "{\"plan\": \"pro\", \"unitPrice\": {\"amount\": \"50\", \"currency\": \"EUR\"},"
            + " \"quantity\": %d, \"interval\": \"MONTHLY\", \"discount\": {\"percentOff\": \"0\"}, \"trial\": false}";
    private static final String START = "{\"account\": \"a-1\", \"subscriptionId\": \"s-1\", \"kind\": \"START\","
            + " \"effectiveDate\": \"2026-01-10\", \"recordedOn\": \"2026-01-10\", \"charge\": " + CHARGE.formatted(2) + "}";

    private static KizunaService service;
    private static KizunaService small;
    private static ServiceClient client;

    @BeforeAll
    static void start() throws IOException {
        service = KizunaService.builder(KizunaService.demoScorecard(), StarterPlaybooks.ruleSet()).port(0).threads(2)
                .build();
        service.start();
        small = KizunaService.builder(KizunaService.demoScorecard(), StarterPlaybooks.ruleSet()).port(0).threads(1)
                .maxRequestBytes(4096).build();
        small.start();
        client = new ServiceClient(service.uri());
    }

    @AfterAll
    static void stop() {
        service.stop(Duration.ofSeconds(1));
        small.stop(Duration.ofSeconds(1));
    }

    @AfterEach
    void theServiceStillAnswers() {
        assertEquals(200, client.get("/health").status());
        assertEquals(200, new ServiceClient(small.uri()).get("/health").status());
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                // name, endpoint, body, path of the offending value, a fragment of the message
                Arguments.of("malformed JSON", "/v1/score", "{\"snapshots\": [{\"account\": \"a-1\", \"at\": tru}]}",
                        "$.snapshots[0].at", "invalid JSON: unrecognized token 'tru': was expecting a value (a string,"
                                + " number, array, object, true, false or null) (line 1, column 41)"),
                Arguments.of("truncated JSON", "/v1/score", "{\"snapshots\": [" + SNAPSHOT,
                        "$.snapshots[0]", "invalid JSON: the document ends too early: expected close marker for Array"),
                Arguments.of("trailing tokens", "/v1/score", "{\"snapshots\": [" + SNAPSHOT + "]} []",
                        "$", "invalid JSON: there is more after the end of the document: it must hold one JSON"
                                + " value (line 1, column 126)"),
                Arguments.of("duplicate key", "/v1/score", "{\"snapshots\": [], \"snapshots\": []}",
                        "$.snapshots", "invalid JSON: duplicate field 'snapshots' (line 1, column 32)"),
                Arguments.of("unknown field of the request", "/v1/score",
                        "{\"snapshots\": [" + SNAPSHOT + "], \"extra\": 1}", "$.extra", "unknown field 'extra'"),
                Arguments.of("unknown field of a snapshot", "/v1/score",
                        "{\"snapshots\": [" + SNAPSHOT + ", " + SNAPSHOT.replace("\"values\"", "\"signals\"") + "]}",
                        "$.snapshots[1]", "values"),
                Arguments.of("wrong type of a signal", "/v1/score", "{\"snapshots\": [" + SNAPSHOT + ", "
                        + SNAPSHOT.replace("12}", "\"many\"}") + "]}",
                        "$.snapshots[1].values['usage.active_users']", "expected a number but found string"),
                Arguments.of("wrong type of the list", "/v1/score", "{\"snapshots\": {}}",
                        "$.snapshots", "expected an array but found object"),
                Arguments.of("out-of-range signal", "/v1/score", "{\"snapshots\": ["
                        + SNAPSHOT.replace("30,", "1e400,") + "]}",
                        "$.snapshots[0].values['sentiment.nps']", "not a finite number"),
                Arguments.of("bad instant", "/v1/score", SNAPSHOT.replace("2026-01-01T00:00:00Z", "yesterday"),
                        "$.at", "at: 'yesterday' is not an instant: write it as a date and time with an offset"),
                Arguments.of("bad computedAt", "/v1/score", "{\"snapshots\": [" + SNAPSHOT + "], \"computedAt\": 3}",
                        "$.computedAt", "expected a string"),
                Arguments.of("a null snapshot (found by fuzzing: it was a 500)", "/v1/score",
                        "{\"snapshots\": [" + SNAPSHOT + ", null]}", "$.snapshots[1]",
                        "expected an object but found null"),
                Arguments.of("a null event", "/v1/metrics", "{\"events\": [null], \"month\": \"2026-01\"}",
                        "$.events[0]", "expected an object but found null"),
                Arguments.of("a null survey", "/v1/plays", "{\"asOf\": \"2026-02-01T00:00:00Z\", \"accounts\":"
                                + " [{\"account\": " + ACCOUNT + ", \"signals\": [], \"surveys\": [null]}]}",
                        "$.accounts[0].surveys[0]", "expected an object but found null"),
                Arguments.of("no snapshot", "/v1/score", "{\"snapshots\": []}", "$.snapshots",
                        "expected at least 1 snapshot but found none"),
                Arguments.of("plays without asOf", "/v1/plays", "{\"accounts\": []}", "$.asOf",
                        "missing required field 'asOf'"),
                Arguments.of("plays with another account's snapshot", "/v1/plays",
                        "{\"asOf\": \"2026-02-01T00:00:00Z\", \"accounts\": [{\"account\": " + ACCOUNT
                                + ", \"signals\": [" + SNAPSHOT.replace("a-1", "a-2") + "]}]}",
                        "$.accounts[0].signals[0].account", "'a-2' is not the account 'a-1'"),
                Arguments.of("plays with snapshots out of order", "/v1/plays",
                        "{\"asOf\": \"2026-02-01T00:00:00Z\", \"accounts\": [{\"account\": " + ACCOUNT
                                + ", \"signals\": [" + SNAPSHOT + ", " + SNAPSHOT + "]}]}",
                        "$.accounts[0].signals[1].at", "must be after the previous snapshot"),
                Arguments.of("plays with a bad account", "/v1/plays",
                        "{\"asOf\": \"2026-02-01T00:00:00Z\", \"accounts\": [{\"account\": "
                                + ACCOUNT.replace("\"EUR\"", "\"EURO\"") + ", \"signals\": []}]}",
                        "$.accounts[0].account", "EURO"),
                Arguments.of("metrics with a bad month", "/v1/metrics", "{\"events\": [], \"month\": \"2026-13\"}",
                        "$.month", "month: '2026-13' is not a month: there is no month 13"),
                Arguments.of("metrics without a period", "/v1/metrics", "{\"events\": [" + START + "]}",
                        "$", "the period is missing"),
                Arguments.of("metrics with two periods", "/v1/metrics",
                        "{\"events\": [], \"month\": \"2026-01\", \"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}",
                        "$.from", "either month or from and to"),
                Arguments.of("metrics ending before they start", "/v1/metrics",
                        "{\"events\": [" + START + "], \"from\": \"2026-02-01\", \"to\": \"2026-01-31\"}",
                        "$.to", "must not be before from"),
                Arguments.of("metrics with a negative window", "/v1/metrics", "{\"events\": [" + START
                        + "], \"month\": \"2026-01\", \"reactivationWindowDays\": -1}",
                        "$.reactivationWindowDays", "-1 must be between 0 and"),
                Arguments.of("metrics with an unknown churn recognition", "/v1/metrics", "{\"events\": [" + START
                        + "], \"month\": \"2026-01\", \"churnRecognition\": \"SOMETIMES\"}",
                        "$.churnRecognition", "'SOMETIMES' is not one of"),
                Arguments.of("metrics with a zero quantity", "/v1/metrics", "{\"events\": [" + START + ", "
                        + START.replace("s-1", "s-2").replace("\"quantity\": 2", "\"quantity\": 0")
                        + "], \"month\": \"2026-01\"}",
                        "$.events[1].charge", "quantity: 0"),
                Arguments.of("metrics with a cancellation of an unknown subscription", "/v1/metrics",
                        "{\"events\": [" + START + ", {\"account\": \"a-1\", \"subscriptionId\": \"s-9\","
                                + " \"kind\": \"END\", \"effectiveDate\": \"2026-01-20\", \"recordedOn\":"
                                + " \"2026-01-20\"}], \"month\": \"2026-01\"}",
                        "$.events[1]", "s-9"),
                Arguments.of("metrics with no events and no currency", "/v1/metrics",
                        "{\"events\": [], \"month\": \"2026-01\"}", "$.events", "no currency"),
                Arguments.of("metrics with an unknown currency", "/v1/metrics",
                        "{\"events\": [], \"month\": \"2026-01\", \"currency\": \"ZZZ\"}", "$.currency", "ZZZ"),
                // The examples: each was a 500, or a worker pinned until killed, before the service bounded
                // every value of a request (RequestBoundsTest pins the whole class, in process).
                Arguments.of("plays with asOf a billion years away", "/v1/plays",
                        "{\"asOf\": \"+1000000000-01-01T00:00:00Z\", \"accounts\": [{\"account\": " + ACCOUNT
                                + ", \"signals\": [" + SNAPSHOT + "]}]}",
                        "$.asOf", "asOf: '+1000000000-01-01T00:00:00Z' is not an instant"),
                Arguments.of("plays with asOf a billion years ago", "/v1/plays",
                        "{\"asOf\": \"-1000000000-01-01T00:00:00Z\", \"accounts\": [{\"account\": " + ACCOUNT
                                + ", \"signals\": [" + SNAPSHOT + "]}]}",
                        "$.asOf", "asOf: '-1000000000-01-01T00:00:00Z' is not an instant"),
                Arguments.of("metrics from and to a billion years apart", "/v1/metrics",
                        "{\"events\": [" + START + "], \"from\": \"-999999999-01-01\", \"to\": \"+999999999-12-31\"}",
                        "$.from", "from: '-999999999-01-01' is not a date"),
                Arguments.of("metrics of a month a billion years away", "/v1/metrics",
                        "{\"events\": [" + START + "], \"month\": \"+999999999-12\"}",
                        "$.month", "month: '+999999999-12' is not a month"),
                Arguments.of("metrics with an effective date a billion years away", "/v1/metrics",
                        "{\"events\": [" + START.replace("\"effectiveDate\": \"2026-01-10\"",
                                "\"effectiveDate\": \"+999999999-01-10\"") + "], \"month\": \"2026-01\"}",
                        "$.events[0].effectiveDate", "effectiveDate: '+999999999-01-10' is not a date"),
                Arguments.of("metrics with an amount of 1e200000", "/v1/metrics",
                        "{\"events\": [" + START.replace("\"amount\": \"50\"", "\"amount\": \"1e200000\"")
                                + "], \"month\": \"2026-01\"}",
                        "$.events[0].charge.unitPrice.amount", "amount: '1e200000' is out of range"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadBodyIsA400WithThePathOfTheOffendingValue(String name, String endpoint, String body, String path,
                                                      String fragment) {
        ServiceClient.Answer answer = client.post(endpoint, body);
        assertEquals(400, answer.status(), answer.text());
        assertEquals(path, answer.path(), answer.text());
        assertTrue(answer.error().contains(fragment), answer.text());
    }

    @Test
    void aMissingBodyIsA400WithoutAPath() {
        ServiceClient.Answer answer = client.post("/v1/score", "");
        assertEquals(400, answer.status());
        assertTrue(answer.error().contains("empty"), answer.text());
        assertNull(answer.path());
    }

    @Test
    void nestingDeeperThanTheMappersLimitIsA400() {
        String deep = "[".repeat(200) + "]".repeat(200);
        ServiceClient.Answer answer = client.post("/v1/score", "{\"snapshots\": " + deep + "}");
        assertEquals(400, answer.status(), answer.text());
        assertEquals("invalid JSON: the document nests deeper than 64 levels", answer.error(), answer.text());
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] body = "{\"snapshots\": [\"\u0000\"]}".getBytes(StandardCharsets.UTF_8);
        body[body.length - 4] = (byte) 0xC3;
        ServiceClient.Answer answer = client.send(java.net.http.HttpRequest.newBuilder(service.uri().resolve("/v1/score"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(400, answer.status(), answer.text());
        assertTrue(answer.error().contains("UTF-8"), answer.text());
    }

    @Test
    void aWrongMethodIsA405ThatNamesTheAllowedOne() {
        ServiceClient.Answer get = client.get("/v1/score");
        assertEquals(405, get.status());
        assertEquals("POST", get.response().headers().firstValue("Allow").orElseThrow());
        ServiceClient.Answer post = client.post("/health", "{}");
        assertEquals(405, post.status());
        assertEquals("GET", post.response().headers().firstValue("Allow").orElseThrow());
        ServiceClient.Answer delete = client.send(HttpRequest.newBuilder(service.uri().resolve("/v1/metrics")).DELETE());
        assertEquals(405, delete.status());
    }

    @Test
    void anUnknownPathIsA404() {
        assertEquals(404, client.get("/v2/score").status());
        assertEquals(404, client.post("/v1/score/extra", SNAPSHOT).status());
        ServiceClient.Answer root = client.get("/");
        assertEquals(404, root.status());
        assertTrue(root.error().contains("/v1/score"), "a 404 lists the endpoints: " + root.text());
    }

    @Test
    void aBodyThatIsNotJsonInUtf8IsA415() {
        for (String type : new String[] {"text/plain", "application/xml", "application/json; charset=iso-8859-1", ";",
                ";;"}) {
            ServiceClient.Answer answer = client.send(HttpRequest.newBuilder(service.uri().resolve("/v1/score"))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(SNAPSHOT)));
            assertEquals(415, answer.status(), type);
        }
        ServiceClient.Answer none = client.send(HttpRequest.newBuilder(service.uri().resolve("/v1/score"))
                .POST(HttpRequest.BodyPublishers.ofString(SNAPSHOT)));
        assertEquals(415, none.status());
        ServiceClient.Answer charset = client.send(HttpRequest.newBuilder(service.uri().resolve("/v1/score"))
                .header("Content-Type", "Application/JSON; Charset=\"UTF-8\"")
                .POST(HttpRequest.BodyPublishers.ofString(SNAPSHOT)));
        assertEquals(200, charset.status(), charset.text());
    }

    @Test
    void aBodyOverTheCapIsA413() {
        ServiceClient smallClient = new ServiceClient(small.uri());
        String big = "{\"snapshots\": [" + (SNAPSHOT + ", ").repeat(60) + SNAPSHOT + "]}";
        assertTrue(big.length() > 4096);
        ServiceClient.Answer answer = smallClient.post("/v1/score", big);
        assertEquals(413, answer.status(), answer.text());
        assertTrue(answer.error().contains("4096"), answer.text());
        // Just under the cap is fine.
        assertEquals(200, smallClient.post("/v1/score", "{\"snapshots\": [" + SNAPSHOT + "]}").status());
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeTheBodyIsSent() throws IOException {
        // 10 MiB announced, 100 bytes sent: the answer must come without the server waiting for the rest.
        String head = "POST /v1/score HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (10 << 20) + "\r\n\r\n";
        RawAnswer answer = raw(service.port(), head.getBytes(StandardCharsets.US_ASCII), new byte[100]);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.body().contains("over the limit of 1048576 bytes"), answer.body());
    }

    @Test
    void aChunkedBodyIsCutAtTheCap() throws IOException {
        // Chunked, so no length is announced: the server reads up to the cap and answers without the end.
        String head = "POST /v1/score HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] chunk = " ".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < (1 << 20) / 8192 + 2; i++) {
            chunks.write(("2000\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(chunk);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        RawAnswer answer = raw(service.port(), head.getBytes(StandardCharsets.US_ASCII), chunks.toByteArray());
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.body().contains("more than 1048576 bytes"), answer.body());
    }

    @Test
    void anUnexpectedFailureIsALogged500WithAGenericMessage() throws IOException {
        HealthModel demo = KizunaService.demoScorecard();
        HealthModel broken = new HealthModel() {
            @Override
            public ModelDefinition definition() {
                return demo.definition();
            }

            @Override
            public HealthScore score(SignalSnapshot snapshot, Instant computedAt) {
                throw new IllegalStateException("a bug in a model");
            }
        };
        KizunaService failing = KizunaService.builder(broken, StarterPlaybooks.ruleSet()).port(0).threads(1).build();
        failing.start();
        try {
            ServiceClient c = new ServiceClient(failing.uri());
            ServiceClient.Answer answer = c.post("/v1/score", SNAPSHOT);
            assertEquals(500, answer.status());
            String id = answer.response().headers().firstValue("X-Request-Id").orElseThrow();
            assertEquals(id, answer.json().get("requestId").asText());
            assertTrue(!answer.text().contains("a bug in a model"), "no internals leak: " + answer.text());
            assertEquals(200, c.get("/health").status());
            assertEquals(500, c.post("/v1/score", SNAPSHOT).status());
        } finally {
            failing.stop(Duration.ZERO);
        }
    }

    @Test
    void everyAnswerCarriesARequestId() {
        ServiceClient.Answer a = client.get("/health");
        ServiceClient.Answer b = client.get("/nowhere");
        String first = a.response().headers().firstValue("X-Request-Id").orElseThrow();
        String second = b.response().headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(!first.equals(second));
    }

    // ---- raw HTTP, to send what the JDK's client will not ----

    record RawAnswer(int status, String body) {
    }

    private static RawAnswer raw(int port, byte[] head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = line(in);
            int length = -1;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            byte[] answer = in.readNBytes(Math.max(0, length));
            return new RawAnswer(Integer.parseInt(status.split(" ")[1]), new String(answer, StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                out.append((char) c);
            }
        }
        return out.toString();
    }

}
