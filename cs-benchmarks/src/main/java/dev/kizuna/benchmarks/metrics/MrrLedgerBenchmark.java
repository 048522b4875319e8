package dev.kizuna.benchmarks.metrics;

import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.sample.DemoPortfolio;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The monthly MRR bridge of {@code size} customers with 36 months of subscription events, computed by Kizuna's
 * {@link MrrLedger} and by DuckDB's SQL ({@link DuckDbMrr}) in the same run, each on one thread (DuckDB with
 * {@code SET threads = 1}). The equivalence tests prove both give identical months.
 *
 * <ul>
 *   <li>{@link #kizuna}: builds the ledger from the event list and summarises every month;</li>
 *   <li>{@link #duckDb}: runs the SQL over the events already in DuckDB's table (loading is set-up);</li>
 *   <li>{@link #duckDbWithLoad}: loads the events with DuckDB's appender, then runs the SQL: what a host pays when its
 *       events are in Java objects, as Kizuna's input is.</li>
 * </ul>
 * The primary score is bridges per second; the {@code events} counter is events per second. Run with
 * {@code java -jar cs-benchmarks/target/benchmarks.jar MrrLedgerBenchmark -p size=100000}. The fork uses the
 * throughput collector, as {@link LedgerScalingBenchmark} explains; DuckDB's memory is its own and no collector
 * touches it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Threads(1)
public class MrrLedgerBenchmark {
    @Param("100000")
    public int size;

    private List<SubscriptionEvent> events;
    private LocalDate first;
    private LocalDate last;
    private DuckDbMrr duckDb;
    private DuckDbMrr reloaded;

    /** Counts the events each operation read, so that JMH reports events per second beside operations per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class EventCounter {
        /** Events read. */
        public long events;
    }

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        Portfolio portfolio = DemoPortfolio.builder().accounts(size).subscriptionsOnly().build();
        events = portfolio.subscriptionEvents();
        first = portfolio.start();
        last = portfolio.asOf().minusDays(1);
        duckDb = DuckDbMrr.open(1);
        duckDb.load(events);
        reloaded = DuckDbMrr.open(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        duckDb.close();
        reloaded.close();
    }

    /** Kizuna: the ledger of every event, then the bridge of every month. */
    @Benchmark
    public List<PeriodSummary> kizuna(EventCounter counter) {
        counter.events += events.size();
        return MrrLedger.build(events).summaries(ReportingPeriod.MONTH, first, last);
    }

    /** DuckDB: the SQL over the loaded table, every month read back. */
    @Benchmark
    public List<MonthlyBridge> duckDb(EventCounter counter) throws SQLException {
        counter.events += events.size();
        return duckDb.monthly(first, last, LedgerOptions.defaults());
    }

    /** DuckDB: loading the events with the appender, then the SQL. */
    @Benchmark
    public List<MonthlyBridge> duckDbWithLoad(EventCounter counter) throws SQLException {
        counter.events += events.size();
        reloaded.reset();
        reloaded.load(events);
        return reloaded.monthly(first, last, LedgerOptions.defaults());
    }
}
