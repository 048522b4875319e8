package dev.kizuna.examples.backend;

import dev.kizuna.playbooks.starter.StarterPlaybooks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kizuna.examples.backend.RequestBodies.METRICS_EXAMPLE;
import static dev.kizuna.examples.backend.RequestBodies.PLAYS_EXAMPLE;
import static dev.kizuna.examples.backend.RequestBodies.SCORE_EXAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded load test on loopback: several clients on kept-alive connections send a fixed number of requests that mix
 * good ones with hostile ones (malformed JSON, huge numbers, dates a billion years away, bodies over the cap, wrong
 * paths and methods) while other clients send half a request and stop. It stops by itself, and asserts that no
 * request got a 500 or an unexpected status, that every request sent in full got an answer (no dropped connection),
 * that every half-sent one was cut off by the request timeout, and that the heap after the run is where it was after
 * the warm-up. It prints the throughput and the 99th percentile of the latency.
 *
 * <p>{@code -Dkizuna.loadtest.requests=N} runs it longer (default {@value #DEFAULT_REQUESTS} requests).
 */
class KizunaServiceLoadTest {
    private static final int DEFAULT_REQUESTS = 3_000;
    private static final int CLIENTS = 6;
    private static final int SLOW_CLIENTS = 2;
    private static final int WORKERS = 4;
    private static final int MAX_REQUEST_BYTES = 16 << 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** The most the heap may grow from after the warm-up to the end, after a full collection each time. */
    private static final long HEAP_MARGIN = 8L << 20;

    /** One kind of request, what it should get, and the request itself. */
    private record Kind(String name, int expected, byte[] request) {
    }

    private static final List<Kind> MIX = List.of(
            new Kind("health", 200, RawConnection.get("/health")),
            new Kind("score", 200, RawConnection.post("/v1/score", SCORE_EXAMPLE)),
            new Kind("plays", 200, RawConnection.post("/v1/plays", PLAYS_EXAMPLE)),
            new Kind("metrics", 200, RawConnection.post("/v1/metrics", METRICS_EXAMPLE)),
            new Kind("malformed JSON", 400, RawConnection.post("/v1/score",
                    SCORE_EXAMPLE.substring(0, SCORE_EXAMPLE.length() / 2))),
            new Kind("a number beyond a double", 400, RawConnection.post("/v1/score",
                    SCORE_EXAMPLE.replace("\"sentiment.nps\": -10", "\"sentiment.nps\": 1e400"))),
            new Kind("an amount of 1e200000", 400, RawConnection.post("/v1/metrics",
                    METRICS_EXAMPLE.replaceFirst("\"50.00\"", "\"1e200000\""))),
            new Kind("asOf a billion years away", 400, RawConnection.post("/v1/plays",
                    PLAYS_EXAMPLE.replace("\"asOf\": \"2026-03-02T00:00:00Z\"",
                            "\"asOf\": \"+1000000000-01-01T00:00:00Z\""))),
            new Kind("a period of two billion years", 400, RawConnection.post("/v1/metrics",
                    METRICS_EXAMPLE.replace("\"month\": \"2026-02\"",
                            "\"from\": \"-999999999-01-01\", \"to\": \"+999999999-12-31\""))),
            new Kind("a body over the cap", 413, RawConnection.post("/v1/score",
                    SCORE_EXAMPLE.replace("]}", "]" + " ".repeat(MAX_REQUEST_BYTES) + "}"))),
            new Kind("an unknown field", 400, RawConnection.post("/v1/plays",
                    PLAYS_EXAMPLE.replace("{\"asOf\"", "{\"extra\": 1, \"asOf\""))),
            new Kind("an unknown path", 404, RawConnection.get("/v2/score")),
            new Kind("a wrong method", 405, RawConnection.get("/v1/score")));

    @Test
    void mixedGoodAndHostileRequestsGetNo500NoDroppedConnectionAndLeaveTheHeapAsItWas() throws Exception {
        int requests = Integer.getInteger("kizuna.loadtest.requests", DEFAULT_REQUESTS);
        KizunaService service = KizunaService.builder(KizunaService.demoScorecard(), StarterPlaybooks.ruleSet())
                .port(0).threads(WORKERS).maxRequestBytes(MAX_REQUEST_BYTES).requestTimeout(TIMEOUT)
                .responseTimeout(TIMEOUT).build();
        service.start();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + SLOW_CLIENTS);
        try {
            run(service.port(), clients, Math.max(CLIENTS, requests / 10), 0);
            long warm = heapAfterCollection();
            Run run = run(service.port(), clients, requests, SLOW_CLIENTS);
            long end = heapAfterCollection();

            long[] latencies = run.latencies();
            Arrays.sort(latencies);
            long p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1];
            System.out.printf("load: %d requests (%d clients, %d workers) in %.2f s: %.0f requests/s, p99 %.1f ms,"
                            + " median %.1f ms; %d half-sent requests cut off; heap %d MiB after warm-up, %d MiB at"
                            + " the end%n", latencies.length, CLIENTS, WORKERS, run.seconds(),
                    latencies.length / run.seconds(), p99 / 1e6, latencies[latencies.length / 2] / 1e6,
                    run.cutOff(), warm >> 20, end >> 20);

            assertEquals(List.of(), run.wrong(), "every request gets the status its kind should");
            assertEquals(0, run.serverErrors(), "no request gets a 500");
            assertEquals(0, run.dropped(), "every request sent in full gets an answer");
            assertEquals(requests / CLIENTS * CLIENTS, latencies.length);
            assertEquals(0, run.notCutOff(), "every half-sent request is cut off by the request timeout");
            assertTrue(run.cutOff() > 0, "the slow clients ran alongside");
            assertTrue(end <= warm + HEAP_MARGIN, "the heap grew from " + (warm >> 20) + " MiB to " + (end >> 20)
                    + " MiB");
        } finally {
            clients.shutdownNow();
            service.stop(Duration.ofSeconds(1));
        }
    }

    /** What one run saw. */
    private record Run(long[] latencies, double seconds, List<String> wrong, int serverErrors, int dropped,
                       int cutOff, int notCutOff) {
    }

    private static Run run(int port, ExecutorService pool, int requests, int slowClients) throws Exception {
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        AtomicInteger notCutOff = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        int each = requests / CLIENTS;
        long[][] latencies = new long[CLIENTS][each];
        List<Future<?>> slow = new ArrayList<>();
        for (int s = 0; s < slowClients; s++) {
            slow.add(pool.submit(() -> sendHalves(port, done, cutOff, notCutOff)));
        }
        List<Future<?>> fast = new ArrayList<>();
        long began = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            fast.add(pool.submit(() -> {
                send(port, client, latencies[client], wrong, serverErrors, dropped);
                return null;
            }));
        }
        for (Future<?> f : fast) {
            f.get(10, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        done.set(true);
        for (Future<?> f : slow) {
            f.get(1, TimeUnit.MINUTES);
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
        return new Run(all, seconds, List.copyOf(wrong), serverErrors.get(), dropped.get(), cutOff.get(),
                notCutOff.get());
    }

    /** One client on a kept-alive connection, opening another only when the server closes it. */
    private static void send(int port, int client, long[] latencies, List<String> wrong, AtomicInteger serverErrors,
                             AtomicInteger dropped) throws IOException {
        RawConnection connection = new RawConnection(port, 30_000);
        try {
            for (int i = 0; i < latencies.length; i++) {
                Kind kind = MIX.get((client * 7 + i) % MIX.size());
                long start = System.nanoTime();
                RawConnection.Response response;
                try {
                    response = connection.exchange(kind.request());
                } catch (IOException e) {
                    dropped.incrementAndGet();
                    wrong.add(kind.name() + ": " + e);
                    connection.close();
                    connection = new RawConnection(port, 30_000);
                    continue;
                } finally {
                    latencies[i] = System.nanoTime() - start;
                }
                if (response.status() == 500) {
                    serverErrors.incrementAndGet();
                }
                if (response.status() != kind.expected()) {
                    wrong.add(kind.name() + " got " + response.status() + ": " + response.body());
                }
                if (response.closes()) {
                    connection.close();
                    connection = new RawConnection(port, 30_000);
                }
            }
        } finally {
            connection.close();
        }
    }

    /** Sends half a request and waits for the server to close the connection, again and again. */
    private static Void sendHalves(int port, AtomicBoolean done, AtomicInteger cutOff, AtomicInteger notCutOff)
            throws IOException {
        byte[] request = RawConnection.post("/v1/plays", PLAYS_EXAMPLE);
        byte[] half = Arrays.copyOf(request, request.length / 2);
        while (!done.get()) {
            try (RawConnection connection = new RawConnection(port, (int) TIMEOUT.toMillis() + 5_000)) {
                connection.send(half);
                connection.readUntilClosed();
                cutOff.incrementAndGet();
            } catch (SocketTimeoutException e) {
                notCutOff.incrementAndGet();
            }
        }
        return null;
    }

    private static long heapAfterCollection() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // The least of a few full collections: a collection can leave garbage of the moment behind.
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
