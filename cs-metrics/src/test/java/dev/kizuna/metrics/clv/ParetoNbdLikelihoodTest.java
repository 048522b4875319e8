package dev.kizuna.metrics.clv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The series form of the Pareto/NBD likelihood against the printed 2F1 form, and its analytic derivatives against
 * finite differences, on both sides of alpha = beta and where the series hands over to the numerical fallback.
 */
class ParetoNbdLikelihoodTest {
    /** Customers with repeaters, non-repeaters, t_x = T, heavy buyers and a long gap. */
    private static final RepeatData DATA = RepeatData.of(
            new int[] {0, 0, 1, 2, 5, 26, 3, 0, 40, 1},
            new double[] {0, 0, 1.71, 30.43, 12.0, 30.86, 38.86, 0, 37.5, 0.14},
            new double[] {38.86, 27.0, 38.86, 38.86, 33.0, 31.0, 38.86, 0.5, 38.0, 20.0});

    private static final double[][] POINTS = {
        {Math.log(0.553), Math.log(10.578), Math.log(0.606), Math.log(11.669)},   // the CDNOW estimates: alpha < beta
        {Math.log(0.8), Math.log(15), Math.log(0.4), Math.log(6)},                 // alpha > beta
        {Math.log(2.5), Math.log(4), Math.log(1.7), Math.log(4)},                  // alpha = beta
        {Math.log(0.05), Math.log(300), Math.log(3), Math.log(0.5)},               // z above 0.99: the fallback
        {Math.log(30), Math.log(0.2), Math.log(0.02), Math.log(90)},               // alpha << beta
    };

    /** The point of {@link #POINTS} where some customers' z exceeds 0.99. */
    private static final int FALLBACK = 3;

    private static double printedForm(double[] phi) {
        double sum = 0;
        for (int k = 0; k < DATA.groups(); k++) {
            sum += DATA.weight[k] * ParetoNbdLikelihood.row(phi, DATA.x[k], DATA.tx[k], DATA.t[k]);
        }
        return sum;
    }

    @Test
    void seriesFormEqualsThePrintedHypergeometricForm() {
        ParetoNbdLikelihood f = new ParetoNbdLikelihood(DATA);
        for (double[] phi : POINTS) {
            double printed = printedForm(phi);
            assertEquals(printed, f.value(phi), 1e-11 * Math.abs(printed), () -> java.util.Arrays.toString(phi));
            double[] g = new double[4];
            double[][] h = new double[4][4];
            assertEquals(f.value(phi), f.valueGradientHessian(phi, g, h), 1e-12 * Math.abs(printed));
        }
    }

    @Test
    void gradientAndHessianMatchFiniteDifferences() {
        ParetoNbdLikelihood f = new ParetoNbdLikelihood(DATA);
        for (int point = 0; point < POINTS.length; point++) {
            double[] phi = POINTS[point];
            // The fallback's Hessian is differenced from values: good to about 1e-4 of its largest entry.
            double tolerance = point == FALLBACK ? 1e-3 : 1e-5;
            double[] g = new double[4];
            double[][] h = new double[4][4];
            f.valueGradientHessian(phi, g, h);
            double scale = 0;
            for (double[] row : h) {
                for (double v : row) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            double[] gOnly = new double[4];
            f.valueAndGradient(phi, gOnly);
            for (int i = 0; i < 4; i++) {
                double step = 1e-5;
                double[] p = phi.clone();
                p[i] = phi[i] + step;
                double up = f.value(p);
                double[] gUp = new double[4];
                f.valueAndGradient(p, gUp);
                p[i] = phi[i] - step;
                double down = f.value(p);
                double[] gDown = new double[4];
                f.valueAndGradient(p, gDown);
                String where = java.util.Arrays.toString(phi) + " component " + i;
                double numeric = (up - down) / (2 * step);
                assertEquals(numeric, g[i], 1e-6 * (1 + Math.abs(numeric)), "gradient " + where);
                assertEquals(g[i], gOnly[i], 1e-12 * (1 + Math.abs(g[i])), "gradient orders " + where);
                for (int j = 0; j < 4; j++) {
                    double hij = (gUp[j] - gDown[j]) / (2 * step);
                    assertEquals(hij, h[j][i], tolerance * (1 + scale), "Hessian " + where + ", " + j);
                }
            }
        }
    }
}
