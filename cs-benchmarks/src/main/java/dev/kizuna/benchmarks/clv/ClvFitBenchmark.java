package dev.kizuna.benchmarks.clv;

import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.FitOptions;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.ParetoNbdModel;
import dev.kizuna.metrics.clv.RfmSummary;
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
 * Maximum-likelihood fits of the CLV models on the CDNOW cohort: {@code size} = 2357 is the 2,357-customer sample of
 * the papers, 23570 the full master cohort; other sizes take the first {@code size} customers of the sample (the
 * smoke test runs 200). Where the CDNOW files are absent (see {@link ClvData}), a simulated BG/NBD cohort of the same
 * size stands in, and the setup prints which one ran.
 *
 * <p>The fits use {@link FitOptions#DEFAULT} (three starts, as the library does unless told otherwise) and one start
 * (what scipy's peer script does, {@code cs-benchmarks/scripts/clv_scipy_peer.py}). The reference points in the same
 * run are single log-likelihood evaluations, so that fit time / evaluation time reads as the work of the optimiser.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClvFitBenchmark {
    private static final FitOptions ONE_START = FitOptions.withStarts(1);

    @Param({"2357", "23570"})
    public int size;

    private RfmSummary summary;
    private BgNbdModel bgNbd;
    private ParetoNbdModel paretoNbd;

    @Setup(Level.Trial)
    public void setUp() {
        ClvData.Cohort cohort = ClvData.cdnowOrSimulated(size);
        summary = cohort.summary();
        bgNbd = BgNbdModel.fit(summary);
        paretoNbd = ParetoNbdModel.fit(summary);
        System.out.println("ClvFitBenchmark size=" + size + ": " + cohort.description() + "; BG/NBD " + bgNbd.parameters()
                + " LL " + bgNbd.report().orElseThrow().logLikelihood() + "; Pareto/NBD " + paretoNbd.parameters()
                + " LL " + paretoNbd.report().orElseThrow().logLikelihood());
    }

    /** Fits BG/NBD from three starts (the default). */
    @Benchmark
    public BgNbdModel fitBgNbd() {
        return BgNbdModel.fit(summary);
    }

    /** Fits BG/NBD from one start, the work the scipy peer does. */
    @Benchmark
    public BgNbdModel fitBgNbdOneStart() {
        return BgNbdModel.fit(summary, ONE_START);
    }

    /** Fits Pareto/NBD from three starts (the default). */
    @Benchmark
    public ParetoNbdModel fitParetoNbd() {
        return ParetoNbdModel.fit(summary);
    }

    /** Fits Pareto/NBD from one start, the work the scipy peer does. */
    @Benchmark
    public ParetoNbdModel fitParetoNbdOneStart() {
        return ParetoNbdModel.fit(summary, ONE_START);
    }

    /** Fits Gamma-Gamma on the repeat customers, leaving out the others. */
    @Benchmark
    public GammaGammaModel fitGammaGamma() {
        return GammaGammaModel.fit(summary, GammaGammaModel.Ineligible.EXCLUDE);
    }

    /** Reference: one BG/NBD log-likelihood at the optimum, including the merge of identical customers. */
    @Benchmark
    public double logLikelihoodBgNbd() {
        return bgNbd.logLikelihood(summary);
    }

    /** Reference: one Pareto/NBD log-likelihood at the optimum, including the merge of identical customers. */
    @Benchmark
    public double logLikelihoodParetoNbd() {
        return paretoNbd.logLikelihood(summary);
    }
}
