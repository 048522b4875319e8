package dev.kizuna.benchmarks.clv;

import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.ClvHorizon;
import dev.kizuna.metrics.clv.CustomerLifetimeValue;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.ParetoNbdModel;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Batch predictions for {@code size} customers (one million by default) on one thread: P(alive), the conditional
 * expected transactions E[Y(t) | x, t_x, T] over {@code horizon} weeks, and a 12-month CLV. The customers are a
 * simulated CDNOW-like cohort ({@link ClvData#simulated}: first purchases over a quarter, times in whole days or
 * continuous), and
 * the models carry the published CDNOW estimates: BG/NBD of Fader, Hardie and Lee (2005), Pareto/NBD of Fader and
 * Hardie's note on the Pareto/NBD, and Gamma-Gamma of Fader, Hardie and Lee's iso-value paper.
 *
 * <p>The target is under one second per million customers for P(alive) and E[Y(t)]. The results are written into
 * a preallocated array, as a host scoring its whole base would do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ClvPredictBenchmark {
    private static final BgNbdModel BG_NBD = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    private static final ParetoNbdModel PARETO_NBD = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669);
    private static final GammaGammaModel GAMMA_GAMMA = GammaGammaModel.of(6.25, 3.74, 15.44);
    private static final ClvHorizon TWELVE_MONTHS = ClvHorizon.months(12, RfmTimeUnit.WEEKS, 0.01);

    @Param("1000000")
    public int size;

    /** The prediction horizon in weeks: the 39-week CDNOW holdout, or three years. */
    @Param({"39", "156"})
    public double horizon;

    /**
     * How the customers' times are measured: in whole days, as a transaction log gives them (customers share
     * (x, T) pairs, which the batch methods evaluate once each), or continuous (no two alike: the worst case).
     */
    @Param({"days", "continuous"})
    public String times;

    private int[] x;
    private double[] recency;
    private double[] age;
    private double[] spend;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        RfmSummary summary = ClvData.simulated(size, 7, times.equals("days"));
        x = summary.frequencies();
        recency = summary.recencies();
        age = summary.ages();
        spend = summary.meanRepeatSpends();
        out = new double[size];
    }

    /** BG/NBD P(alive) of every customer. */
    @Benchmark
    public double[] bgNbdProbabilityAlive() {
        BG_NBD.probabilityAlive(x, recency, age, out);
        return out;
    }

    /** BG/NBD E[Y(horizon) | x, t_x, T] of every customer. */
    @Benchmark
    public double[] bgNbdConditionalExpectedTransactions() {
        BG_NBD.conditionalExpectedTransactions(horizon, x, recency, age, out);
        return out;
    }

    /** Pareto/NBD P(alive) of every customer: two 2F1 evaluations each. */
    @Benchmark
    public double[] paretoNbdProbabilityAlive() {
        PARETO_NBD.probabilityAlive(x, recency, age, out);
        return out;
    }

    /** Pareto/NBD E[Y(horizon) | x, t_x, T] of every customer. */
    @Benchmark
    public double[] paretoNbdConditionalExpectedTransactions() {
        PARETO_NBD.conditionalExpectedTransactions(horizon, x, recency, age, out);
        return out;
    }

    /** The 12-month CLV (monthly discount 1%) of every customer from BG/NBD and Gamma-Gamma: twelve E[Y(t)] each. */
    @Benchmark
    public double[] bgNbdCustomerLifetimeValue() {
        CustomerLifetimeValue.of(BG_NBD, GAMMA_GAMMA, TWELVE_MONTHS, x, recency, age, spend, out);
        return out;
    }
}
