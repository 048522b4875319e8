package dev.kizuna.health.batch;

import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.core.signal.SignalSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scores every row of a {@link SignalFrame} with one model, into arrays the caller owns:
 * <pre>{@code
 * double[] values = new double[frame.rows()];
 * byte[] bands = new byte[frame.rows()];
 * BatchReport report = BatchScorer.of(model).parallel().scoreInto(frame, values, bands);
 * }</pre>
 * {@code values[row]} is the score, bit for bit what {@link HealthModel#score} gives for the row's snapshot, or NaN;
 * {@code bands[row]} is the position of its band in the model's {@link BandScheme} (0 for the worst), or
 * {@link #INSUFFICIENT_DATA}, or {@link #FAILED}.
 *
 * <p><b>Failures are isolated.</b> A row with an impossible value of an input (infinite, outside its domain; see
 * {@link SignalFrame#impossibleRows}), or on which the model throws, is marked failed with its reason in the
 * {@link BatchReport} and counted; every other row is still scored. If a model's batch path throws
 * for a whole range, that range is scored again row by row, so that only the rows that fail are lost.
 *
 * <p><b>Parallel mode</b> splits the rows into chunks that the calling thread and up to {@code parallelism - 1} tasks
 * on the executor take in turn. The caller always works too, so a busy or saturated executor slows scoring down but
 * never blocks it, and calling from one of the executor's own threads cannot deadlock. Results do not depend on the
 * mode.
 *
 * <p>Models that implement {@link BatchHealthModel} (the built-in ones do) are scored by their own batch path, which
 * for the built-in models allocates nothing per row: only one small scratch area per chunk. Others are scored through
 * their object path. Immutable and thread-safe; a frame may be scored by several scorers at once.
 */
public final class BatchScorer {
    /** The band code of a row whose inputs did not support a score. */
    public static final byte INSUFFICIENT_DATA = -1;
    /** The band code of a row that failed. */
    public static final byte FAILED = -2;

    private static final int MIN_CHUNK = 4_096;
    private static final int MAX_CHUNK = 65_536;

    private final HealthModel model;
    private final BatchHealthModel batch;
    private final int bandCount;
    private final Executor executor;
    private final int parallelism;
    /** The rows per chunk; 0 to choose from the frame's size and the parallelism. */
    private final int chunkRows;

    private BatchScorer(HealthModel model, BatchHealthModel batch, Executor executor, int parallelism,
                        int chunkRows) {
        this.model = model;
        this.batch = batch;
        this.bandCount = model.bands().bands().size();
        this.executor = executor;
        this.parallelism = parallelism;
        this.chunkRows = chunkRows;
    }

    /**
     * Returns a serial scorer of {@code model}.
     *
     * @throws IllegalArgumentException if the model has more than 127 bands (a band position must fit a byte)
     */
    public static BatchScorer of(HealthModel model) {
        Objects.requireNonNull(model, "model");
        int bands = model.bands().bands().size();
        if (bands > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("model " + model.id() + ": " + bands + " bands; batch scoring"
                    + " supports at most " + Byte.MAX_VALUE);
        }
        BatchHealthModel batch = model instanceof BatchHealthModel ? (BatchHealthModel) model : new ObjectPath(model);
        return new BatchScorer(model, batch, Runnable::run, 1, 0);
    }

    /**
     * Returns a scorer like this one that works with up to {@code parallelism} threads: the caller's and
     * {@code parallelism - 1} tasks on {@code executor}.
     *
     * @throws IllegalArgumentException if {@code parallelism} is below 1
     */
    public BatchScorer parallel(Executor executor, int parallelism) {
        Objects.requireNonNull(executor, "executor");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism: " + parallelism + " must be >= 1");
        }
        return new BatchScorer(model, batch, executor, parallelism, chunkRows);
    }

    /** Returns a scorer like this one that works on the common fork-join pool and the caller's thread. */
    public BatchScorer parallel() {
        ForkJoinPool pool = ForkJoinPool.commonPool();
        return parallel(pool, pool.getParallelism() + 1);
    }

    /** Returns a scorer like this one that works on the caller's thread only. */
    public BatchScorer serial() {
        return new BatchScorer(model, batch, Runnable::run, 1, chunkRows);
    }

    /**
     * Returns a scorer like this one that hands out {@code rows} rows at a time. By default a chunk is a quarter of
     * each thread's share, between 4,096 and 65,536 rows. A failing batch path is retried row by row within its
     * chunk.
     *
     * @throws IllegalArgumentException if {@code rows} is below 1
     */
    public BatchScorer chunkRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("chunkRows: " + rows + " must be >= 1");
        }
        return new BatchScorer(model, batch, executor, parallelism, rows);
    }

    /** Returns the model scored. */
    public HealthModel model() {
        return model;
    }

    /** Returns how many threads at most score at once, the caller's included. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Scores every row of {@code frame} into the same positions of {@code values} and {@code bands}.
     *
     * @param frame  the accounts' signals
     * @param values receives each row's value, or NaN; at least {@code frame.rows()} long
     * @param bands  receives each row's band position, or {@link #INSUFFICIENT_DATA} or {@link #FAILED}; at least
     *               {@code frame.rows()} long
     * @return the counts of rows scored, with insufficient data and failed, and the reason of each failure
     * @throws IllegalArgumentException if an array is too short
     */
    public BatchReport scoreInto(SignalFrame frame, double[] values, byte[] bands) {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(bands, "bands");
        int rows = frame.rows();
        if (values.length < rows) {
            throw new IllegalArgumentException("values: " + values.length + " long, but the frame has " + rows
                    + " rows");
        }
        if (bands.length < rows) {
            throw new IllegalArgumentException("bands: " + bands.length + " long, but the frame has " + rows + " rows");
        }
        int chunkSize = chunkSize(rows);
        int chunks = rows == 0 ? 0 : (rows + chunkSize - 1) / chunkSize;
        Chunks work = new Chunks(frame, values, bands, chunkSize, chunks);
        int helpers = Math.min(parallelism, chunks) - 1;
        if (helpers <= 0) {
            work.run();
        } else {
            runWithHelpers(work, helpers);
        }
        Throwable error = work.error.get();
        if (error instanceof Error) {
            throw (Error) error;
        }
        if (error != null) {
            throw new IllegalStateException("batch scoring failed", error);
        }
        int scored = 0;
        int insufficient = 0;
        int failed = 0;
        List<RowFailure> failures = new ArrayList<>(0);
        for (int c = 0; c < chunks; c++) {
            scored += work.scored[c];
            insufficient += work.insufficient[c];
            failed += work.failed[c];
            failures.addAll(work.failures[c].view());
        }
        return new BatchReport(rows, scored, insufficient, failed, failures);
    }

    private int chunkSize(int rows) {
        if (chunkRows > 0) {
            return chunkRows;
        }
        long wanted = ((long) rows + parallelism * 4L - 1) / (parallelism * 4L);
        return (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, wanted));
    }

    private void runWithHelpers(Chunks work, int helpers) {
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(work);
            } catch (RejectedExecutionException e) {
                break;
            }
        }
        work.run();
        boolean interrupted = false;
        while (true) {
            try {
                // Wait for the chunks other threads took, not for the threads: a helper that starts late finds
                // nothing left and returns at once.
                work.remaining.await();
                break;
            } catch (InterruptedException e) {
                // The helpers write into the caller's arrays: wait for them whatever happens.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The chunks of one scoring, taken in turn by the threads that work on it. */
    private final class Chunks implements Runnable {
        final SignalFrame frame;
        final double[] values;
        final byte[] bands;
        final int chunkSize;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final CountDownLatch remaining;
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final int[] scored;
        final int[] insufficient;
        final int[] failed;
        final RowFailures[] failures;

        Chunks(SignalFrame frame, double[] values, byte[] bands, int chunkSize, int chunks) {
            this.frame = frame;
            this.values = values;
            this.bands = bands;
            this.chunkSize = chunkSize;
            this.chunks = chunks;
            this.scored = new int[chunks];
            this.insufficient = new int[chunks];
            this.failed = new int[chunks];
            this.failures = new RowFailures[chunks];
            this.remaining = new CountDownLatch(chunks);
        }

        @Override
        public void run() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                int from = c * chunkSize;
                int to = (int) Math.min(frame.rows(), (long) from + chunkSize);
                RowFailures sink = new RowFailures();
                try {
                    scoreChunk(frame, from, to, values, bands, sink);
                    count(c, from, to, sink);
                } catch (Throwable t) {
                    // Only an Error gets here (chunks catch runtime exceptions); the caller rethrows it.
                    error.compareAndSet(null, t);
                } finally {
                    failures[c] = sink;
                    remaining.countDown();
                }
            }
        }

        /** Counts the chunk's outcomes, reconciling the band codes with the failures reported. */
        private void count(int c, int from, int to, RowFailures sink) {
            BitSet reported = new BitSet(0);
            List<RowFailure> list = sink.view();
            if (!list.isEmpty()) {
                List<RowFailure> distinct = new ArrayList<>(list.size());
                for (RowFailure f : list) {
                    if (f.row() >= from && f.row() < to && !reported.get(f.row() - from)) {
                        reported.set(f.row() - from);
                        distinct.add(f);
                        values[f.row()] = Double.NaN;
                        bands[f.row()] = FAILED;
                    }
                }
                sink.clear();
                sink.view().addAll(distinct);
            }
            int s = 0;
            int i = 0;
            int f = 0;
            for (int row = from; row < to; row++) {
                byte b = bands[row];
                if (b >= 0 && b < bandCount) {
                    s++;
                } else if (b == INSUFFICIENT_DATA) {
                    i++;
                } else {
                    f++;
                    if (!reported.get(row - from)) {
                        sink.fail(row, b == FAILED ? "the model marked the row failed without a reason"
                                : "the model wrote the band code " + b + ", which is not a band of its "
                                + bandCount, values, bands);
                    }
                }
            }
            scored[c] = s;
            insufficient[c] = i;
            failed[c] = f;
        }
    }

    /** Scores rows through the model's batch path; if that throws, again row by row, to lose only failing rows. */
    private void scoreChunk(SignalFrame frame, int from, int to, double[] values, byte[] bands, RowFailures sink) {
        try {
            batch.scoreRows(frame, from, to, values, bands, sink);
        } catch (RuntimeException e) {
            sink.clear();
            for (int row = from; row < to; row++) {
                RowFailures one = new RowFailures();
                try {
                    batch.scoreRows(frame, row, row + 1, values, bands, one);
                    sink.addAll(one);
                } catch (RuntimeException rowError) {
                    sink.fail(row, reason(rowError), values, bands);
                }
            }
        }
    }

    /** The failure reason of a row on which the model threw {@code e}. */
    static String reason(RuntimeException e) {
        String message = e.getMessage();
        return "the model threw " + e.getClass().getName() + (message == null || message.isBlank() ? ""
                : ": " + message);
    }

    @Override
    public String toString() {
        return "BatchScorer[" + model.id() + ", parallelism " + parallelism + "]";
    }

    /** Gives a model that has no batch path of its own the default one, through its object path. */
    private static final class ObjectPath implements BatchHealthModel {
        private final HealthModel model;

        ObjectPath(HealthModel model) {
            this.model = model;
        }

        @Override
        public ModelDefinition definition() {
            return model.definition();
        }

        @Override
        public BandScheme bands() {
            return model.bands();
        }

        @Override
        public java.util.SortedSet<dev.kizuna.core.signal.SignalName> inputs() {
            return model.inputs();
        }

        @Override
        public HealthScore score(SignalSnapshot snapshot, Instant computedAt) {
            return model.score(snapshot, computedAt);
        }

        @Override
        public Explanation explain(SignalSnapshot snapshot, Instant computedAt) {
            return model.explain(snapshot, computedAt);
        }
    }
}
