package dev.kizuna.benchmarks.metrics;

import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.metrics.revenue.SubscriptionEventFrame;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the ledger's cost grows with the book: the ledger and monthly bridge of 10k, 100k and 1M customers with 36
 * months of events. The primary score is the time of one ledger and bridge; the {@code events} counter divides it by
 * the events read, the cost per event, which should stay flat as the book grows.
 *
 * <p>The demo portfolio has about 2.7 events per customer: 27 thousand events at 10k customers, 2.7 million at 1M.
 * The fork uses the throughput collector ({@code -XX:+UseParallelGC}): building a ledger is a batch job that allocates
 * a few large arrays, and G1's write barriers and humongous-array handling cost it up to twice as much at 1M
 * customers (run with {@code -jvmArgsAppend "-Xms8g -Xmx8g"} to see G1).
 *
 * <p>Two inputs: {@link #ledgerAndMonthlyBridge} reads the {@code SubscriptionEvent} objects;
 * {@link #frameLedgerAndMonthlyBridge} reads the same events held as a {@link SubscriptionEventFrame}, built in
 * set-up as a host that loads its events from a database or Parquet file would hold them, in the portfolio's order
 * (by date, so the accounts are interleaved).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
@Threads(1)
public class LedgerScalingBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int size;

    private List<SubscriptionEvent> events;
    private SubscriptionEventFrame frame;
    private LocalDate first;
    private LocalDate last;

    /** Counts the events each operation read, so that JMH reports the time per event. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class EventCounter {
        /** Events read. */
        public long events;
    }

    @Setup(Level.Trial)
    public void setUp() {
        Portfolio portfolio = DemoPortfolio.builder().accounts(size).subscriptionsOnly().build();
        events = portfolio.subscriptionEvents();
        frame = SubscriptionEventFrame.of(events);
        first = portfolio.start();
        last = portfolio.asOf().minusDays(1);
    }

    /** The ledger of every event, then the bridge of every month. */
    @Benchmark
    public List<PeriodSummary> ledgerAndMonthlyBridge(EventCounter counter) {
        counter.events += events.size();
        return MrrLedger.build(events).summaries(ReportingPeriod.MONTH, first, last);
    }

    /** The ledger of the same events held in columns, then the bridge of every month. */
    @Benchmark
    public List<PeriodSummary> frameLedgerAndMonthlyBridge(EventCounter counter) {
        counter.events += frame.rows();
        return MrrLedger.build(frame, LedgerOptions.defaults()).summaries(ReportingPeriod.MONTH, first, last);
    }
}
