package dev.kizuna.health.batch;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.kit.Samples;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchScorerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final SignalName NPS = SignalName.SENTIMENT_NPS;
    private static final SignalName TICKETS = SignalName.SUPPORT_OPEN_TICKETS;
    private static final HealthModels MODELS = HealthModels.load();

    private static HealthModel scorecard() {
        return MODELS.create(MODELS.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON));
    }

    private static HealthModel logistic() {
        return MODELS.create(MODELS.read(Samples.LOGISTIC_JSON, DefinitionFormat.JSON));
    }

    /** A model scored only through its object path, which throws for an NPS of exactly -100. */
    private static final class Fussy implements HealthModel {
        private final HealthModel inner = logistic();

        @Override
        public ModelDefinition definition() {
            return inner.definition();
        }

        @Override
        public HealthScore score(SignalSnapshot snapshot, Instant computedAt) {
            if (snapshot.value(NPS).orElse(0) == -100) {
                throw new IllegalStateException("cannot score an NPS of -100");
            }
            return inner.score(snapshot, computedAt);
        }
    }

    private static SignalFrame frame(double[] nps, double[] tickets) {
        double[] users = new double[nps.length];
        java.util.Arrays.fill(users, 100);
        // With active users, the sample logistic model has the completeness it needs.
        return SignalFrame.builder(nps.length, NOW).column(NPS, nps).column(TICKETS, tickets)
                .column(SignalName.USAGE_ACTIVE_USERS, users).build();
    }

    @Test
    void rowsOnWhichTheModelThrowsFailWithTheReasonAndTheOthersAreScored() {
        SignalFrame frame = frame(new double[] {10, -100, 40, -100}, new double[] {1, 2, 3, 4});
        double[] values = new double[4];
        byte[] bands = new byte[4];
        BatchReport report = BatchScorer.of(new Fussy()).scoreInto(frame, values, bands);
        assertEquals(new BatchReport(4, 2, 0, 2, report.failures()), report);
        assertEquals("the model threw java.lang.IllegalStateException: cannot score an NPS of -100",
                report.reason(1).orElseThrow());
        assertEquals(List.of(1, 3), report.failures().stream().map(RowFailure::row).toList());
        assertTrue(Double.isNaN(values[1]) && Double.isNaN(values[3]));
        assertEquals(BatchScorer.FAILED, bands[1]);
        HealthModel plain = logistic();
        assertEquals(plain.score(frame.snapshot(0), NOW).value().getAsDouble(), values[0]);
        assertEquals(plain.score(frame.snapshot(2), NOW).value().getAsDouble(), values[2]);
        assertTrue(report.reason(0).isEmpty());
    }

    @Test
    void aRowWithAnInfiniteInputFailsNamingTheSignalWhateverTheModel() {
        SignalFrame frame = frame(new double[] {10, Double.POSITIVE_INFINITY, 40}, new double[] {1, 2,
                Double.NEGATIVE_INFINITY});
        for (HealthModel model : List.of(scorecard(), logistic(), new Fussy())) {
            double[] values = new double[3];
            byte[] bands = new byte[3];
            BatchReport report = BatchScorer.of(model).scoreInto(frame, values, bands);
            assertEquals(2, report.failed(), model.toString());
            assertEquals("signal sentiment.nps: Infinity is not a finite number", report.reason(1).orElseThrow());
            assertEquals("signal support.open_tickets: -Infinity is not a finite number",
                    report.reason(2).orElseThrow());
            assertTrue(bands[0] >= 0 || bands[0] == BatchScorer.INSUFFICIENT_DATA, model.toString());
        }
    }

    @Test
    void rowsWithImpossibleValuesFailWithSignalValueAndDomainCountedAndTheOthersAreScored() {
        // Row 0 is fine; then NPS 500, -4 open tickets, 2.5 open tickets, and more escalated than open tickets.
        double[] nps = {20, 500, 10, 10, 10, 30};
        double[] tickets = {1, 2, -4, 2.5, 1, 0};
        double[] escalated = {0, 0, 0, 0, 3, 0};
        double[] users = {100, 100, 100, 100, 100, 100};
        SignalFrame frame = SignalFrame.builder(6, NOW).column(NPS, nps).column(TICKETS, tickets)
                .column(SignalName.SUPPORT_ESCALATED_TICKETS, escalated)
                .column(SignalName.USAGE_ACTIVE_USERS, users).build();
        List<String> reasons = List.of(
                "500 is outside the domain of sentiment.nps: a number from -100 to 100",
                "-4 is outside the domain of support.open_tickets: a whole number from 0 up",
                "2.5 is outside the domain of support.open_tickets: a whole number from 0 up",
                "support.escalated_tickets: 3 is more than support.open_tickets, 1: escalated tickets are among the"
                        + " open tickets");
        // The scorecard reads both ticket signals; the logistic model and the object path (Fussy) read no
        // escalated tickets, so their row 4 is scored.
        for (HealthModel model : List.of(scorecard(), logistic(), new Fussy())) {
            boolean escalations = model.inputs().contains(SignalName.SUPPORT_ESCALATED_TICKETS);
            double[] values = new double[6];
            byte[] bands = new byte[6];
            BatchReport report = BatchScorer.of(model).scoreInto(frame, values, bands);
            assertEquals(escalations ? 4 : 3, report.failed(), model.toString());
            assertEquals(6 - report.failed(), report.scored() + report.insufficient(), model.toString());
            for (int row = 1; row <= (escalations ? 4 : 3); row++) {
                assertEquals(reasons.get(row - 1), report.reason(row).orElseThrow(), model + ", row " + row);
                assertEquals(BatchScorer.FAILED, bands[row]);
                assertTrue(Double.isNaN(values[row]));
            }
            for (int row : escalations ? new int[] {0, 5} : new int[] {0, 4, 5}) {
                HealthScore alone = model.score(frame.snapshot(row, model.inputs()), NOW);
                assertEquals(alone.value().orElse(Double.NaN), values[row], model + ", row " + row);
            }
        }
    }

    @Test
    void impossibleRowsAreFoundOnceAndOnlyForTheSignalsGiven() {
        SignalFrame frame = SignalFrame.builder(4, NOW)
                .column(SignalName.ADOPTION_FEATURE_BREADTH, new double[] {0.5, 3.5, Double.NaN, 1})
                .column(SignalName.RELATIONSHIP_CHAMPION_PRESENT, new double[] {7, 1, 0, Double.NaN})
                .column(SignalName.of("custom.dependents"), new double[] {0, 1, 5.87, 2})
                .column(SignalName.ENGAGEMENT_LICENCE_UTILISATION, new double[] {-2, 0.5, 1.2, 0}).build();
        Map<SignalName, SignalDomain> own = new TreeMap<>();
        for (SignalName s : frame.signals()) {
            own.put(s, s.domain());
        }
        assertEquals(List.of(
                new RowFailure(0, "-2 is outside the domain of engagement.licence_utilisation: a number from 0 up"),
                new RowFailure(1, "3.5 is outside the domain of adoption.feature_breadth: a number from 0 to 1")),
                frame.impossibleRows(own, 0, 4), "the first problem of a row in name order");
        assertEquals(List.of(new RowFailure(1,
                        "3.5 is outside the domain of adoption.feature_breadth: a number from 0 to 1")),
                frame.impossibleRows(Map.of(SignalName.ADOPTION_FEATURE_BREADTH, SignalDomain.SHARE), 1, 3));
        assertEquals(List.of(new RowFailure(0, "7 is outside the domain of relationship.champion_present: 0 or 1")),
                frame.impossibleRows(Map.of(SignalName.RELATIONSHIP_CHAMPION_PRESENT, SignalDomain.FLAG), 0, 4));
        // A custom signal has any finite value, unless a model declares a narrower domain for it.
        assertEquals(List.of(), frame.impossibleRows(Map.of(SignalName.of("custom.dependents"), SignalDomain.ANY),
                0, 4));
        assertEquals(List.of(new RowFailure(2, "5.87 is outside the domain of custom.dependents: 0 or 1"),
                        new RowFailure(3, "2 is outside the domain of custom.dependents: 0 or 1")),
                frame.impossibleRows(Map.of(SignalName.of("custom.dependents"), SignalDomain.FLAG), 0, 4));
        assertEquals(List.of(), frame.impossibleRows(Map.of(SignalName.SENTIMENT_NPS, SignalDomain.ANY), 0, 4),
                "a signal without a column is skipped");
        assertThrows(IndexOutOfBoundsException.class, () -> frame.impossibleRows(own, 2, 5));
    }

    @Test
    void aSnapshotOfARowWithAnImpossibleValueIsRefusedWithTheSameWords() {
        SignalFrame frame = SignalFrame.builder(1, NOW).column(NPS, new double[] {500}).build();
        var e = assertThrows(IllegalArgumentException.class, () -> frame.snapshot(0));
        assertEquals("500 is outside the domain of sentiment.nps: a number from -100 to 100", e.getMessage());
    }

    @Test
    void anInfiniteValueOfASignalTheModelDoesNotReadIsIgnored() {
        SignalFrame frame = SignalFrame.builder(1, NOW).column(NPS, new double[] {20})
                .column(SignalName.USAGE_ACTIVE_USERS, new double[] {100}).column(SignalName.of("custom.unused"), new double[] {Double.POSITIVE_INFINITY}).build();
        BatchReport report = BatchScorer.of(logistic()).scoreInto(frame, new double[1], new byte[1]);
        assertEquals(1, report.scored());
    }

    /** A batch path that throws for any range holding an NPS of -100: the scorer retries row by row. */
    private static final class BrokenBatch implements BatchHealthModel {
        private final HealthModel inner = logistic();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ModelDefinition definition() {
            return inner.definition();
        }

        @Override
        public HealthScore score(SignalSnapshot snapshot, Instant computedAt) {
            return inner.score(snapshot, computedAt);
        }

        @Override
        public void scoreRows(SignalFrame frame, int from, int to, double[] values, byte[] bands,
                              RowFailures failures) {
            calls.incrementAndGet();
            for (int row = from; row < to; row++) {
                if (frame.value(row, NPS) == -100) {
                    throw new ArithmeticException("overflow at row " + row);
                }
            }
            BatchHealthModel.super.scoreRows(frame, from, to, values, bands, failures);
        }
    }

    @Test
    void aBatchPathThatThrowsForARangeIsRetriedRowByRowSoOnlyTheBadRowFails() {
        SignalFrame frame = frame(new double[] {10, 20, -100, 30, 40}, new double[] {1, 1, 1, 1, 1});
        BrokenBatch model = new BrokenBatch();
        double[] values = new double[5];
        byte[] bands = new byte[5];
        BatchReport report = BatchScorer.of(model).scoreInto(frame, values, bands);
        assertEquals(4, report.scored());
        assertEquals(List.of(new RowFailure(2, "the model threw java.lang.ArithmeticException: overflow at row 2")),
                report.failures());
        assertEquals(1 + 5, model.calls.get(), "one call for the chunk, then one per row");
        for (int row : new int[] {0, 1, 3, 4}) {
            assertEquals(model.score(frame.snapshot(row), NOW).value().getAsDouble(), values[row]);
        }
    }

    /** A batch path that marks a row failed without saying why, and writes a band code that does not exist. */
    private static final class Careless implements BatchHealthModel {
        private final HealthModel inner = logistic();

        @Override
        public ModelDefinition definition() {
            return inner.definition();
        }

        @Override
        public HealthScore score(SignalSnapshot snapshot, Instant computedAt) {
            return inner.score(snapshot, computedAt);
        }

        @Override
        public void scoreRows(SignalFrame frame, int from, int to, double[] values, byte[] bands,
                              RowFailures failures) {
            for (int row = from; row < to; row++) {
                values[row] = 50;
                bands[row] = (byte) (row == 0 ? BatchScorer.FAILED : row == 1 ? 9 : 1);
            }
        }
    }

    @Test
    void bandCodesWithoutAReasonOrOutOfRangeAreReportedAsFailures() {
        SignalFrame frame = frame(new double[] {10, 20, 30}, new double[] {1, 1, 1});
        double[] values = new double[3];
        byte[] bands = new byte[3];
        BatchReport report = BatchScorer.of(new Careless()).scoreInto(frame, values, bands);
        assertEquals(1, report.scored());
        assertEquals("the model marked the row failed without a reason", report.reason(0).orElseThrow());
        assertEquals("the model wrote the band code 9, which is not a band of its 3", report.reason(1).orElseThrow());
        assertEquals(BatchScorer.FAILED, bands[1]);
        assertTrue(Double.isNaN(values[1]));
    }

    @Test
    void insufficientDataHasNoValueAndItsOwnCode() {
        SignalFrame frame = SignalFrame.builder(1, NOW).column(NPS, new double[] {Double.NaN}).build();
        double[] values = {7};
        byte[] bands = {7};
        BatchReport report = BatchScorer.of(logistic()).scoreInto(frame, values, bands);
        assertEquals(new BatchReport(1, 0, 1, 0, List.of()), report);
        assertTrue(Double.isNaN(values[0]));
        assertEquals(BatchScorer.INSUFFICIENT_DATA, bands[0]);
    }

    private static SignalFrame samples(int n) {
        return SignalFrame.of(Samples.portfolio(NOW, n));
    }

    @Test
    void parallelScoringOnAnExecutorEqualsSerialScoring() throws InterruptedException {
        SignalFrame frame = samples(5_000);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (HealthModel model : List.of(scorecard(), logistic(), new Fussy())) {
                double[] serial = new double[frame.rows()];
                byte[] serialBands = new byte[frame.rows()];
                BatchReport expected = BatchScorer.of(model).scoreInto(frame, serial, serialBands);
                double[] parallel = new double[frame.rows()];
                byte[] parallelBands = new byte[frame.rows()];
                BatchScorer scorer = BatchScorer.of(model).parallel(pool, 4).chunkRows(97);
                assertEquals(expected, scorer.scoreInto(frame, parallel, parallelBands));
                assertArrayEquals(serial, parallel);
                assertArrayEquals(serialBands, parallelBands);
                double[] common = new double[frame.rows()];
                BatchScorer.of(model).parallel().chunkRows(300).scoreInto(frame, common, new byte[frame.rows()]);
                assertArrayEquals(serial, common);
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSaturatedExecutorOnlyMeansTheCallerDoesTheWork() {
        Executor rejecting = task -> {
            throw new RejectedExecutionException("full");
        };
        List<Runnable> parked = new ArrayList<>();
        Executor parking = parked::add;
        SignalFrame frame = samples(300);
        double[] serial = new double[300];
        BatchScorer.of(scorecard()).scoreInto(frame, serial, new byte[300]);
        for (Executor executor : List.of(rejecting, parking)) {
            double[] values = new double[300];
            BatchScorer.of(scorecard()).parallel(executor, 3).chunkRows(10).scoreInto(frame, values, new byte[300]);
            assertArrayEquals(serial, values);
            parked.forEach(Runnable::run);
            parked.clear();
        }
    }

    @Test
    void theFrameOfSnapshotsHasTheirValuesAccountsAndInstants() {
        List<SignalSnapshot> snapshots = List.of(
                SignalSnapshot.builder(AccountId.of("a"), NOW).put(NPS, 10).build(),
                SignalSnapshot.builder(AccountId.of("b"), NOW.plusSeconds(60)).put(TICKETS, 2).build());
        SignalFrame frame = SignalFrame.of(snapshots);
        assertEquals(List.of(NPS, TICKETS), frame.signals());
        assertEquals(2, frame.rows());
        assertTrue(Double.isNaN(frame.value(0, TICKETS)));
        assertEquals(2, frame.value(1, TICKETS));
        assertEquals(snapshots.get(0), frame.snapshot(0));
        assertEquals(snapshots.get(1), frame.snapshot(1));
        assertEquals(AccountId.of("b"), frame.account(1));
        assertEquals(NOW.plusSeconds(60), frame.at(1));
    }

    @Test
    void aBuiltFrameNamesRowsByNumberAndSharesOneInstant() {
        double[] nps = {1, 2};
        SignalFrame frame = SignalFrame.builder(2, NOW).column(NPS, nps).build();
        assertEquals(AccountId.of("row-1"), frame.account(1));
        assertEquals(NOW, frame.at(1));
        assertTrue(frame.column(NPS).orElseThrow() == nps, "a frame wraps its columns");
        assertTrue(frame.column(TICKETS).isEmpty());
        assertEquals(0, frame.indexOf(NPS).orElseThrow());
    }

    @Test
    void frameValidationNamesTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignalFrame.builder(3, NOW).column(NPS, new double[2]));
        assertEquals("column sentiment.nps: 2 values, but the frame has 3 rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SignalFrame.builder(1, NOW).column(NPS, new double[1]).column(NPS, new double[1]));
        assertEquals("column sentiment.nps: the signal has a column already", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SignalFrame.builder(-1, NOW));
        assertEquals("rows: -1 must be >= 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SignalFrame.builder(2, NOW).accounts(List.of(AccountId.of("a"))));
        assertEquals("accounts: 1 accounts, but the frame has 2 rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SignalFrame.builder(2, NOW).instants(List.of(NOW)));
        assertEquals("instants: 1 instants, but the frame has 2 rows", e.getMessage());
    }

    @Test
    void scorerValidationNamesTheProblem() {
        SignalFrame frame = frame(new double[] {1, 2}, new double[] {1, 2});
        BatchScorer scorer = BatchScorer.of(logistic());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scorer.scoreInto(frame, new double[1], new byte[2]));
        assertEquals("values: 1 long, but the frame has 2 rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scorer.scoreInto(frame, new double[2], new byte[1]));
        assertEquals("bands: 1 long, but the frame has 2 rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scorer.parallel(Runnable::run, 0));
        assertEquals("parallelism: 0 must be >= 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scorer.chunkRows(0));
        assertEquals("chunkRows: 0 must be >= 1", e.getMessage());
    }

    @Test
    void reportValidationNamesTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchReport(3, 1, 1, 0, List.of()));
        assertEquals("rows: 1 scored + 1 insufficient + 0 failed do not add up to 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchReport(1, 0, 0, 1, List.of()));
        assertEquals("failures: 0 reasons for 1 failed rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RowFailure(-1, "x"));
        assertEquals("row: -1 must be >= 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RowFailure(0, " "));
        assertEquals("reason: must not be blank", e.getMessage());
    }

    @Test
    void anEmptyFrameGivesAnEmptyReport() {
        SignalFrame frame = SignalFrame.builder(0, NOW).build();
        assertEquals(new BatchReport(0, 0, 0, 0, List.of()),
                BatchScorer.of(scorecard()).parallel().scoreInto(frame, new double[0], new byte[0]));
    }
}
