package dev.kizuna.health.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscriminationTest {

    @Test
    void aPerfectScoreHasAucOneAndAnInvertedOneZero() {
        double[] risk = {0.9, 0.8, 0.7, 0.2, 0.1};
        boolean[] event = {true, true, true, false, false};
        assertEquals(1.0, Discrimination.rocAuc(risk, event));
        assertEquals(1.0, Discrimination.averagePrecision(risk, event));
        double[] inverted = {0.1, 0.2, 0.3, 0.8, 0.9};
        assertEquals(0.0, Discrimination.rocAuc(inverted, event));
    }

    @Test
    void aConstantScoreHasAucOneHalfAndPrecisionTheEventRate() {
        double[] risk = {3, 3, 3, 3};
        boolean[] event = {true, false, false, false};
        assertEquals(0.5, Discrimination.rocAuc(risk, event));
        assertEquals(0.25, Discrimination.averagePrecision(risk, event));
    }

    @Test
    void aRandomScoreHasAucNearOneHalf() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 200_000;
        double[] risk = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            risk[i] = random.nextDouble();
            event[i] = random.nextDouble() < 0.2;
        }
        // The AUC's standard error here is about 0.0016.
        assertEquals(0.5, Discrimination.rocAuc(risk, event), 0.008);
        assertEquals(0.2, Discrimination.averagePrecision(risk, event), 0.01);
    }

    @Test
    void scikitLearnsDocumentedExample() {
        // scikit-learn's documentation of roc_auc_score and average_precision_score: y_true = [0, 0, 1, 1],
        // y_scores = [0.1, 0.4, 0.35, 0.8] give an AUC of 0.75 and an average precision of 0.83.
        double[] risk = {0.1, 0.4, 0.35, 0.8};
        boolean[] event = {false, false, true, true};
        assertEquals(0.75, Discrimination.rocAuc(risk, event), 1e-15);
        assertEquals(5.0 / 6, Discrimination.averagePrecision(risk, event), 1e-15);
    }

    @Test
    void hanleyAndMcNeilsRatingExample() {
        // Hanley & McNeil, "The meaning and use of the area under a receiver operating characteristic (ROC) curve",
        // Radiology 143(1), 1982, Table 1: ratings 1 (definitely normal) to 5 (definitely abnormal) of 58 normal and
        // 51 abnormal CT images; the area (Wilcoxon statistic) is 0.893.
        int[] normal = {33, 6, 6, 11, 2};
        int[] abnormal = {3, 2, 2, 11, 33};
        List<Double> risk = new ArrayList<>();
        List<Boolean> event = new ArrayList<>();
        for (int rating = 0; rating < 5; rating++) {
            for (int k = 0; k < normal[rating]; k++) {
                risk.add((double) rating + 1);
                event.add(false);
            }
            for (int k = 0; k < abnormal[rating]; k++) {
                risk.add((double) rating + 1);
                event.add(true);
            }
        }
        double[] r = risk.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] e = new boolean[event.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = event.get(i);
        }
        assertEquals(0.893, Discrimination.rocAuc(r, e), 0.0005);
    }

    @Test
    void deLongMatchesTheIndependentScipyReference() throws IOException {
        // delong_reference.py (beside the data) computes the test by brute force over all pairs with numpy/scipy.
        List<Boolean> events = new ArrayList<>();
        List<double[]> risks = new ArrayList<>();
        String csv = resource("/backtest/delong_data.csv");
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("event")) {
                continue;
            }
            String[] parts = line.split(",");
            events.add(parts[0].trim().equals("1"));
            risks.add(new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
        }
        int n = events.size();
        boolean[] event = new boolean[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            event[i] = events.get(i);
            a[i] = risks.get(i)[0];
            b[i] = risks.get(i)[1];
        }
        JsonNode expected = new ObjectMapper().readTree(resource("/backtest/delong_expected.json"));
        DeLongTest test = Discrimination.deLong(a, b, event);
        assertEquals(expected.get("aucA").asDouble(), test.aucA(), 1e-12);
        assertEquals(expected.get("aucB").asDouble(), test.aucB(), 1e-12);
        assertEquals(expected.get("standardError").asDouble(), test.standardError(), 1e-12);
        assertEquals(expected.get("z").asDouble(), test.z(), 1e-10);
        // The normal tail comes from a Chebyshev fit with a relative error below 1.2e-7.
        assertEquals(expected.get("pValue").asDouble(), test.pValue(), 1e-6 * expected.get("pValue").asDouble());
    }

    @Test
    void aScoreComparedWithItselfDoesNotDiffer() {
        double[] risk = {0.9, 0.3, 0.7, 0.2, 0.1, 0.5};
        boolean[] event = {true, false, true, false, true, false};
        DeLongTest test = Discrimination.deLong(risk, risk, event);
        assertEquals(0.0, test.difference());
        assertEquals(0.0, test.z());
        assertEquals(1.0, test.pValue(), 1e-7);
    }

    @Test
    void theNormalTailIsAccurate() {
        // Two-sided p-values of the standard normal: 1.96 -> 0.04999579, 3 -> 0.002699796 (any normal table).
        assertEquals(0.04999579, Discrimination.twoSidedP(1.96), 1e-7);
        assertEquals(0.002699796, Discrimination.twoSidedP(-3), 1e-8);
        assertEquals(1.0, Discrimination.twoSidedP(0), 1e-7);
    }

    @Test
    void invalidInputIsRejectedNamingTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Discrimination.rocAuc(new double[] {1, 2}, new boolean[] {true}));
        assertEquals("risk: 2 risks for 1 events", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Discrimination.rocAuc(new double[] {1, Double.NaN}, new boolean[] {true, false}));
        assertEquals("risk[1]: NaN must be a finite number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Discrimination.averagePrecision(new double[] {1, 2}, new boolean[] {false, false}));
        assertEquals("event: 0 events among 2 observations; an AUC needs at least one event and one non-event",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Discrimination.deLong(new double[] {1, 2, 3},
                new double[] {1, 2, 3}, new boolean[] {true, false, false}));
        assertEquals("event: DeLong's test needs at least two events and two non-events, not 1 and 2",
                e.getMessage());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DiscriminationTest.class.getResourceAsStream(path)) {
            assertTrue(in != null, path + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRocPointRejectsRatesOutsideZeroToOne() {
        IllegalArgumentException fpr = assertThrows(IllegalArgumentException.class, () -> new RocPoint(1, 1.5, 0));
        assertTrue(fpr.getMessage().contains("falsePositiveRate: 1.5"), fpr.getMessage());
        IllegalArgumentException tpr = assertThrows(IllegalArgumentException.class, () -> new RocPoint(1, 0, -0.1));
        assertTrue(tpr.getMessage().contains("truePositiveRate: -0.1"), tpr.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new RocPoint(Double.NaN, 0, 0));
        assertTrue(nan.getMessage().contains("threshold: NaN"), nan.getMessage());
    }

    @Test
    void aRocCurveNeedsBothClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Discrimination.rocCurve(new double[] {1, 2}, new boolean[] {true, true}));
        assertTrue(e.getMessage().contains("event: 2 events among 2"), e.getMessage());
    }
}
