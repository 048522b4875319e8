package dev.kizuna.health.fit;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.definition.DefinitionLimits;
import dev.kizuna.health.internal.Normal;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.LogisticMissingInput;
import dev.kizuna.health.logistic.Term;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;
import dev.kizuna.health.outcome.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Fits the logistic churn model to labelled rows by maximum likelihood.
 *
 * <pre>{@code
 * Labels labels = Labelling.churnWithin(Period.ofDays(90)).withObservedUntil(end).label(frame, outcomes);
 * LogisticFit fit = LogisticFitter.builder(ModelId.of("churn", "2026-06")).l2(1.0).build().fit(labels);
 * Files.writeString(Path.of("churn.json"), fit.definitionJson());
 * }</pre>
 *
 * <p><b>Model.</b> {@code P(churn) = σ(β₀ + Σ βⱼ zⱼ)} with {@code zⱼ = (xⱼ - meanⱼ) / sdⱼ}, the signals standardised
 * with the training rows' mean and standard deviation (dividing by n). The estimate minimises
 * {@code -log-likelihood + (λ / 2) Σ βⱼ²} (the intercept is not penalised) by Newton-Raphson, which for the logistic
 * model is iteratively reweighted least squares: each step solves {@code (ZᵀWZ + λI) δ = gradient} by Hipparchus'
 * Cholesky decomposition, halving the step if the objective would rise, until no coefficient moves by more than
 * {@code tolerance · (1 + |β|)}. Standard errors are the square roots of the diagonal of {@code (ZᵀWZ + λI)⁻¹} at the
 * estimate (with {@code λ > 0}, the penalised information: a Bayesian reading).
 *
 * <p><b>Never silently wrong.</b> Without regularisation, collinear signals (a singular information matrix) and
 * outcomes the signals separate perfectly (coefficients growing without bound) throw a {@link FitException} that
 * names the signal; with {@code λ > 0} both are regularised. Constant signals, missing columns, infinite values and
 * data without events or without non-events throw too.
 *
 * <p><b>Custom signals.</b> The definition returned declares every custom signal it reads, with a domain inferred
 * from the training values (missing ones ignored): only 0 and 1 is a flag ({@code {min: 0, max: 1, whole: true}});
 * whole numbers from 0 up, a count; numbers from 0 up, non-negative; anything else, any finite number. So it reads
 * back from its written form, and a scored value outside what the model was trained on (a flag of 7) is rejected.
 *
 * <p><b>Missing values</b>: rows with any missing value of the fitted signals are left out
 * ({@link MissingInput#DROP_ROWS}, the default), or missing values sit at the mean of the present ones
 * ({@link MissingInput#MEAN}), which is what the fitted model does with a missing input.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogisticFitter {
    /** A standardised coefficient above this, unregularised, means the outcomes are separated. */
    private static final double SEPARATION_BOUND = 25;
    /** A Cholesky pivot below this share of its diagonal means the information matrix is singular. */
    private static final double SINGULAR = 1e-10;

    /**
     * What the fit does with a missing input: a training row without a value of one of the signals. One of the
     * family of missing-input choices, with {@link dev.kizuna.health.logistic.LogisticMissingInput} (what the fitted
     * model does when scoring; the fit always writes {@code REFERENCE}) and
     * {@link dev.kizuna.health.scorecard.ScorecardMissingInput}.
     */
    public enum MissingInput {
        /** Leave the row out. The default. */
        DROP_ROWS,
        /** Put the value at the mean of the signal's present values (its standardised value is 0). */
        MEAN
    }

    private final ModelId id;
    private final List<SignalName> signals;
    private final double l2;
    private final int maxIterations;
    private final double tolerance;
    private final MissingInput missingInput;
    private final BandScheme bands;

    private LogisticFitter(Builder b) {
        this.id = b.id;
        this.signals = List.copyOf(b.signals);
        this.l2 = b.l2;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.missingInput = b.missingInput;
        this.bands = b.bands;
    }

    /** Returns a builder of a fitter whose model has the given id: every signal, no regularisation. */
    public static Builder builder(ModelId id) {
        return new Builder(id);
    }

    /**
     * Fits the uncensored rows of {@code labels}.
     *
     * @throws FitException if the data cannot be fitted (see the class comment), among others when there is no row or
     *                      every row is censored, which the message says with the horizon and the end of observation
     */
    public LogisticFit fit(Labels labels) {
        Objects.requireNonNull(labels, "labels");
        if (labels.rows() == 0) {
            throw new FitException("there are no rows to fit");
        }
        if (labels.censored() == labels.rows()) {
            throw new FitException(String.format(Locale.ROOT, "every one of the %,d rows is censored: its horizon of"
                    + " %s ends after the end of observation, %s, so whether it was followed by churn is not known"
                    + " yet; observe until a later date, or shorten the horizon", labels.rows(), labels.horizon(),
                    labels.endOfObservation()));
        }
        return fit(labels.uncensoredFrame(), labels.uncensoredEvents());
    }

    /**
     * Fits {@code event} (true for churn) from the signals of {@code frame}, row by row.
     *
     * @throws IllegalArgumentException if {@code event} does not have one label per row
     * @throws FitException             if the data cannot be fitted (see the class comment)
     */
    public LogisticFit fit(SignalFrame frame, boolean[] event) {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(event, "event");
        if (event.length != frame.rows()) {
            throw new IllegalArgumentException("event: " + event.length + " labels for " + frame.rows() + " rows");
        }
        if (frame.rows() == 0) {
            throw new FitException("there are no rows to fit");
        }
        Design d = design(frame, event);
        int k = d.z.length;
        double[] beta = new double[k];
        beta[0] = Math.log(d.events / (double) (d.n - d.events));
        double objective = objective(d, beta);
        double[] gradient = new double[k];
        double[][] hessian = new double[k][k];
        int iterations = 0;
        double lastStep = Double.NaN;
        boolean converged = false;
        while (iterations < maxIterations) {
            iterations++;
            derivatives(d, beta, gradient, hessian);
            double[] delta = factor(hessian, d).solve(gradient);
            double scale = 1;
            double[] next = new double[k];
            double nextObjective = Double.NaN;
            for (int halvings = 0; halvings < 60; halvings++) {
                for (int j = 0; j < k; j++) {
                    next[j] = beta[j] - scale * delta[j];
                }
                nextObjective = objective(d, next);
                if (nextObjective <= objective + 1e-12 * Math.abs(objective)) {
                    break;
                }
                scale /= 2;
            }
            lastStep = 0;
            double largest = 0;
            for (int j = 0; j < k; j++) {
                lastStep = Math.max(lastStep, Math.abs(next[j] - beta[j]));
                largest = Math.max(largest, Math.abs(next[j]));
            }
            beta = next;
            objective = nextObjective;
            if (l2 == 0) {
                checkSeparation(d, beta);
            }
            if (lastStep <= tolerance * (1 + largest)) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            throw new FitException("the fit did not converge in " + maxIterations + " iterations (last step "
                    + lastStep + "); " + (l2 == 0 ? "the outcomes may be separable: add L2 regularisation (l2 > 0)"
                    : "raise the iteration limit"));
        }
        derivatives(d, beta, gradient, hessian);
        double gradientNorm = 0;
        for (double g : gradient) {
            gradientNorm = Math.max(gradientNorm, Math.abs(g));
        }
        double[][] covariance = factor(hessian, d).inverse();
        return result(d, frame, beta, covariance, iterations, lastStep, gradientNorm);
    }

    /** The standardised design: an intercept column, then one column per signal, over the rows fitted. */
    private static final class Design {
        final List<SignalName> signals;
        final double[][] z;
        final boolean[] y;
        final int n;
        final int events;
        final int dropped;
        final double[] mean;
        final double[] sd;

        Design(List<SignalName> signals, double[][] z, boolean[] y, int events, int dropped, double[] mean,
               double[] sd) {
            this.signals = signals;
            this.z = z;
            this.y = y;
            this.n = y.length;
            this.events = events;
            this.dropped = dropped;
            this.mean = mean;
            this.sd = sd;
        }
    }

    private Design design(SignalFrame frame, boolean[] event) {
        List<SignalName> names = signals.isEmpty() ? frame.signals() : signals;
        if (names.isEmpty()) {
            throw new FitException("signals: the frame has no signal to fit");
        }
        int p = names.size();
        double[][] column = new double[p][];
        for (int j = 0; j < p; j++) {
            SignalName name = names.get(j);
            column[j] = frame.column(name).orElseThrow(() -> new FitException("signal " + name.value()
                    + ": the frame has no such column"));
        }
        int rows = frame.rows();
        boolean[] use = new boolean[rows];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            boolean complete = true;
            for (int j = 0; j < p; j++) {
                double v = column[j][r];
                if (Double.isInfinite(v)) {
                    throw new FitException("signal " + names.get(j).value() + ", row " + r + ": " + v
                            + " is not a finite number");
                }
                complete &= v == v;
            }
            use[r] = complete || missingInput == MissingInput.MEAN;
            n += use[r] ? 1 : 0;
        }
        if (n == 0) {
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                int absent = 0;
                for (int r = 0; r < rows; r++) {
                    absent += column[j][r] != column[j][r] ? 1 : 0;
                }
                if (absent > 0) {
                    missing.add(String.format(Locale.ROOT, "%s in %,d", names.get(j).value(), absent));
                }
            }
            throw new FitException(String.format(Locale.ROOT, "every one of the %,d rows lacks a value of a fitted"
                    + " signal (%s), and rows with a missing value are left out; fit fewer signals, or let missing"
                    + " values sit at the mean", rows, String.join(", ", missing)));
        }
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            int count = 0;
            for (int r = 0; r < rows; r++) {
                double v = column[j][r];
                if (use[r] && v == v) {
                    sum += v;
                    count++;
                }
            }
            if (count == 0) {
                throw new FitException("signal " + names.get(j).value() + ": no row has a value");
            }
            mean[j] = sum / count;
            double squares = 0;
            for (int r = 0; r < rows; r++) {
                double v = column[j][r];
                if (use[r] && v == v) {
                    squares += (v - mean[j]) * (v - mean[j]);
                }
            }
            sd[j] = Math.sqrt(squares / count);
            if (!(sd[j] > 0)) {
                throw new FitException("signal " + names.get(j).value() + ": every value is " + mean[j]
                        + "; a constant signal cannot be fitted, leave it out");
            }
        }
        double[][] z = new double[p + 1][n];
        boolean[] y = new boolean[n];
        int events = 0;
        for (int r = 0, i = 0; r < rows; r++) {
            if (!use[r]) {
                continue;
            }
            z[0][i] = 1;
            for (int j = 0; j < p; j++) {
                double v = column[j][r];
                z[j + 1][i] = v == v ? (v - mean[j]) / sd[j] : 0;
            }
            y[i] = event[r];
            events += event[r] ? 1 : 0;
            i++;
        }
        if (events == 0 || events == n) {
            throw new FitException("event: " + events + " of the " + n + " rows fitted are events; a fit needs"
                    + " both events and non-events");
        }
        return new Design(List.copyOf(names), z, y, events, rows - n, mean, sd);
    }

    /** {@code log(1 + e^η)} without overflow. */
    private static double softplus(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    private static double sigmoid(double eta) {
        if (eta >= 0) {
            return 1.0 / (1.0 + Math.exp(-eta));
        }
        double e = Math.exp(eta);
        return e / (1.0 + e);
    }

    private static double eta(Design d, double[] beta, int i) {
        double eta = 0;
        for (int j = 0; j < beta.length; j++) {
            eta += d.z[j][i] * beta[j];
        }
        return eta;
    }

    /** The negative log-likelihood of the rows. */
    private static double negativeLogLikelihood(Design d, double[] beta) {
        double sum = 0;
        for (int i = 0; i < d.n; i++) {
            double eta = eta(d, beta, i);
            sum += softplus(eta) - (d.y[i] ? eta : 0);
        }
        return sum;
    }

    private double objective(Design d, double[] beta) {
        double penalty = 0;
        for (int j = 1; j < beta.length; j++) {
            penalty += beta[j] * beta[j];
        }
        return negativeLogLikelihood(d, beta) + 0.5 * l2 * penalty;
    }

    /** Fills the objective's gradient and Hessian, {@code Zᵀ(μ - y) + λβ} and {@code ZᵀWZ + λI}. */
    private void derivatives(Design d, double[] beta, double[] gradient, double[][] hessian) {
        int k = beta.length;
        for (int a = 0; a < k; a++) {
            gradient[a] = a == 0 ? 0 : l2 * beta[a];
            for (int b = 0; b < k; b++) {
                hessian[a][b] = a == b && a > 0 ? l2 : 0;
            }
        }
        double[] row = new double[k];
        for (int i = 0; i < d.n; i++) {
            double mu = sigmoid(eta(d, beta, i));
            double residual = mu - (d.y[i] ? 1 : 0);
            double w = mu * (1 - mu);
            for (int a = 0; a < k; a++) {
                row[a] = d.z[a][i];
                gradient[a] += row[a] * residual;
            }
            for (int a = 0; a < k; a++) {
                double wa = w * row[a];
                for (int b = 0; b <= a; b++) {
                    hessian[a][b] += wa * row[b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                hessian[a][b] = hessian[b][a];
            }
        }
    }

    private void checkSeparation(Design d, double[] beta) {
        int worst = 0;
        for (int j = 1; j < beta.length; j++) {
            if (Math.abs(beta[j]) > Math.abs(beta[worst]) || worst == 0) {
                worst = j;
            }
        }
        if (worst > 0 && Math.abs(beta[worst]) > SEPARATION_BOUND) {
            throw new FitException("signal " + d.signals.get(worst - 1).value() + ": its standardised coefficient"
                    + " passed " + (long) SEPARATION_BOUND + " and grows without bound: the outcomes are (almost)"
                    + " perfectly separated by the signals, so maximum likelihood has no finite answer; add L2"
                    + " regularisation (l2 > 0) or leave the signal out");
        }
    }

    /**
     * The Cholesky decomposition of the information matrix by Hipparchus, taken of its unit-diagonal scaling
     * {@code S = D⁻¹ H D⁻¹} with {@code D = diag(√H_jj)}: a pivot of S at or below {@link #SINGULAR} is a pivot of H
     * below that share of its diagonal, whatever the scales of the signals.
     */
    private Factor factor(double[][] m, Design d) {
        int k = m.length;
        double[] scale = new double[k];
        for (int j = 0; j < k; j++) {
            if (!(m[j][j] > 0)) {
                throw new FitException(singular(d, singularColumn(m)));
            }
            scale[j] = 1 / Math.sqrt(m[j][j]);
        }
        try {
            return new Factor(decompose(m, scale, k).getSolver(), scale);
        } catch (MathIllegalArgumentException e) {
            throw new FitException(singular(d, singularColumn(m)));
        }
    }

    private static CholeskyDecomposition decompose(double[][] m, double[] scale, int size) {
        double[][] s = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                s[i][j] = m[i][j] * (scale[i] * scale[j]);
            }
        }
        return new CholeskyDecomposition(MatrixUtils.createRealMatrix(s),
                CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, SINGULAR);
    }

    /**
     * Returns the column whose pivot makes the matrix singular: the first leading block that does not decompose, as
     * the leading blocks share the matrix's first pivots. Only on the way to an error.
     */
    private static int singularColumn(double[][] m) {
        int k = m.length;
        double[] scale = new double[k];
        for (int j = 0; j < k; j++) {
            if (!(m[j][j] > 0)) {
                return j;
            }
            scale[j] = 1 / Math.sqrt(m[j][j]);
            try {
                decompose(m, scale, j + 1);
            } catch (MathIllegalArgumentException e) {
                return j;
            }
        }
        return k - 1;
    }

    /** The decomposition of {@code S = D⁻¹ H D⁻¹} and the diagonal of {@code D⁻¹}, to solve with and invert H. */
    private record Factor(DecompositionSolver solver, double[] scale) {
        /** Solves {@code H x = b} as {@code x = D⁻¹ S⁻¹ D⁻¹ b}. */
        double[] solve(double[] b) {
            double[] y = new double[b.length];
            for (int j = 0; j < b.length; j++) {
                y[j] = b[j] * scale[j];
            }
            double[] x = solver.solve(new ArrayRealVector(y, false)).toArray();
            for (int j = 0; j < x.length; j++) {
                x[j] *= scale[j];
            }
            return x;
        }

        /** Returns {@code H⁻¹ = D⁻¹ S⁻¹ D⁻¹}. */
        double[][] inverse() {
            double[][] inverse = solver.getInverse().getData();
            for (int i = 0; i < inverse.length; i++) {
                for (int j = 0; j < inverse.length; j++) {
                    inverse[i][j] *= scale[i] * scale[j];
                }
            }
            return inverse;
        }
    }

    private String singular(Design d, int column) {
        if (column == 0) {
            return "the information matrix is singular at the intercept: every row has a fitted probability of 0 or"
                    + " 1; add L2 regularisation (l2 > 0)";
        }
        List<String> before = new ArrayList<>();
        for (int j = 0; j < column - 1; j++) {
            before.add(d.signals.get(j).value());
        }
        return "signal " + d.signals.get(column - 1).value() + ": it is (almost) a linear combination of "
                + (before.isEmpty() ? "the intercept" : "the intercept and " + String.join(", ", before))
                + ", so the signals are collinear and the information matrix is singular; leave it out or add L2"
                + " regularisation (l2 > 0)";
    }

    private LogisticFit result(Design d, SignalFrame frame, double[] beta, double[][] covariance, int iterations,
                               double lastStep, double gradientNorm) {
        int p = d.signals.size();
        for (int j = 0; j < p; j++) {
            checkRepresentable(d.signals.get(j), d.mean[j], d.sd[j]);
        }
        List<Coefficient> coefficients = new ArrayList<>(p);
        List<Term> terms = new ArrayList<>(p);
        double rawIntercept = beta[0];
        for (int j = 0; j < p; j++) {
            SignalName signal = d.signals.get(j);
            double estimate = beta[j + 1];
            double se = Math.sqrt(covariance[j + 1][j + 1]);
            double raw = estimate / d.sd[j];
            rawIntercept -= raw * d.mean[j];
            coefficients.add(new Coefficient(signal.value(), Optional.of(signal), estimate, se, estimate / se,
                    Normal.twoSidedP(estimate / se), raw, d.mean[j], d.sd[j]));
            terms.add(Term.standardised(signal.value(), signal, estimate, d.mean[j], d.sd[j]));
        }
        double interceptSe = Math.sqrt(covariance[0][0]);
        Coefficient intercept = new Coefficient("intercept", Optional.empty(), beta[0], interceptSe,
                beta[0] / interceptSe, Normal.twoSidedP(beta[0] / interceptSe), rawIntercept, 0, 1);
        LogisticDefinition definition = new LogisticDefinition(id, bands, beta[0], terms,
                LogisticMissingInput.REFERENCE, 0, InferredDomains.of(d.signals, frame));
        double rate = d.events / (double) d.n;
        double nullLogLikelihood = d.events * Math.log(rate) + (d.n - d.events) * Math.log(1 - rate);
        return new LogisticFit(definition, intercept, coefficients, l2, d.n, d.events, d.dropped, iterations, lastStep,
                gradientNorm, -negativeLogLikelihood(d, beta), nullLogLikelihood);
    }

    /**
     * Throws if a signal's standardisation cannot be held by a definition (see {@link DefinitionLimits}): values so
     * large or so nearly constant that scoring them would overflow.
     */
    private static void checkRepresentable(SignalName signal, double mean, double sd) {
        if (Math.abs(mean) > DefinitionLimits.MAX_MAGNITUDE) {
            throw new FitException("signal " + signal.value() + ": its mean, " + mean + ", is beyond the 1e15 a"
                    + " definition holds; rescale it (for example to thousands)");
        }
        if (!(sd >= DefinitionLimits.MIN_SD && sd <= DefinitionLimits.MAX_MAGNITUDE)) {
            throw new FitException("signal " + signal.value() + ": its standard deviation, " + sd + ", is outside"
                    + " the 1e-9 to 1e15 a definition holds; " + (sd < DefinitionLimits.MIN_SD
                    ? "it barely varies, leave it out" : "rescale it (for example to thousands)"));
        }
    }

    /** Builds a {@link LogisticFitter}. Not thread-safe. */
    public static final class Builder {
        private final ModelId id;
        private List<SignalName> signals = List.of();
        private double l2;
        private int maxIterations = 100;
        private double tolerance = 1e-10;
        private MissingInput missingInput = MissingInput.DROP_ROWS;
        private BandScheme bands = BandScheme.standard();

        private Builder(ModelId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Sets the signals to fit, in order (default: every column of the frame). */
        public Builder signals(List<SignalName> names) {
            Objects.requireNonNull(names, "signals");
            List<SignalName> copy = List.copyOf(names);
            if (copy.stream().distinct().count() != copy.size()) {
                throw new IllegalArgumentException("signals: " + copy + " names a signal twice");
            }
            this.signals = copy;
            return this;
        }

        /**
         * Sets the L2 penalty {@code λ} on the standardised coefficients (default 0: plain maximum likelihood).
         *
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder l2(double lambda) {
            if (!(lambda >= 0 && lambda < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("l2: " + lambda + " must be a finite number >= 0");
            }
            this.l2 = lambda;
            return this;
        }

        /**
         * Sets the most Newton-Raphson iterations (default 100).
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxIterations(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxIterations: " + count + " must be >= 1");
            }
            this.maxIterations = count;
            return this;
        }

        /**
         * Sets the convergence tolerance: the fit stops when no coefficient moves by more than
         * {@code tolerance · (1 + |β|)} (default 1e-10).
         *
         * @throws IllegalArgumentException unless positive and below 1
         */
        public Builder tolerance(double value) {
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException("tolerance: " + value + " must be between 0 and 1, exclusive");
            }
            this.tolerance = value;
            return this;
        }

        /** Sets what to do with missing values (default: leave the row out). */
        public Builder missingInput(MissingInput policy) {
            this.missingInput = Objects.requireNonNull(policy, "missingInput");
            return this;
        }

        /** Sets the bands of the fitted model (default: the standard scheme). */
        public Builder bands(BandScheme scheme) {
            this.bands = Objects.requireNonNull(scheme, "bands");
            return this;
        }

        /** Builds the fitter. */
        public LogisticFitter build() {
            return new LogisticFitter(this);
        }
    }
}
