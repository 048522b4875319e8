package dev.kizuna.playbooks.control;

import dev.kizuna.core.internal.Checks;
import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.Collection;
import java.util.Objects;

/**
 * The effect of a playbook: the success rate (retained, expanded, ...) of the treated accounts minus that of the
 * held-out accounts, with a confidence interval for that difference of two independent proportions.
 *
 * <p>The interval is Newcombe's hybrid score interval (method 10 in R. G. Newcombe, "Interval estimation for the
 * difference between independent proportions: comparison of eleven methods", Statistics in Medicine 17, 1998,
 * 873-890): with Wilson score intervals {@code [l1, u1]} of the treated rate {@code p1} and {@code [l2, u2]} of the
 * control rate {@code p2},
 * <pre>
 *   lower = (p1 - p2) - sqrt((p1 - l1)^2 + (u2 - p2)^2)
 *   upper = (p1 - p2) + sqrt((u1 - p1)^2 + (p2 - l2)^2)
 * </pre>
 * It stays inside {@code [-1, 1]} and behaves well for small groups and rates near 0 or 1, where the textbook Wald
 * interval does not. An interval that excludes 0 means the playbook's effect is significant at that confidence.
 * Immutable and thread-safe.
 *
 * @param treatedSuccesses accounts in the treated group with the outcome
 * @param treated          accounts in the treated group, at least 1
 * @param controlSuccesses accounts in the control group with the outcome
 * @param control          accounts in the control group, at least 1
 * @param confidence       the confidence level, such as 0.95, in (0, 1)
 * @param difference       {@code treatedRate - controlRate}
 * @param lower            the lower bound of the interval
 * @param upper            the upper bound of the interval
 */
public record Uplift(int treatedSuccesses, int treated, int controlSuccesses, int control, double confidence,
                     double difference, double lower, double upper) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

    /** One account's group and outcome, for {@link #of(Collection, double)}. */
    public record Outcome(boolean heldOut, boolean success) {
    }

    /** Validates the counts and the interval. */
    public Uplift {
        Checks.positive(treated, "treated");
        Checks.positive(control, "control");
        if (treatedSuccesses < 0 || treatedSuccesses > treated) {
            throw new IllegalArgumentException("treatedSuccesses: " + treatedSuccesses + " must be from 0 to "
                    + treated);
        }
        if (controlSuccesses < 0 || controlSuccesses > control) {
            throw new IllegalArgumentException("controlSuccesses: " + controlSuccesses + " must be from 0 to "
                    + control);
        }
        Checks.finite(confidence, "confidence");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: " + confidence + " must be between 0 and 1, exclusive");
        }
        if (!(lower <= difference && difference <= upper)) {
            throw new IllegalArgumentException("lower, upper: [" + lower + ", " + upper
                    + "] must contain the difference " + difference);
        }
    }

    /**
     * Returns the uplift of the given counts at the given confidence.
     *
     * @throws IllegalArgumentException if a group is empty or a count is out of range
     */
    public static Uplift of(int treatedSuccesses, int treated, int controlSuccesses, int control, double confidence) {
        Checks.positive(treated, "treated");
        Checks.positive(control, "control");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: " + confidence + " must be between 0 and 1, exclusive");
        }
        double z = normalQuantile(1 - (1 - confidence) / 2);
        double p1 = treatedSuccesses / (double) treated;
        double p2 = controlSuccesses / (double) control;
        double[] w1 = wilson(treatedSuccesses, treated, z);
        double[] w2 = wilson(controlSuccesses, control, z);
        double d = p1 - p2;
        double lower = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
        double upper = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
        return new Uplift(treatedSuccesses, treated, controlSuccesses, control, confidence, d,
                Math.max(-1, lower), Math.min(1, upper));
    }

    /** Returns the uplift of the outcomes of many accounts: treated ones versus held-out ones. */
    public static Uplift of(Collection<Outcome> outcomes, double confidence) {
        Objects.requireNonNull(outcomes, "outcomes");
        int t = 0;
        int ts = 0;
        int c = 0;
        int cs = 0;
        for (Outcome o : outcomes) {
            if (o.heldOut()) {
                c++;
                cs += o.success() ? 1 : 0;
            } else {
                t++;
                ts += o.success() ? 1 : 0;
            }
        }
        return of(ts, t, cs, c, confidence);
    }

    /** Returns the success rate of the treated group. */
    public double treatedRate() {
        return treatedSuccesses / (double) treated;
    }

    /** Returns the success rate of the control group. */
    public double controlRate() {
        return controlSuccesses / (double) control;
    }

    /** Returns whether the interval excludes zero: the effect is significant at the confidence level. */
    public boolean isSignificant() {
        return lower > 0 || upper < 0;
    }

    /** Returns the Wilson score interval {@code [lower, upper]} of {@code successes / n}. */
    static double[] wilson(int successes, int n, double z) {
        double p = successes / (double) n;
        double z2 = z * z;
        double centre = 2 * n * p + z2;
        double spread = z * Math.sqrt(z2 + 4 * n * p * (1 - p));
        double denominator = 2 * (n + z2);
        return new double[]{Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator)};
    }

    private static double sq(double x) {
        return x * x;
    }

    /** Returns the standard normal quantile of {@code p} in (0, 1), by Hipparchus' {@link NormalDistribution}. */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p: " + p + " must be between 0 and 1, exclusive");
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }
}
