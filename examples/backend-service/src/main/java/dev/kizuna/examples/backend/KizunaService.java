package dev.kizuna.examples.backend;

import com.sun.net.httpserver.HttpServer;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.starter.StarterPlaybooks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kizuna inside a backend: an HTTP service on the JDK's built-in server ({@code com.sun.net.httpserver}) that answers
 * JSON with JSON, UTF-8.
 * <ul>
 *   <li>{@code POST /v1/score}: health scores of signal snapshots, with the contributions and a one-line reason;</li>
 *   <li>{@code POST /v1/plays}: the actions the playbooks recommend for accounts (a dry run), with audit reasons;</li>
 *   <li>{@code POST /v1/metrics}: a period's MRR bridge, logo churn, GRR and NRR from subscription events;</li>
 *   <li>{@code GET /health}: {@code {"status": "up"}}.</li>
 * </ul>
 * A refused request gets a 4xx and {@code {"error": "...", "path": "$.snapshots[3].values.logins"}}, the path being
 * that of the offending value when there is one; an unexpected failure is logged with the request id (also in the
 * {@code X-Request-Id} header of every answer) and answered 500 with a generic message. Client input never gets a
 * 500: every value of a request is held to documented bounds before anything computes with it (instants and dates
 * to 0001-01-01 through 9999-12-31, amounts as {@link dev.kizuna.core.Money#parseAmount} reads them, signal values to
 * their domains, counts of elements per endpoint). See the module's README for the limits.
 *
 * <p>A client holds a worker only while it sends its request, for at most the {@linkplain Builder#requestTimeout
 * request timeout}, and while it takes its answer, for at most the {@linkplain Builder#responseTimeout response
 * timeout}; then its connection is closed. Answers go out without Nagle's delay: loading this class sets
 * {@code sun.net.httpserver.nodelay} to {@code true} unless it is set, which the JDK's server reads once, when the
 * first server of the JVM is created (a host that creates a JDK server before should set it itself).
 *
 * <pre>{@code
 * KizunaService service = KizunaService.builder(model, StarterPlaybooks.ruleSet()).port(8080).build();
 * service.start();
 * ...
 * service.stop(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safe. One health model, one compiled playbook engine and one JSON mapper, all immutable or thread-safe,
 * are shared by the requests, which run on a fixed pool of threads. A service starts once and stops once.
 */
public final class KizunaService {
    private static final Logger LOG = LoggerFactory.getLogger(KizunaService.class);

    /** The port {@link #main} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8080;
    /** The default cap on a request body: 1 MiB. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    /** The largest cap a service accepts: the longest document {@link KizunaJson}'s mapper reads. */
    public static final int MAX_REQUEST_BYTES_LIMIT = (int) Math.min(Integer.MAX_VALUE - 8,
            KizunaJson.MAX_DOCUMENT_LENGTH);
    /** The default time {@link #stop()} lets requests in flight finish. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    /** The default time a client has to send a whole request, from its first byte: 10 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The default time a client has to take a whole answer, from when it is ready: 10 seconds. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** The longest request or response timeout a builder accepts: one hour. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    /** The JDK server's switch for TCP_NODELAY on the connections it accepts. */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    static {
        // Without it every answer on a keep-alive connection waits for the client's delayed ACK (about 40 ms on
        // Linux): the server writes the headers and the body separately, and Nagle's algorithm holds the body back
        // until the headers are acknowledged. The JDK reads the property once, when its first server is created.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private static final String DEMO_SCORECARD = "demo-scorecard.yaml";

    private final HealthModel model;
    private final RuleSet playbooks;
    private final InetSocketAddress address;
    private final int threads;
    private final @Nullable ExecutorService hostExecutor;
    private final int maxRequestBytes;
    private final Duration requestTimeout;
    private final Duration responseTimeout;

    private final Object lock = new Object();
    private @Nullable HttpServer server;
    private @Nullable ExecutorService executor;
    private @Nullable ExchangeDeadlines deadlines;
    private boolean stopped;

    private KizunaService(Builder b) {
        this.model = b.model;
        this.playbooks = b.playbooks;
        this.address = new InetSocketAddress(b.bindAddress, b.port);
        this.threads = b.threads;
        this.hostExecutor = b.executor;
        this.maxRequestBytes = b.maxRequestBytes;
        this.requestTimeout = b.requestTimeout;
        this.responseTimeout = b.responseTimeout;
    }

    /**
     * Returns a builder of a service that scores with {@code model} and recommends from {@code playbooks}, by default
     * on loopback port {@value #DEFAULT_PORT}, with a fixed pool of as many threads as processors (at least two), a
     * {@value #DEFAULT_MAX_REQUEST_BYTES}-byte cap on request bodies, and {@link #DEFAULT_REQUEST_TIMEOUT} and
     * {@link #DEFAULT_RESPONSE_TIMEOUT} for slow clients.
     */
    public static Builder builder(HealthModel model, RuleSet playbooks) {
        return new Builder(model, playbooks);
    }

    /**
     * Returns the demo scorecard ({@code demo-scorecard.yaml}, the one {@code kizuna demo} and {@code kizuna score}
     * use), created through the health model providers on the class path.
     */
    public static HealthModel demoScorecard() {
        String yaml;
        try (InputStream in = KizunaService.class.getResourceAsStream(DEMO_SCORECARD)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_SCORECARD + " is missing from the class path");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HealthModels models = HealthModels.load();
        return models.create(models.read(yaml, DefinitionFormat.YAML));
    }

    /** Returns the health model every request is scored with. */
    public HealthModel model() {
        return model;
    }

    /** Returns the playbooks every request is evaluated against. */
    public RuleSet playbooks() {
        return playbooks;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IOException           if the address cannot be bound (the port is taken, for example)
     * @throws IllegalStateException if the service was started before
     */
    public void start() throws IOException {
        synchronized (lock) {
            if (server != null || stopped) {
                throw new IllegalStateException("the service was started before; a service starts once");
            }
            ApiHandler handler = ApiHandler.create(model, playbooks, maxRequestBytes);
            HttpServer http = HttpServer.create(address, 0);
            http.createContext("/", handler);
            ExecutorService pool = hostExecutor != null ? hostExecutor
                    : Executors.newFixedThreadPool(threads, new Workers());
            ExchangeDeadlines guarded = new ExchangeDeadlines(pool, requestTimeout, responseTimeout);
            http.setExecutor(guarded);
            http.start();
            server = http;
            executor = hostExecutor == null ? pool : null;
            deadlines = guarded;
            LOG.info("Kizuna service listening on {} (model {}, {} playbooks, {} threads, bodies up to {} bytes,"
                    + " request timeout {} ms, response timeout {} ms)", uri(), model.id(),
                    playbooks.playbooks().size(), hostExecutor == null ? threads : "host's", maxRequestBytes,
                    requestTimeout.toMillis(), responseTimeout.toMillis());
        }
    }

    /** Stops the service, letting requests in flight finish for up to {@link #DEFAULT_GRACE}. */
    public void stop() {
        stop(DEFAULT_GRACE);
    }

    /**
     * Stops the service: closes the port at once, lets requests in flight finish for up to {@code grace}, then shuts
     * the service's own thread pool down (a host's executor is left to the host). Stopping twice, or a service that
     * never started, does nothing.
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace: " + grace + " must not be negative");
        }
        synchronized (lock) {
            stopped = true;
            HttpServer http = server;
            if (http == null) {
                return;
            }
            server = null;
            long seconds = Math.max(0, (grace.toMillis() + 999) / 1000);
            http.stop((int) Math.min(Integer.MAX_VALUE, seconds));
            ExecutorService pool = executor;
            executor = null;
            if (deadlines != null) {
                deadlines.shutdown();
                deadlines = null;
            }
            if (pool != null) {
                pool.shutdown();
                try {
                    if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                        pool.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
            LOG.info("Kizuna service stopped");
        }
    }

    /**
     * Returns the port the service listens on: the one bound, which is the ephemeral port chosen when the builder's
     * port was 0.
     *
     * @throws IllegalStateException if the service is not running
     */
    public int port() {
        return running().getAddress().getPort();
    }

    /** Returns the base URI, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress bound = running().getAddress();
        InetAddress host = bound.getAddress();
        String name = host.isAnyLocalAddress() ? "localhost" : host.getHostAddress();
        if (name.contains(":")) {
            name = "[" + name + "]";
        }
        return URI.create("http://" + name + ":" + bound.getPort() + "/");
    }

    private HttpServer running() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("the service is not running");
            }
            return server;
        }
    }

    /**
     * Starts the service with the demo scorecard and the starter playbooks and logs its URL. Options:
     * {@code --port N} (default {@value #DEFAULT_PORT}; 0 picks a free port), {@code --bind ADDRESS} (default
     * 127.0.0.1; 0.0.0.0 for every interface), {@code --threads N}, {@code --max-request-bytes N},
     * {@code --request-timeout SECONDS}, {@code --response-timeout SECONDS}. The service stops gracefully when the JVM
     * shuts down (Ctrl-C).
     */
    public static void main(String[] args) throws IOException {
        Builder b;
        try {
            b = builder(demoScorecard(), StarterPlaybooks.ruleSet());
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    System.out.println(USAGE);
                    return;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + ": a value is missing");
                }
                String value = args[++i];
                switch (option) {
                    case "--port" -> b.port(number(option, value));
                    case "--bind" -> b.bindAddress(address(value));
                    case "--threads" -> b.threads(number(option, value));
                    case "--max-request-bytes" -> b.maxRequestBytes(number(option, value));
                    case "--request-timeout" -> b.requestTimeout(Duration.ofSeconds(number(option, value)));
                    case "--response-timeout" -> b.responseTimeout(Duration.ofSeconds(number(option, value)));
                    default -> throw new IllegalArgumentException(option + ": unknown option");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("kizuna-service: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        KizunaService service = b.build();
        service.start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "kizuna-service-shutdown"));
    }

    private static final String USAGE = "usage: java -jar kizuna-service.jar [--port N] [--bind ADDRESS]"
            + " [--threads N] [--max-request-bytes N] [--request-timeout SECONDS] [--response-timeout SECONDS]";

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a whole number");
        }
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: '" + value + "' is not an address of this host");
        }
    }

    /** Names the pool's threads, so that logs and thread dumps say whose they are. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, "kizuna-service-" + count.incrementAndGet());
        }
    }

    /** Builds a {@link KizunaService}. Not thread-safe; the service it builds is. */
    public static final class Builder {
        private final HealthModel model;
        private final RuleSet playbooks;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = DEFAULT_PORT;
        private int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private @Nullable ExecutorService executor;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

        private Builder(HealthModel model, RuleSet playbooks) {
            this.model = Objects.requireNonNull(model, "model");
            this.playbooks = Objects.requireNonNull(playbooks, "playbooks");
        }

        /** Sets the address to listen on. Default: the loopback address. */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** Sets the port, 0 to 65535; 0 lets the system choose a free one (see {@link #port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port: " + port + " must be between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** Sets the size of the service's own fixed thread pool, 1 to 1024. */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("threads: " + threads + " must be between 1 and 1024");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Runs requests on the host's executor instead of the service's own pool. The host bounds it and shuts it
         * down; {@link KizunaService#stop} leaves it running.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Sets the cap on a request body, in bytes; a larger body is refused with 413. Default 1 MiB. */
        public Builder maxRequestBytes(int maxRequestBytes) {
            if (maxRequestBytes < 1 || maxRequestBytes > MAX_REQUEST_BYTES_LIMIT) {
                throw new IllegalArgumentException("maxRequestBytes: " + maxRequestBytes + " must be between 1 and "
                        + MAX_REQUEST_BYTES_LIMIT);
            }
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /**
         * Sets the time a client has to send a whole request (request line, headers and body), counted from its first
         * byte; a client still sending then has its connection closed, without an answer, and the worker it held is
         * free again. From 1 ms to {@link #MAX_TIMEOUT}; default {@link #DEFAULT_REQUEST_TIMEOUT}.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = timeout("requestTimeout", requestTimeout);
            return this;
        }

        /**
         * Sets the time a client has to take a whole answer, counted from when the answer is ready (computing it is
         * not counted); a client still reading then has its connection closed. From 1 ms to {@link #MAX_TIMEOUT};
         * default {@link #DEFAULT_RESPONSE_TIMEOUT}.
         */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = timeout("responseTimeout", responseTimeout);
            return this;
        }

        private static Duration timeout(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException(name + ": " + value + " must be between 1 ms and " + MAX_TIMEOUT);
            }
            return value;
        }

        /** Builds the service, not yet started. */
        public KizunaService build() {
            return new KizunaService(this);
        }
    }
}
