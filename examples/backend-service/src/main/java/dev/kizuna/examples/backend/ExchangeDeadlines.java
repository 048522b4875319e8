package dev.kizuna.examples.backend;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time one exchange may hold a worker thread while it waits on its client: the request (line, headers
 * and body) must arrive within the request timeout from its first byte, and the answer must be taken within the
 * response timeout from the moment it is ready. Computing the answer has no deadline here: the service bounds the
 * work by bounding its input.
 *
 * <p>Why this way: on JDK 17 the built-in server reads the request line and headers on the worker, before any handler
 * runs, and its own timeouts ({@code sun.net.httpserver.maxReqTime} and {@code maxRspTime}) are system properties
 * read once per JVM, when its first server is created, so they can neither differ between services nor be set
 * reliably by a library. This executor runs every exchange of the server and, when a deadline passes while the
 * exchange still waits on its client, interrupts the worker: the server reads and writes through a blocking
 * {@link java.nio.channels.SocketChannel}, an interruptible channel, so the blocked read or write ends with an
 * {@link java.nio.channels.ClosedByInterruptException}, the channel is closed, and the server drops the connection
 * and frees the worker. A worker is interrupted only while its exchange is in a waiting phase, and its interrupt
 * status is cleared before it runs anything else.
 *
 * <p>The handler marks the phases of the exchange on its own thread: {@link #requestRead()} once it holds the whole
 * body, {@link #answering()} before it sends the answer. On a thread that is not running an exchange of this
 * executor (a test calling the handler directly, for example) both do nothing. Thread-safe.
 */
final class ExchangeDeadlines implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(KizunaService.class);
    private static final ThreadLocal<@Nullable Guard> CURRENT = new ThreadLocal<>();

    private final Executor workers;
    private final long requestNanos;
    private final long responseNanos;
    private final ScheduledThreadPoolExecutor timer;

    ExchangeDeadlines(Executor workers, Duration requestTimeout, Duration responseTimeout) {
        this.workers = workers;
        this.requestNanos = requestTimeout.toNanos();
        this.responseNanos = responseTimeout.toNanos();
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "kizuna-service-deadlines");
            t.setDaemon(true);
            return t;
        });
        // A cancelled deadline leaves the queue at once: one is cancelled for every request.
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable exchange) {
        workers.execute(() -> run(exchange));
    }

    /** Stops the timer; exchanges still running keep no deadline. */
    void shutdown() {
        timer.shutdownNow();
    }

    /**
     * Marks the end of the request on this thread: its deadline no longer applies.
     *
     * @throws InterruptedIOException if the deadline passed before: the request took too long and the connection is
     *                                being closed
     */
    static void requestRead() throws InterruptedIOException {
        Guard guard = CURRENT.get();
        if (guard != null) {
            guard.endWaiting();
        }
    }

    /** Marks the start of the answer on this thread: from now on the response deadline applies. */
    static void answering() {
        Guard guard = CURRENT.get();
        if (guard != null) {
            guard.startWaiting(Phase.RESPONSE);
        }
    }

    private void run(Runnable exchange) {
        Guard guard = new Guard(Thread.currentThread());
        CURRENT.set(guard);
        guard.startWaiting(Phase.REQUEST);
        try {
            exchange.run();
        } finally {
            guard.finish();
            CURRENT.remove();
            // No interrupt can come after finish(); one that came just before must not reach the next exchange.
            Thread.interrupted();
        }
    }

    private enum Phase {
        /** Waiting for the client's request. */
        REQUEST("its request did not arrive in full within %s ms"),
        /** Waiting for the client to take the answer. */
        RESPONSE("it did not take its answer within %s ms"),
        /** Computing: no deadline. */
        WORKING(""),
        /** The exchange is over. */
        DONE("");

        private final String timedOut;

        Phase(String timedOut) {
            this.timedOut = timedOut;
        }
    }

    /** The deadline of one exchange on one worker thread; its state changes only under its lock. */
    private final class Guard {
        private final Thread worker;
        private Phase phase = Phase.WORKING;
        private @Nullable ScheduledFuture<?> deadline;
        private boolean expired;

        Guard(Thread worker) {
            this.worker = worker;
        }

        synchronized void startWaiting(Phase waiting) {
            cancel();
            if (phase == Phase.DONE) {
                return;
            }
            phase = waiting;
            long nanos = waiting == Phase.REQUEST ? requestNanos : responseNanos;
            deadline = timer.schedule(() -> expire(waiting, nanos), nanos, TimeUnit.NANOSECONDS);
        }

        synchronized void endWaiting() throws InterruptedIOException {
            cancel();
            if (expired) {
                throw new InterruptedIOException("the request did not arrive in full in time");
            }
            phase = Phase.WORKING;
        }

        synchronized void finish() {
            cancel();
            phase = Phase.DONE;
        }

        private synchronized void expire(Phase waiting, long nanos) {
            if (phase != waiting) {
                return;
            }
            expired = true;
            LOG.warn("closing a connection from a slow client: {}", String.format(waiting.timedOut,
                    TimeUnit.NANOSECONDS.toMillis(nanos)));
            worker.interrupt();
        }

        private void cancel() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}
