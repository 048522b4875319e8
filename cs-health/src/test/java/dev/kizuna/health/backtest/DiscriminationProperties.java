package dev.kizuna.health.backtest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-pass AUC, average precision and DeLong placements equal their definitions computed pair by pair. */
class DiscriminationProperties {

    /** Scores with many ties (few distinct values) and labels with at least one of each class. */
    @Provide
    Arbitrary<Tuple.Tuple2<double[], boolean[]>> scored() {
        Arbitrary<Double> risk = Arbitraries.integers().between(0, 12).map(i -> i / 4.0);
        return Combinators.combine(risk, Arbitraries.of(true, false)).as(Tuple::of).list().ofMinSize(4).ofMaxSize(60)
                .filter(list -> list.stream().anyMatch(Tuple.Tuple2::get2) && list.stream().anyMatch(t -> !t.get2()))
                .map(list -> {
                    double[] r = new double[list.size()];
                    boolean[] e = new boolean[list.size()];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = list.get(i).get1();
                        e[i] = list.get(i).get2();
                    }
                    return Tuple.of(r, e);
                });
    }

    @Property
    void rocAucIsThePairwiseCount(@ForAll("scored") Tuple.Tuple2<double[], boolean[]> data) {
        double[] risk = data.get1();
        boolean[] event = data.get2();
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < risk.length; i++) {
            for (int j = 0; j < risk.length; j++) {
                if (event[i] && !event[j]) {
                    pairs++;
                    wins += risk[i] > risk[j] ? 1 : (risk[i] == risk[j] ? 0.5 : 0);
                }
            }
        }
        assertEquals(wins / pairs, Discrimination.rocAuc(risk, event), 1e-12);
    }

    @Property
    void averagePrecisionIsItsDefinition(@ForAll("scored") Tuple.Tuple2<double[], boolean[]> data) {
        double[] risk = data.get1();
        boolean[] event = data.get2();
        double positives = 0;
        for (boolean e : event) {
            positives += e ? 1 : 0;
        }
        // For each distinct threshold from the top: precision and recall of flagging every risk >= threshold.
        double[] thresholds = Arrays.stream(risk).distinct().sorted().toArray();
        double ap = 0;
        double previousRecall = 0;
        for (int k = thresholds.length - 1; k >= 0; k--) {
            double tp = 0;
            double flagged = 0;
            for (int i = 0; i < risk.length; i++) {
                if (risk[i] >= thresholds[k]) {
                    flagged++;
                    tp += event[i] ? 1 : 0;
                }
            }
            double recall = tp / positives;
            ap += (recall - previousRecall) * (tp / flagged);
            previousRecall = recall;
        }
        assertEquals(ap, Discrimination.averagePrecision(risk, event), 1e-12);
    }

    @Property
    void deLongPlacementsAreTheirDefinition(@ForAll("scored") Tuple.Tuple2<double[], boolean[]> data) {
        double[] risk = data.get1();
        boolean[] event = data.get2();
        double[][] placements = new Ranking(risk).placements(event);
        int p = 0;
        int q = 0;
        for (int i = 0; i < risk.length; i++) {
            double wins = 0;
            int others = 0;
            for (int j = 0; j < risk.length; j++) {
                if (event[j] != event[i]) {
                    others++;
                    double d = event[i] ? risk[i] - risk[j] : risk[j] - risk[i];
                    wins += d > 0 ? 1 : (d == 0 ? 0.5 : 0);
                }
            }
            double expected = wins / others;
            assertEquals(expected, event[i] ? placements[0][p++] : placements[1][q++], 1e-12);
        }
    }

    @Property(tries = 100)
    void theAucsOfResampledDataAreWeightedPairCounts(@ForAll("scored") Tuple.Tuple2<double[], boolean[]> data,
                                                     @ForAll("weights") List<Integer> weights) {
        double[] risk = data.get1();
        boolean[] event = data.get2();
        double[] w = new double[risk.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i % weights.size());
        }
        double wins = 0;
        double pairs = 0;
        for (int i = 0; i < risk.length; i++) {
            for (int j = 0; j < risk.length; j++) {
                if (event[i] && !event[j]) {
                    double pw = w[i] * w[j];
                    pairs += pw;
                    wins += pw * (risk[i] > risk[j] ? 1 : (risk[i] == risk[j] ? 0.5 : 0));
                }
            }
        }
        double expected = pairs > 0 ? wins / pairs : Double.NaN;
        assertEquals(expected, new Ranking(risk).rocAuc(w, event), 1e-12);
    }

    @Provide
    Arbitrary<List<Integer>> weights() {
        return Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property
    void theRocCurveRisesFromZeroToOneAndItsAreaIsTheAuc(@ForAll("scored") Tuple.Tuple2<double[], boolean[]> data) {
        double[] risk = data.get1();
        boolean[] event = data.get2();
        List<RocPoint> curve = Discrimination.rocCurve(risk, event);
        assertEquals(new RocPoint(Double.POSITIVE_INFINITY, 0, 0), curve.get(0));
        assertEquals(1.0, curve.get(curve.size() - 1).falsePositiveRate());
        assertEquals(1.0, curve.get(curve.size() - 1).truePositiveRate());
        assertEquals(Arrays.stream(risk).distinct().count() + 1, curve.size(), "one point per distinct risk");
        for (int k = 1; k < curve.size(); k++) {
            RocPoint a = curve.get(k - 1);
            RocPoint b = curve.get(k);
            assertTrue(b.threshold() < a.threshold(), "thresholds descend");
            assertTrue(b.falsePositiveRate() >= a.falsePositiveRate()
                    && b.truePositiveRate() >= a.truePositiveRate(), "the curve never goes back: " + a + " " + b);
        }
        assertEquals(Discrimination.rocAuc(risk, event), trapezoidArea(curve), 1e-12);
    }

    /** The area under a curve by the trapezoid rule. */
    static double trapezoidArea(List<RocPoint> curve) {
        double area = 0;
        for (int k = 1; k < curve.size(); k++) {
            RocPoint a = curve.get(k - 1);
            RocPoint b = curve.get(k);
            area += (b.falsePositiveRate() - a.falsePositiveRate()) * (a.truePositiveRate() + b.truePositiveRate()) / 2;
        }
        return area;
    }
}
