package dev.kizuna.examples.backend;

import dev.kizuna.playbooks.starter.StarterPlaybooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.kizuna.examples.backend.RequestBodies.RED_VALUES;
import static dev.kizuna.examples.backend.RequestBodies.score;
import static dev.kizuna.examples.backend.RequestBodies.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slow client holds a worker only until its deadline: a service with ONE worker and one-second timeouts keeps
 * answering others while clients send half a request, stop sending a body, or do not take their answer, and closes
 * each such connection when its timeout is up. Before the deadlines, the first such client held the only worker
 * forever and every later request waited behind it.
 */
class KizunaServiceTimeoutsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Scheduling slack on a busy machine: the connection closes by the timeout plus this. */
    private static final long SLACK_MILLIS = 2_500;
    private static KizunaService service;

    @BeforeAll
    static void start() throws IOException {
        service = KizunaService.builder(KizunaService.demoScorecard(), StarterPlaybooks.ruleSet()).port(0).threads(1)
                .maxRequestBytes(4 << 20).requestTimeout(TIMEOUT).responseTimeout(TIMEOUT).build();
        service.start();
    }

    @AfterAll
    static void stop() {
        service.stop(Duration.ofSeconds(1));
    }

    @Test
    void aClientThatSendsHalfItsHeadersIsCutOffAndTheOnlyWorkerServesOthers() throws IOException {
        byte[] request = RawConnection.post("/v1/score", RequestBodies.SCORE_EXAMPLE);
        assertCutOffWhileOthersAreServed(Arrays.copyOf(request, 40));
    }

    @Test
    void aClientThatStopsHalfwayThroughItsBodyIsCutOffAndTheOnlyWorkerServesOthers() throws IOException {
        byte[] request = RawConnection.post("/v1/score", RequestBodies.SCORE_EXAMPLE);
        assertCutOffWhileOthersAreServed(Arrays.copyOf(request, request.length - 100));
    }

    @Test
    void aClientThatAnnouncesABodyOverTheCapAndStopsIsCutOffAfterItsAnswer() throws IOException {
        // The 413 goes out at once; then the server reads what is left of the body before it can close the exchange.
        byte[] head = ("POST /v1/score HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (64 << 20) + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII);
        try (RawConnection slow = new RawConnection(service.port(), 10_000)) {
            slow.send(head);
            RawConnection.Response refusal = slow.read();
            assertEquals(413, refusal.status(), refusal.body());
            long sent = System.nanoTime();
            assertOthersAreServed();
            slow.readUntilClosed();
            assertClosedInTime(sent);
        }
    }

    @Test
    void aClientThatDoesNotTakeItsAnswerIsCutOffAndTheOnlyWorkerServesOthers() throws IOException {
        // An answer of megabytes to a client with a small receive buffer that reads nothing: the server's writes
        // block once the socket buffers are full.
        List<String> snapshots = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            snapshots.add(snapshot("a-" + i, "2026-03-01T00:00:00Z", RED_VALUES));
        }
        byte[] request = RawConnection.post("/v1/score", score(snapshots.toArray(String[]::new)));
        // Computing the answer has no deadline: time it once (which also warms the code up) and allow for it.
        long computing = System.nanoTime();
        int length;
        try (RawConnection reader = new RawConnection(service.port(), 60_000)) {
            RawConnection.Response whole = reader.exchange(request);
            assertEquals(200, whole.status());
            length = whole.body().length();
        }
        long computeMillis = (System.nanoTime() - computing) / 1_000_000;
        try (RawConnection slow = new RawConnection(service.port(), 10_000, 4096)) {
            slow.send(request);
            long sent = System.nanoTime();
            assertOthersAreServed(computeMillis);
            sleepPast(sent, computeMillis + TIMEOUT.toMillis() + SLACK_MILLIS);
            long received = slow.readUntilClosed();
            assertTrue(received < length, "the answer of " + length + " bytes was cut off, but " + received
                    + " bytes came");
        }
    }

    private static void assertCutOffWhileOthersAreServed(byte[] part) throws IOException {
        try (RawConnection slow = new RawConnection(service.port(), 10_000)) {
            slow.send(part);
            long sent = System.nanoTime();
            assertOthersAreServed();
            long received = slow.readUntilClosed();
            assertEquals(0, received, "a request that never arrived in full gets no answer");
            assertClosedInTime(sent);
        }
    }

    /** Another client is answered within the timeout (plus slack), although the only worker was held. */
    private static void assertOthersAreServed() throws IOException {
        assertOthersAreServed(0);
    }

    private static void assertOthersAreServed(long computeMillis) throws IOException {
        long asked = System.nanoTime();
        long bound = computeMillis + TIMEOUT.toMillis() + SLACK_MILLIS;
        try (RawConnection other = new RawConnection(service.port(), (int) bound)) {
            assertEquals(200, other.exchange(RawConnection.get("/health")).status());
            assertEquals(200, other.exchange(RawConnection.post("/v1/score", RequestBodies.SCORE_EXAMPLE)).status());
        }
        long waited = (System.nanoTime() - asked) / 1_000_000;
        assertTrue(waited <= bound, "others waited " + waited + " ms");
    }

    private static void assertClosedInTime(long sent) {
        long open = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(open >= TIMEOUT.toMillis() - 100, "closed after " + open + " ms, before its timeout");
        assertTrue(open <= TIMEOUT.toMillis() + SLACK_MILLIS, "closed after " + open + " ms");
    }

    private static void sleepPast(long since, long millis) {
        long left = millis - (System.nanoTime() - since) / 1_000_000;
        if (left > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
