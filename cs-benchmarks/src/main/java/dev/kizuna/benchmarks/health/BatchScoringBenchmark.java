package dev.kizuna.benchmarks.health;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.batch.BatchReport;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.scorecard.ScorecardModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Scoring a whole customer base: {@code size} accounts through a 12-measure scorecard (five groups, every kind of
 * normaliser, a cap), one operation scoring all of them. Accounts per second are {@code size} divided by the time
 * per operation. All in one run:
 * <ol>
 *   <li>{@link #batch()}: the columnar batch path, {@link BatchScorer} over a {@link SignalFrame}, one thread, in a
 *       JVM started with {@code --add-modules jdk.incubator.vector}, so that its SIMD loops run;</li>
 *   <li>{@link #batchPlainLoops()}: the same in a JVM without that module: the plain loops;</li>
 *   <li>{@link #batchParallel()}: the same on two threads (the caller and one pool thread);</li>
 *   <li>{@link #objectPath}: the same accounts through {@link ScorecardModel#score}, one {@link SignalSnapshot} and
 *       one {@link HealthScore} per account;</li>
 *   <li>{@link #mapBaseline}: what a typical backend writes, a {@code Map<String, Double>} per account, a lookup per
 *       measure, a clamped linear normalisation and a weighted sum;</li>
 *   <li>{@link #plainLoop()}: the physical reference, a loop that reads the same twelve columns and sums them.</li>
 * </ol>
 * Targets, as ratios in one run on one core: batch at least 20x the map baseline, and at 10M accounts at least 50%
 * of the plain loop's throughput.
 *
 * <p>The object path and the map baseline hold at most {@value #POOL} accounts' objects (ten million maps or
 * snapshots would need about 10 GB) and cycle through them; a million scattered objects are far beyond any cache
 * already, so the cost per account is what it would be with ten million. Data are generated from a fixed seed, a
 * column at a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
public class BatchScoringBenchmark {
    /** The most accounts the object path and the map baseline hold objects for. */
    static final int POOL = 1_000_000;
    static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    static final SignalName[] SIGNALS = {
            SignalName.USAGE_ACTIVE_USERS, SignalName.USAGE_LOGINS_30D, SignalName.USAGE_TREND_30D,
            SignalName.ADOPTION_FEATURE_BREADTH, SignalName.ENGAGEMENT_DAU_MAU,
            SignalName.ENGAGEMENT_LICENCE_UTILISATION, SignalName.SENTIMENT_NPS, SignalName.SENTIMENT_CSAT,
            SignalName.SUPPORT_OPEN_TICKETS, SignalName.SUPPORT_ESCALATED_TICKETS,
            SignalName.COMMERCIAL_PAYMENT_ISSUES, SignalName.COMMERCIAL_MRR_CHANGE_90D};

    /** How many accounts one operation scores. */
    @Param({"100000", "1000000", "10000000"})
    public int size;

    double[][] columns;
    SignalFrame frame;
    ScorecardModel model;
    BatchScorer serial;
    BatchScorer parallel;
    ExecutorService helper;
    double[] values;
    byte[] bands;

    @Setup(Level.Trial)
    public void setUp() {
        columns = columns(size);
        SignalFrame.Builder b = SignalFrame.builder(size, NOW);
        for (int s = 0; s < SIGNALS.length; s++) {
            b.column(SIGNALS[s], columns[s]);
        }
        frame = b.build();
        model = ScorecardModel.of(ScorecardBenchmark.scorecard());
        serial = BatchScorer.of(model);
        helper = Executors.newFixedThreadPool(1, r -> {
            Thread t = new Thread(r, "batch-helper");
            t.setDaemon(true);
            return t;
        });
        parallel = BatchScorer.of(model).parallel(helper, 2);
        values = new double[size];
        bands = new byte[size];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        helper.shutdownNow();
    }

    /**
     * The accounts' signals, a column at a time from one seed per column: usage, engagement and sentiment follow a
     * hidden health, as in a real book. Every value is present.
     */
    static double[][] columns(int n) {
        double[] health = new double[n];
        SplittableRandom h = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            health[i] = h.nextDouble();
        }
        double[][] c = new double[SIGNALS.length][n];
        for (int s = 0; s < SIGNALS.length; s++) {
            SplittableRandom r = new SplittableRandom(1_000 + s);
            double[] col = c[s];
            for (int i = 0; i < n; i++) {
                double x = health[i];
                double u = r.nextDouble();
                switch (s) {
                    case 0: col[i] = Math.round(5 + x * 400 * u); break;
                    case 1: col[i] = Math.round(x * 350 * u); break;
                    case 2: col[i] = -0.5 + x * 0.8 * u; break;
                    case 3: col[i] = x * u; break;
                    case 4: col[i] = 0.02 + 0.5 * x * u; break;
                    case 5: col[i] = 0.1 + x * u; break;
                    case 6: col[i] = Math.round(-80 + 170 * x * u); break;
                    case 7: col[i] = 0.4 + 0.6 * x * u; break;
                    case 8: col[i] = Math.floor(u * (1 + 8 * (1 - x))); break;
                    // Escalated tickets are among the open ones (column 8).
                    case 9: col[i] = Math.min(c[8][i], x < 0.2 ? Math.floor(u * 4) : 0); break;
                    case 10: col[i] = x < 0.3 ? Math.floor(u * 3) : 0; break;
                    default: col[i] = -0.3 + 0.45 * x * u; break;
                }
            }
        }
        return c;
    }

    /** The snapshots of the first {@link #POOL} accounts, for the object path. */
    @State(Scope.Benchmark)
    public static class Snapshots {
        SignalSnapshot[] snapshots;

        @Setup(Level.Trial)
        public void setUp(BatchScoringBenchmark b) {
            snapshots = new SignalSnapshot[Math.min(b.size, POOL)];
            for (int i = 0; i < snapshots.length; i++) {
                SignalSnapshot.Builder s = SignalSnapshot.builder(AccountId.of("acct-" + i), NOW);
                for (int c = 0; c < SIGNALS.length; c++) {
                    s.put(SIGNALS[c], b.columns[c][i]);
                }
                snapshots[i] = s.build();
            }
        }
    }

    /** The accounts as a typical backend holds them: a map of signal name to value each, at most {@link #POOL}. */
    @State(Scope.Benchmark)
    public static class Maps {
        static final String[] NAMES = new String[SIGNALS.length];
        /** Each signal's lower bound, scale to 0-100 and weight: a hand-written linear scorecard. */
        static final double[] LOW = {0, 0, -0.5, 0, 0.05, 0, -100, 0.5, 6, 3, 2, -0.3};
        static final double[] SCALE = {100 / 500.0, 100 / 300.0, 100 / 0.8, 100 / 0.8, 100 / 0.45, 100.0, 0.5,
            200.0, -100 / 6.0, -100 / 3.0, -50.0, 250.0};
        static final double[] WEIGHT = {0.13125, 0.0875, 0.0875, 0.04375, 0.1, 0.1, 0.1333, 0.0667, 0.1, 0.05,
            0.05, 0.05};

        static {
            for (int s = 0; s < SIGNALS.length; s++) {
                NAMES[s] = SIGNALS[s].value();
            }
        }

        Map<String, Double>[] accounts;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void setUp(BatchScoringBenchmark b) {
            accounts = new Map[Math.min(b.size, POOL)];
            for (int i = 0; i < accounts.length; i++) {
                Map<String, Double> m = new HashMap<>();
                for (int c = 0; c < SIGNALS.length; c++) {
                    m.put(NAMES[c], b.columns[c][i]);
                }
                accounts[i] = m;
            }
        }
    }

    /** Scores every account through the batch path on one thread. */
    @Benchmark
    public BatchReport batch() {
        return serial.scoreInto(frame, values, bands);
    }

    /**
     * Scores every account through the batch path on one thread, in a JVM without the Vector API: the plain loops
     * that any Java 17 runs.
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
    public BatchReport batchPlainLoops() {
        return serial.scoreInto(frame, values, bands);
    }

    /** Scores every account through the batch path on two threads. */
    @Benchmark
    public BatchReport batchParallel() {
        return parallel.scoreInto(frame, values, bands);
    }

    /** Scores every account through the object path: a snapshot in, a score with its contributions out. */
    @Benchmark
    public double[] objectPath(Snapshots s) {
        SignalSnapshot[] pool = s.snapshots;
        for (int i = 0, k = 0; i < size; i++, k = k + 1 == pool.length ? 0 : k + 1) {
            HealthScore score = model.score(pool[k], NOW);
            values[i] = score.isScored() ? score.value().getAsDouble() : Double.NaN;
        }
        return values;
    }

    /** The typical backend: a map lookup per measure, a clamped linear normalisation, a weighted sum. */
    @Benchmark
    public double[] mapBaseline(Maps m) {
        Map<String, Double>[] pool = m.accounts;
        String[] names = Maps.NAMES;
        for (int i = 0, k = 0; i < size; i++, k = k + 1 == pool.length ? 0 : k + 1) {
            Map<String, Double> account = pool[k];
            double sum = 0;
            for (int s = 0; s < names.length; s++) {
                Double v = account.get(names[s]);
                if (v != null) {
                    double sub = (v - Maps.LOW[s]) * Maps.SCALE[s];
                    sum += Maps.WEIGHT[s] * Math.max(0, Math.min(100, sub));
                }
            }
            values[i] = sum;
        }
        return values;
    }

    /** The physical reference: read the twelve columns and sum them, nothing else. */
    @Benchmark
    public double plainLoop() {
        double[][] c = columns;
        double[] c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5];
        double[] c6 = c[6], c7 = c[7], c8 = c[8], c9 = c[9], c10 = c[10], c11 = c[11];
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += c0[i] + c1[i] + c2[i] + c3[i] + c4[i] + c5[i] + c6[i] + c7[i] + c8[i] + c9[i] + c10[i] + c11[i];
        }
        return total;
    }
}
