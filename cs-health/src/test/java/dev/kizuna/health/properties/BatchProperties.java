package dev.kizuna.health.properties;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.batch.BatchReport;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.LogisticModel;
import dev.kizuna.health.logistic.LogisticMissingInput;
import dev.kizuna.health.logistic.Standardisation;
import dev.kizuna.health.logistic.Term;
import dev.kizuna.health.scorecard.Cap;
import dev.kizuna.health.scorecard.Comparison;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.MeasureGroup;
import dev.kizuna.health.scorecard.ScorecardMissingInput;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardItem;
import dev.kizuna.health.scorecard.ScorecardModel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.kizuna.health.properties.HealthArbitraries.NOW;
import static dev.kizuna.health.properties.HealthArbitraries.SIGNALS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch path gives, bit for bit, the object path's value and band for every row: over random scorecards (with
 * every missing-data policy and random bands), random logistic models, random frames and random missing patterns,
 * including columns absent from the frame and infinite values, serially and in parallel.
 */
class BatchProperties {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "batch-properties");
        t.setDaemon(true);
        return t;
    });

    /** A frame: rows of {@link HealthArbitraries#SIGNALS} values (null for missing) and which columns it has. */
    record Frame(List<List<Double>> rows, List<Boolean> hasColumn) {
        SignalFrame build() {
            SignalFrame.Builder b = SignalFrame.builder(rows.size(), NOW);
            for (int s = 0; s < SIGNALS; s++) {
                if (!hasColumn.get(s)) {
                    continue;
                }
                double[] column = new double[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    Double v = rows.get(r).get(s);
                    column[r] = v == null ? Double.NaN : v;
                }
                b.column(HealthArbitraries.signal(s), column);
            }
            return b.build();
        }
    }

    @Provide
    Arbitrary<Frame> frames() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(60, HealthArbitraries.raw()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)),
                net.jqwik.api.Tuple.of(20, Arbitraries.of(0.0, -0.0, -1.0, 1.0, 7.0, 14.0, -100.0, 1023.0, 1024.0)));
        // Frames with few missing values take the fast path; frames with many, the row-by-row one.
        Arbitrary<List<List<Double>>> rows = Arbitraries.of(0.0, 0.03, 0.25).flatMap(missing ->
                value.injectNull(missing).list().ofSize(SIGNALS).list().ofMinSize(1).ofMaxSize(40));
        Arbitrary<List<Boolean>> columns = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, true), net.jqwik.api.Tuple.of(1, false)).list().ofSize(SIGNALS);
        return Combinators.combine(rows, columns).as(Frame::new);
    }

    @Provide
    Arbitrary<ScorecardDefinition> scorecards() {
        return Combinators.combine(HealthArbitraries.scorecard(), HealthArbitraries.bands(),
                        Arbitraries.of(ScorecardMissingInput.values()).list().ofSize(24),
                        Arbitraries.of(false, false, true))
                .as((card, bands, policies, keepMinimum) -> {
                    int[] next = {0};
                    List<ScorecardItem> items = new ArrayList<>();
                    for (ScorecardItem item : card.measures()) {
                        items.add(withPolicies(item, policies, next));
                    }
                    return new ScorecardDefinition(card.id(), bands, card.missingData(),
                            keepMinimum ? card.minimumCompleteness() : 0, items, card.caps());
                });
    }

    private static ScorecardItem withPolicies(ScorecardItem item, List<ScorecardMissingInput> policies, int[] next) {
        if (item instanceof Measure) {
            Measure m = (Measure) item;
            ScorecardMissingInput p = policies.get(next[0]++ % policies.size());
            // Mostly the scorecard's own policy; now and then a measure of its own, FAIL included.
            return next[0] % 3 == 0 ? m.withMissingData(p) : m;
        }
        MeasureGroup g = (MeasureGroup) item;
        List<ScorecardItem> inner = new ArrayList<>();
        for (ScorecardItem i : g.items()) {
            inner.add(withPolicies(i, policies, next));
        }
        return new MeasureGroup(g.id(), g.label(), g.weight(), inner);
    }

    @Provide
    Arbitrary<LogisticDefinition> logistics() {
        Arbitrary<Term> term = Combinators.combine(Arbitraries.integers().between(0, SIGNALS - 1),
                        Arbitraries.doubles().between(-3, 3).ofScale(3), Arbitraries.of(true, false),
                        HealthArbitraries.raw(), Arbitraries.doubles().between(0.5, 80).ofScale(2))
                .as((s, c, standardised, mean, sd) -> new Term("t", "t", HealthArbitraries.signal(s), c,
                        standardised ? Optional.of(Standardisation.of(mean, sd)) : Optional.empty()));
        return Combinators.combine(term.list().ofMinSize(1).ofMaxSize(6), Arbitraries.doubles().between(-5, 5)
                                .ofScale(2), Arbitraries.of(LogisticMissingInput.values()),
                        Arbitraries.of(0.0, 0.0, 0.3, 0.8), HealthArbitraries.bands())
                .as((terms, intercept, policy, minimum, bands) -> {
                    List<Term> numbered = new ArrayList<>();
                    for (int i = 0; i < terms.size(); i++) {
                        Term t = terms.get(i);
                        numbered.add(new Term("t" + i, "term " + i, t.signal(), t.coefficient(), t.standardisation()));
                    }
                    return new LogisticDefinition(ModelId.of("prop", "1"), bands, intercept, numbered, policy, minimum);
                });
    }

    @Property
    void scorecardBatchEqualsObjectPathBitForBit(@ForAll("scorecards") ScorecardDefinition card,
                                                 @ForAll("frames") Frame frame) {
        checkBitForBit(ScorecardModel.of(card), frame.build());
    }

    /**
     * Caps decided exactly at their thresholds: every row's cap signal sits on the threshold or one ulp either side,
     * for every comparison, with the signal also read by a measure (the block path's vector loop) or by the cap only
     * (the row-by-row loop).
     */
    @Property(tries = 100)
    void capsAtTheirThresholdsAgreeBitForBit(@ForAll("scorecards") ScorecardDefinition card,
                                             @ForAll("comparisons") Comparison comparison,
                                             @ForAll boolean capOnly, @ForAll("frames") Frame frame) {
        double threshold = 7.0;
        SignalName capSignal = capOnly ? SignalName.of("custom.caponly") : HealthArbitraries.signal(0);
        List<Cap> caps = new ArrayList<>(card.caps());
        caps.add(Cap.of("edge", capSignal, comparison, threshold, 30));
        ScorecardDefinition capped = new ScorecardDefinition(card.id(), card.bands(), card.missingData(),
                card.minimumCompleteness(), card.measures(), caps);
        double[] edge = {threshold, Math.nextUp(threshold), Math.nextDown(threshold)};
        List<List<Double>> rows = new ArrayList<>();
        for (int r = 0; r < frame.rows().size(); r++) {
            List<Double> row = new ArrayList<>(frame.rows().get(r));
            if (!capOnly) {
                row.set(0, edge[r % 3]);
            }
            rows.add(row);
        }
        SignalFrame built = new Frame(rows, frame.hasColumn()).build();
        if (capOnly) {
            SignalFrame.Builder b = SignalFrame.builder(rows.size(), NOW);
            for (SignalName name : built.signals()) {
                b.column(name, built.column(name).orElseThrow());
            }
            double[] column = new double[rows.size()];
            for (int r = 0; r < column.length; r++) {
                column[r] = r % 4 == 3 ? Double.NaN : edge[r % 3];
            }
            built = b.column(capSignal, column).build();
        }
        checkBitForBit(ScorecardModel.of(capped), built);
    }

    /**
     * Frames of several 512-row blocks and a short last one, so that the batch path runs block after block on the
     * same scratch, with the SIMD loops' tails on the last: random values, whole numbers, a rate of missing values,
     * now and then an infinite one, and absent columns.
     */
    @Property(tries = 40)
    void framesOfManyBlocksAgreeBitForBit(@ForAll("scorecards") ScorecardDefinition card,
                                          @ForAll @IntRange(min = 513, max = 1800) int rows, @ForAll long seed,
                                          @ForAll("missingRates") double missing) {
        SplittableRandom random = new SplittableRandom(seed);
        SignalFrame.Builder b = SignalFrame.builder(rows, NOW);
        for (int s = 0; s < SIGNALS; s++) {
            if (random.nextInt(7) == 0) {
                continue;
            }
            double[] column = new double[rows];
            for (int r = 0; r < rows; r++) {
                double u = random.nextDouble();
                column[r] = u < missing ? Double.NaN
                        : u < missing + 0.0005 ? (random.nextBoolean() ? Double.POSITIVE_INFINITY
                        : Double.NEGATIVE_INFINITY)
                        : random.nextInt(3) == 0 ? random.nextInt(-100, 1100) : -50 + 200 * random.nextDouble();
            }
            b.column(HealthArbitraries.signal(s), column);
        }
        checkBitForBit(ScorecardModel.of(card), b.build());
    }

    @Provide
    Arbitrary<Double> missingRates() {
        return Arbitraries.of(0.0, 0.001, 0.02);
    }

    /**
     * Every normaliser kind decided exactly at its knots: a one-measure scorecard over a column holding each step's or
     * point's raw value, one ulp either side, the bounds of a linear or logarithmic scale, and random values.
     */
    @Property
    void normalisersAtTheirKnotsAgreeBitForBit(@ForAll("normalisers") Normaliser normaliser,
                                               @ForAll("rawValues") List<Double> extra) {
        Normaliser inner = normaliser instanceof Normaliser.Inverted ? ((Normaliser.Inverted) normaliser).of()
                : normaliser;
        List<Double> knots = new ArrayList<>();
        if (inner instanceof Normaliser.Steps) {
            ((Normaliser.Steps) inner).steps().forEach(step -> knots.add(step.from()));
        } else if (inner instanceof Normaliser.PiecewiseLinear) {
            ((Normaliser.PiecewiseLinear) inner).points().forEach(point -> knots.add(point.raw()));
        } else if (inner instanceof Normaliser.Linear) {
            knots.add(((Normaliser.Linear) inner).from());
            knots.add(((Normaliser.Linear) inner).to());
        } else if (inner instanceof Normaliser.Logarithmic) {
            knots.add(((Normaliser.Logarithmic) inner).from());
            knots.add(((Normaliser.Logarithmic) inner).to());
        }
        List<Double> column = new ArrayList<>(extra);
        for (double k : knots) {
            column.add(k);
            column.add(Math.nextUp(k));
            column.add(Math.nextDown(k));
        }
        SignalName signal = HealthArbitraries.signal(0);
        ScorecardDefinition card = ScorecardDefinition.builder(ModelId.of("knots", "1"))
                .add(Measure.of("m", signal, 1, normaliser))
                .build();
        double[] values = column.stream().mapToDouble(Double::doubleValue).toArray();
        checkBitForBit(ScorecardModel.of(card), SignalFrame.builder(values.length, NOW).column(signal, values).build());
    }

    @Provide
    Arbitrary<Normaliser> normalisers() {
        return HealthArbitraries.normaliser();
    }

    @Provide
    Arbitrary<List<Double>> rawValues() {
        return HealthArbitraries.raw().list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<Comparison> comparisons() {
        return Arbitraries.of(Comparison.class);
    }

    /**
     * Frames over well-known signals of every kind of domain, with values from -50 to 150 regardless of it (so that
     * NPS, shares, flags, counts and days run outside their domains) and more escalated than open tickets: exactly the
     * rows a snapshot of the model's inputs would reject fail, in the snapshot's words, and the others are scored
     * bit for bit as alone.
     */
    @Property
    void rowsWithImpossibleValuesFailAndTheOthersAgreeBitForBit(@ForAll("scorecards") ScorecardDefinition card,
                                                               @ForAll("logistics") LogisticDefinition logistic,
                                                               @ForAll("frames") Frame frame) {
        SignalFrame.Builder b = SignalFrame.builder(frame.rows().size(), NOW);
        SignalFrame custom = frame.build();
        for (SignalName name : custom.signals()) {
            b.column(HealthArbitraries.wellKnown(name), custom.column(name).orElseThrow());
        }
        SignalFrame wellKnown = b.build();
        checkBitForBit(ScorecardModel.of(HealthArbitraries.onWellKnownSignals(card)), wellKnown);
        checkBitForBit(LogisticModel.of(HealthArbitraries.onWellKnownSignals(logistic)), wellKnown);
    }

    @Property
    void logisticBatchEqualsObjectPathBitForBit(@ForAll("logistics") LogisticDefinition definition,
                                                @ForAll("frames") Frame frame) {
        checkBitForBit(LogisticModel.of(definition), frame.build());
    }

    @Property(tries = 100)
    void theDefaultBatchPathEqualsTheObjectPath(@ForAll("scorecards") ScorecardDefinition card,
                                                @ForAll("frames") Frame frame) {
        ScorecardModel model = ScorecardModel.of(card);
        HealthModel thirdParty = new HealthModel() {
            @Override
            public dev.kizuna.health.ModelDefinition definition() {
                return model.definition();
            }

            @Override
            public HealthScore score(dev.kizuna.core.signal.SignalSnapshot snapshot, java.time.Instant computedAt) {
                return model.score(snapshot, computedAt);
            }
        };
        checkBitForBit(thirdParty, frame.build());
    }

    /** Scores the frame serially and in parallel and compares every row with the object path. */
    static void checkBitForBit(HealthModel model, SignalFrame frame) {
        int n = frame.rows();
        double[] values = new double[n];
        byte[] bands = new byte[n];
        BatchReport report = BatchScorer.of(model).scoreInto(frame, values, bands);
        double[] parallelValues = new double[n];
        byte[] parallelBands = new byte[n];
        BatchReport parallel = BatchScorer.of(model).parallel(POOL, 4).chunkRows(3).scoreInto(frame, parallelValues,
                parallelBands);
        assertEquals(report, parallel, "parallel report");
        List<SignalName> inputs = List.copyOf(model.inputs());
        BandScheme scheme = model.bands();
        int scored = 0;
        int insufficient = 0;
        int failed = 0;
        for (int r = 0; r < n; r++) {
            assertEquals(Double.doubleToRawLongBits(values[r]), Double.doubleToRawLongBits(parallelValues[r]));
            assertEquals(bands[r], parallelBands[r]);
            HealthScore expected;
            try {
                expected = model.score(frame.snapshot(r, inputs), frame.at(r));
            } catch (IllegalArgumentException e) {
                // An infinite input, or one outside its domain: no snapshot can hold the row, and the batch reports
                // it failed, in the same words.
                assertEquals(BatchScorer.FAILED, bands[r], "row " + r);
                assertTrue(Double.isNaN(values[r]));
                assertEquals(e.getMessage(), report.reason(r).orElseThrow(), "row " + r);
                failed++;
                continue;
            }
            if (expected.isScored()) {
                double v = expected.value().getAsDouble();
                assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(values[r]),
                        "row " + r + ": object path " + v + ", batch " + values[r]);
                assertEquals(scheme.rank(expected.band().orElseThrow()), bands[r], "row " + r);
                scored++;
            } else {
                assertTrue(Double.isNaN(values[r]), "row " + r + " should have no value: " + expected.note());
                assertEquals(BatchScorer.INSUFFICIENT_DATA, bands[r], "row " + r);
                insufficient++;
            }
        }
        assertEquals(new BatchReport(n, scored, insufficient, failed, report.failures()), report);
    }
}
