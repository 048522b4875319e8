package dev.kizuna.examples.backend;

import dev.kizuna.playbooks.starter.StarterPlaybooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers on a keep-alive connection go out at once. The JDK's server writes an answer's headers and body separately;
 * with Nagle's algorithm on, the body waited for the client's delayed acknowledgement of the headers, about 40 ms on
 * Linux, so every request on a kept-alive connection took at least that long (the issue measured 361 requests a
 * second against 1,788 with TCP_NODELAY). Not a speed target: a floor of 40 ms against answers that take about one.
 */
class KizunaServiceLatencyTest {
    private static final int REQUESTS = 50;
    private static KizunaService service;

    @BeforeAll
    static void start() throws IOException {
        service = KizunaService.builder(KizunaService.demoScorecard(), StarterPlaybooks.ruleSet()).port(0).threads(2)
                .build();
        service.start();
    }

    @AfterAll
    static void stop() {
        service.stop(Duration.ofSeconds(1));
    }

    @Test
    void theServiceTurnsNaglesAlgorithmOffForTheJdksServer() {
        assertEquals("true", System.getProperty(KizunaService.NODELAY));
    }

    @Test
    void sequentialRequestsOnOneKeptAliveConnectionDoNotWaitForDelayedAcknowledgements() throws IOException {
        byte[] score = RawConnection.post("/v1/score", RequestBodies.SCORE_EXAMPLE);
        byte[] health = RawConnection.get("/health");
        try (RawConnection connection = new RawConnection(service.port(), 10_000)) {
            for (int i = 0; i < 20; i++) {
                assertEquals(200, connection.exchange(i % 2 == 0 ? score : health).status());
            }
            long[] millis = new long[REQUESTS];
            long began = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                assertEquals(200, connection.exchange(i % 2 == 0 ? score : health).status());
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            Arrays.sort(millis);
            long median = millis[REQUESTS / 2];
            System.out.printf("keep-alive: %d sequential requests, median %d ms, max %d ms, %.0f requests/s%n",
                    REQUESTS, median, millis[REQUESTS - 1], REQUESTS / seconds);
            assertTrue(median < 20, "the median request took " + median + " ms: " + Arrays.toString(millis));
        }
    }
}
