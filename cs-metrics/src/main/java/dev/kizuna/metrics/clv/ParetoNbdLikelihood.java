package dev.kizuna.metrics.clv;

import org.hipparchus.special.Gamma;

import java.util.Arrays;

/**
 * The Pareto/NBD log-likelihood over phi = (ln r, ln alpha, ln s, ln beta), with its analytic gradient and Hessian,
 * so that the fit runs the damped Newton climber of {@link MaximumLikelihood} (about ten evaluations) instead of a
 * derivative-free search (about two hundred).
 *
 * <p>Per customer (Fader and Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions"):
 * {@code L = C [B + s I]} with {@code C = Gamma(r+x)/Gamma(r) alpha^r beta^s},
 * {@code B = (alpha+T)^-(r+x) (beta+T)^-s} and {@code I = G(t_x) - G(T)}, where
 * {@code G(t) = int_t^inf (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau} is the chance of dying after t, in the
 * likelihood's units. Expanding the factor with the smaller scale about the larger one and applying Euler's
 * transformation gives, with {@code M = max(alpha, beta)}, {@code m = min(alpha, beta)}, {@code R = r+s+x},
 * {@code z = |alpha-beta| / (M+t)} and e the exponent of the larger scale's factor (r+x when alpha &gt;= beta, s+1
 * otherwise),
 * <pre>
 *   G(t) = (alpha+t)^-(r+x) (beta+t)^-(s+1) (m+t) H / R,   H = sum_n (e)_n / (R+1)_n z^n,
 * </pre>
 * which is the printed {@code A0} formula's {@code 2F1(R, s+1 or r+x; R+1; z)} after Euler's transformation. Every
 * term of H is positive and each is at most z times the one before, so H, and its derivatives in e, R and z, are
 * sums of positive terms without cancellation; the derivatives in the parameters follow by the chain rule. The
 * series is used while {@code z <= 0.99}; beyond that (one scale about a hundred times the other, which happens
 * only far from any sensible fit) the customer's term is evaluated with {@link Hypergeometric} and differentiated
 * numerically.
 *
 * <p>G depends on a customer only through x and one time, so it is computed once per distinct (x, t_x) and
 * (x, T) pair. Holds scratch arrays: one instance per fit, not shared between threads.
 */
final class ParetoNbdLikelihood extends AnalyticLikelihood {
    /** The last-resort series budget of the numerical fallback; see {@link Hypergeometric#logF21}. */
    private static final int FIT_TERMS = 20_000;
    /** The largest z for the series of H; about 5,000 terms there. */
    private static final double SERIES_Z = 0.99;
    private static final int MAX_TERMS = 20_000;
    private static final double EPS = 0x1.0p-54;

    private final RepeatData d;
    /** The distinct (x, time) pairs whose G is needed: x, and the index of the time in {@code d.times}. */
    private final int[] slotX;
    private final int[] slotTime;
    /** Per row, the slot of (x, t_x) and of (x, T); -1 when t_x = T, where I = 0. */
    private final int[] rowTx;
    private final int[] rowT;

    private final double[] lnG;
    private final double[] gradG;
    private final double[] hessG;
    private final boolean[] seriesOk;
    private final double[] lnGammaRatio;
    private final double[] digammaRatio;
    private final double[] trigammaRatio;
    private final double[] lnAlphaT;
    private final double[] lnBetaT;
    // Per-row scratch: gradients and Hessians of ln C, ln B, ln(s I).
    private final double[] gc = new double[4];
    private final double[] ga = new double[4];
    private final double[] gb = new double[4];
    private final double[][] hc = new double[4][4];
    private final double[][] ha = new double[4][4];
    private final double[][] hb = new double[4][4];

    ParetoNbdLikelihood(RepeatData d) {
        super(4);
        this.d = d;
        int rows = d.groups();
        long[] keys = new long[2 * rows];
        int n = 0;
        for (int k = 0; k < rows; k++) {
            if (d.txIndex[k] != d.tIndex[k]) {
                keys[n++] = key(d.x[k], d.txIndex[k]);
                keys[n++] = key(d.x[k], d.tIndex[k]);
            }
        }
        Arrays.sort(keys, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || keys[i] != keys[distinct - 1]) {
                keys[distinct++] = keys[i];
            }
        }
        long[] slots = Arrays.copyOf(keys, distinct);
        this.slotX = new int[distinct];
        this.slotTime = new int[distinct];
        for (int i = 0; i < distinct; i++) {
            slotX[i] = (int) (slots[i] >>> 32);
            slotTime[i] = (int) slots[i];
        }
        this.rowTx = new int[rows];
        this.rowT = new int[rows];
        for (int k = 0; k < rows; k++) {
            boolean same = d.txIndex[k] == d.tIndex[k];
            rowTx[k] = same ? -1 : Arrays.binarySearch(slots, key(d.x[k], d.txIndex[k]));
            rowT[k] = same ? -1 : Arrays.binarySearch(slots, key(d.x[k], d.tIndex[k]));
        }
        this.lnG = new double[distinct];
        this.gradG = new double[4 * distinct];
        this.hessG = new double[16 * distinct];
        this.seriesOk = new boolean[distinct];
        this.lnGammaRatio = new double[d.maxX + 1];
        this.digammaRatio = new double[d.maxX + 1];
        this.trigammaRatio = new double[d.maxX + 1];
        this.lnAlphaT = new double[d.times.length];
        this.lnBetaT = new double[d.times.length];
    }

    private static long key(int x, int time) {
        return ((long) x << 32) | time;
    }

    /**
     * ln L and, by {@code order}, its gradient (1) and Hessian (2) in phi, into {@link #g} and {@link #h}. Works in
     * theta = (r, alpha, s, beta) and maps at the end: {@code g_phi = theta g_theta},
     * {@code H_phi = theta_i theta_j H_theta + diag(g_phi)}.
     */
    @Override
    double evaluate(double[] phi, int order) {
        double r = Math.exp(phi[0]);
        double alpha = Math.exp(phi[1]);
        double s = Math.exp(phi[2]);
        double beta = Math.exp(phi[3]);
        double[] theta = {r, alpha, s, beta};
        for (int i = 0; i < d.maxX; i++) {
            double inv = 1 / (r + i);
            lnGammaRatio[i + 1] = lnGammaRatio[i] + Math.log(r + i);
            digammaRatio[i + 1] = digammaRatio[i] + inv;
            trigammaRatio[i + 1] = trigammaRatio[i] + inv * inv;
        }
        for (int j = 0; j < d.times.length; j++) {
            lnAlphaT[j] = Math.log(alpha + d.times[j]);
            lnBetaT[j] = Math.log(beta + d.times[j]);
        }
        for (int i = 0; i < slotX.length; i++) {
            slot(i, order, r, alpha, s, beta);
        }
        double lnAlpha = Math.log(alpha);
        double lnBeta = Math.log(beta);
        double lnS = Math.log(s);
        double ll = 0;
        double[] gt = new double[4];
        double[][] ht = new double[4][4];
        double fallbackValue = 0;
        double[] fallbackGradient = new double[4];
        double[][] fallbackHessian = new double[4][4];
        for (int k = 0; k < d.x.length; k++) {
            int x = d.x[k];
            double w = d.weight[k];
            int sx = rowTx[k];
            int st = rowT[k];
            if (sx >= 0 && !(seriesOk[sx] && seriesOk[st])) {
                double v = fallbackRow(phi, x, d.tx[k], d.t[k], order, fallbackGradient, fallbackHessian, w);
                if (!Double.isFinite(v)) {
                    return Double.NEGATIVE_INFINITY;
                }
                fallbackValue += w * v;
                continue;
            }
            int iT = d.tIndex[k];
            double time = d.t[k];
            double lnC = lnGammaRatio[x] + r * lnAlpha + s * lnBeta;
            double a = -(r + x) * lnAlphaT[iT] - s * lnBetaT[iT];
            double b = Double.NEGATIVE_INFINITY;
            double rho = 0;
            double oneMinusRho = 1;
            if (sx >= 0) {
                double diff = lnG[st] - lnG[sx];
                if (diff < 0) {
                    oneMinusRho = -Math.expm1(diff);
                    rho = 1 - oneMinusRho;
                    b = lnS + lnG[sx] + Math.log(oneMinusRho);
                }
            }
            double top = Math.max(a, b);
            double e = b == Double.NEGATIVE_INFINITY ? 0 : Math.exp(-Math.abs(a - b));
            ll += w * (lnC + top + Math.log1p(e));
            if (order == 0) {
                continue;
            }
            double wa = a >= b ? 1 / (1 + e) : e / (1 + e);
            double wb = 1 - wa;
            double invAlphaT = 1 / (alpha + time);
            double invBetaT = 1 / (beta + time);
            gc[0] = digammaRatio[x] + lnAlpha;
            gc[1] = r / alpha;
            gc[2] = lnBeta;
            gc[3] = s / beta;
            ga[0] = -lnAlphaT[iT];
            ga[1] = -(r + x) * invAlphaT;
            ga[2] = -lnBetaT[iT];
            ga[3] = -s * invBetaT;
            if (wb > 0) {
                // ln(s I): grad ln I = (g_x - rho g_T) / (1 - rho), and its Hessian from I'' / I - (ln I)'(ln I)'.
                for (int i = 0; i < 4; i++) {
                    gb[i] = (gradG[4 * sx + i] - rho * gradG[4 * st + i]) / oneMinusRho;
                }
                if (order > 1) {
                    for (int i = 0; i < 4; i++) {
                        for (int j = i; j < 4; j++) {
                            double ix = hessG[16 * sx + 4 * i + j] + gradG[4 * sx + i] * gradG[4 * sx + j];
                            double it = hessG[16 * st + 4 * i + j] + gradG[4 * st + i] * gradG[4 * st + j];
                            hb[i][j] = (ix - rho * it) / oneMinusRho - gb[i] * gb[j];
                        }
                    }
                    hb[2][2] -= 1 / (s * s);
                }
                gb[2] += 1 / s;
            }
            for (int i = 0; i < 4; i++) {
                gt[i] += w * (gc[i] + wa * ga[i] + (wb > 0 ? wb * gb[i] : 0));
            }
            if (order > 1) {
                for (double[] row : hc) {
                    Arrays.fill(row, 0);
                }
                for (double[] row : ha) {
                    Arrays.fill(row, 0);
                }
                hc[0][0] = -trigammaRatio[x];
                hc[0][1] = 1 / alpha;
                hc[1][1] = -r / (alpha * alpha);
                hc[2][3] = 1 / beta;
                hc[3][3] = -s / (beta * beta);
                ha[0][1] = -invAlphaT;
                ha[1][1] = (r + x) * invAlphaT * invAlphaT;
                ha[2][3] = -invBetaT;
                ha[3][3] = s * invBetaT * invBetaT;
                double c = wa * wb;
                for (int i = 0; i < 4; i++) {
                    for (int j = i; j < 4; j++) {
                        double v = hc[i][j] + wa * ha[i][j];
                        if (wb > 0) {
                            v += wb * hb[i][j] + c * (ga[i] - gb[i]) * (ga[j] - gb[j]);
                        }
                        ht[i][j] += w * v;
                    }
                }
            }
        }
        if (order > 0) {
            for (int i = 0; i < 4; i++) {
                g[i] = theta[i] * gt[i] + fallbackGradient[i];
            }
            if (order > 1) {
                for (int i = 0; i < 4; i++) {
                    for (int j = i; j < 4; j++) {
                        double v = theta[i] * theta[j] * ht[i][j] + (i == j ? theta[i] * gt[i] : 0) + fallbackHessian[i][j];
                        h[i][j] = v;
                        h[j][i] = v;
                    }
                }
            }
        }
        ll += fallbackValue;
        return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
    }

    /**
     * Computes ln G of one slot and, by {@code order}, its gradient and Hessian in theta; marks the slot for the
     * numerical fallback when z is too close to 1 for the series.
     */
    private void slot(int i, int order, double r, double alpha, double s, double beta) {
        int x = slotX[i];
        double t = d.times[slotTime[i]];
        double p = r + x;
        double q = s + 1;
        double bigR = r + s + x;
        boolean alphaMax = alpha >= beta;
        double u = (alphaMax ? alpha : beta) + t;
        double v = (alphaMax ? beta : alpha) + t;
        double z = (alphaMax ? alpha - beta : beta - alpha) / u;
        if (!(z <= SERIES_Z)) {
            seriesOk[i] = false;
            return;
        }
        double e = alphaMax ? p : q;
        double c = bigR + 1;
        // H = sum a_n z^n with a_n = (e)_n / (R+1)_n; psi_n = sum_{k<n} 1/(e+k), phi_n = sum_{k<n} 1/(R+1+k) and
        // their squares' sums give the derivatives in e and R; n/z and n(n-1)/z^2 those in z.
        double an = 1;
        double zn = 1;
        double zn1 = 0;
        double zn2 = 0;
        double sum = 0;
        double hPsi = 0;
        double hPhi = 0;
        double hPsiPsi = 0;
        double hPsi2 = 0;
        double hPhiPhi = 0;
        double hPhi2 = 0;
        double hPsiPhi = 0;
        double v0 = 0;
        double vPsi = 0;
        double vPhi = 0;
        double y0 = 0;
        double psi = 0;
        double phi = 0;
        double psi2 = 0;
        double phi2 = 0;
        boolean converged = false;
        for (int n = 0; n < MAX_TERMS; n++) {
            double hn = an * zn;
            sum += hn;
            if (order > 0) {
                hPsi += hn * psi;
                hPhi += hn * phi;
                if (n >= 1) {
                    double vn = n * an * zn1;
                    v0 += vn;
                    vPsi += vn * psi;
                    vPhi += vn * phi;
                }
                if (order > 1) {
                    hPsiPsi += hn * psi * psi;
                    hPsi2 += hn * psi2;
                    hPhiPhi += hn * phi * phi;
                    hPhi2 += hn * phi2;
                    hPsiPhi += hn * psi * phi;
                }
            }
            double yn = n >= 2 ? n * (n - 1.0) * an * zn2 : 0;
            y0 += yn;
            if (order == 0) {
                if (n >= 1 && hn * z <= EPS * (1 - z) * sum) {
                    converged = true;
                    break;
                }
            } else if (n >= 2) {
                // Each later term of the n(n-1) a_n z^(n-2) series is at most m times the one before.
                double m = z * (n + 1.0) / (n - 1.0);
                if (yn == 0 || (m < 1 && yn * m <= EPS * (1 - m) * y0)) {
                    converged = true;
                    break;
                }
            }
            double ie = 1 / (e + n);
            double ic = 1 / (c + n);
            an *= (e + n) * ic;
            psi += ie;
            psi2 += ie * ie;
            phi += ic;
            phi2 += ic * ic;
            zn2 = zn1;
            zn1 = zn;
            zn *= z;
        }
        if (!converged) {
            seriesOk[i] = false;
            return;
        }
        seriesOk[i] = true;
        double lnAlphaTime = Math.log(alpha + t);
        double lnBetaTime = Math.log(beta + t);
        lnG[i] = -p * lnAlphaTime - q * lnBetaTime + Math.log(v) + Math.log(sum) - Math.log(bigR);
        if (order == 0) {
            return;
        }
        // Derivatives of H in (e, R, z), then in theta = (r, alpha, s, beta) by the chain rule: R = r+s+x, e is r+x
        // (alpha >= beta) or s+1, and z depends on alpha and beta.
        double zAlpha = alphaMax ? v / (u * u) : -1 / u;
        double zBeta = alphaMax ? -1 / u : v / (u * u);
        double he = hPsi / sum;
        double hr = -hPhi / sum;
        double hz = v0 / sum;
        double gR = hr + (alphaMax ? he : 0);
        double gS = hr + (alphaMax ? 0 : he);
        double gA = hz * zAlpha;
        double gB = hz * zBeta;
        double invAlpha = 1 / (alpha + t);
        double invBeta = 1 / (beta + t);
        int o = 4 * i;
        gradG[o] = -lnAlphaTime - 1 / bigR + gR;
        gradG[o + 1] = -p * invAlpha + (alphaMax ? 0 : invAlpha) + gA;
        gradG[o + 2] = -lnBetaTime - 1 / bigR + gS;
        gradG[o + 3] = -q * invBeta + (alphaMax ? invBeta : 0) + gB;
        if (order == 1) {
            return;
        }
        double hee = (hPsiPsi - hPsi2) / sum;
        double hrr = (hPhiPhi + hPhi2) / sum;
        double her = -hPsiPhi / sum;
        double hez = vPsi / sum;
        double hrz = -vPhi / sum;
        double hzz = y0 / sum;
        double zAlphaAlpha = alphaMax ? -2 * v / (u * u * u) : 0;
        double zBetaBeta = alphaMax ? 0 : -2 * v / (u * u * u);
        double zAlphaBeta = 1 / (u * u);
        // H''/H in theta for the parameter that carries e (r or s) and the one that does not.
        double eOwner = hee + hrr + 2 * her;
        double eOwnerZ = hez + hrz;
        int oh = 16 * i;
        double rr = alphaMax ? eOwner : hrr;
        double ss = alphaMax ? hrr : eOwner;
        double rAlpha = (alphaMax ? eOwnerZ : hrz) * zAlpha;
        double rBeta = (alphaMax ? eOwnerZ : hrz) * zBeta;
        double sAlpha = (alphaMax ? hrz : eOwnerZ) * zAlpha;
        double sBeta = (alphaMax ? hrz : eOwnerZ) * zBeta;
        symmetric(oh, 0, 0, rr - gR * gR);
        symmetric(oh, 0, 1, rAlpha - gR * gA);
        symmetric(oh, 0, 2, hrr + her - gR * gS);
        symmetric(oh, 0, 3, rBeta - gR * gB);
        symmetric(oh, 1, 1, hzz * zAlpha * zAlpha + hz * zAlphaAlpha - gA * gA);
        symmetric(oh, 1, 2, sAlpha - gA * gS);
        symmetric(oh, 1, 3, hzz * zAlpha * zBeta + hz * zAlphaBeta - gA * gB);
        symmetric(oh, 2, 2, ss - gS * gS);
        symmetric(oh, 2, 3, sBeta - gS * gB);
        symmetric(oh, 3, 3, hzz * zBeta * zBeta + hz * zBetaBeta - gB * gB);
        double invR2 = 1 / (bigR * bigR);
        hessG[oh] += invR2;
        hessG[oh + 2] += invR2;
        hessG[oh + 8] += invR2;
        hessG[oh + 10] += invR2;
        hessG[oh + 1] -= invAlpha;
        hessG[oh + 4] -= invAlpha;
        hessG[oh + 5] += (p - (alphaMax ? 0 : 1)) * invAlpha * invAlpha;
        hessG[oh + 11] -= invBeta;
        hessG[oh + 14] -= invBeta;
        hessG[oh + 15] += (q - (alphaMax ? 1 : 0)) * invBeta * invBeta;
    }

    private void symmetric(int offset, int a, int b, double value) {
        hessG[offset + 4 * a + b] = value;
        hessG[offset + 4 * b + a] = value;
    }

    /**
     * One customer's log-likelihood by the printed formula with {@link Hypergeometric}, and, by {@code order}, its
     * gradient and Hessian in phi by central differences, added with weight {@code w} into the given accumulators.
     */
    private static double fallbackRow(double[] phi, int x, double tx, double t, int order, double[] gradient,
                                      double[][] hessian, double w) {
        double f0 = row(phi, x, tx, t);
        if (order == 0 || !Double.isFinite(f0)) {
            return f0;
        }
        // Small steps for the gradient (rounding error about 1e-11 of the value), larger ones for the Hessian.
        double[] p = phi.clone();
        for (int i = 0; i < 4; i++) {
            double step = 1e-5 * Math.max(1, Math.abs(phi[i]));
            p[i] = phi[i] + step;
            double forward = row(p, x, tx, t);
            p[i] = phi[i] - step;
            double backward = row(p, x, tx, t);
            p[i] = phi[i];
            gradient[i] += w * (forward - backward) / (2 * step);
        }
        double[] steps = new double[4];
        double[] up = new double[4];
        double[] down = new double[4];
        for (int i = 0; i < 4 && order > 1; i++) {
            steps[i] = 1e-3 * Math.max(1, Math.abs(phi[i]));
            p[i] = phi[i] + steps[i];
            up[i] = row(p, x, tx, t);
            p[i] = phi[i] - steps[i];
            down[i] = row(p, x, tx, t);
            p[i] = phi[i];
        }
        if (order > 1) {
            for (int i = 0; i < 4; i++) {
                hessian[i][i] += w * (up[i] - 2 * f0 + down[i]) / (steps[i] * steps[i]);
                for (int j = 0; j < i; j++) {
                    double v = 0;
                    for (int si = -1; si <= 1; si += 2) {
                        for (int sj = -1; sj <= 1; sj += 2) {
                            p[i] = phi[i] + si * steps[i];
                            p[j] = phi[j] + sj * steps[j];
                            v += si * sj * row(p, x, tx, t);
                        }
                    }
                    p[i] = phi[i];
                    p[j] = phi[j];
                    double hij = w * v / (4 * steps[i] * steps[j]);
                    hessian[i][j] += hij;
                    hessian[j][i] += hij;
                }
            }
        }
        return f0;
    }

    /** One customer's log-likelihood at phi, through {@link Hypergeometric}; -infinity if 2F1 does not converge. */
    static double row(double[] phi, int x, double tx, double t) {
        double r = Math.exp(phi[0]);
        double alpha = Math.exp(phi[1]);
        double s = Math.exp(phi[2]);
        double beta = Math.exp(phi[3]);
        double big = r + s + x;
        double part2 = -(r + x) * Math.log(alpha + t) - s * Math.log(beta + t);
        double part3 = Double.NEGATIVE_INFINITY;
        if (tx < t) {
            double max = Math.max(alpha, beta);
            double second = alpha >= beta ? s + 1 : r + x;
            double diff = Math.abs(alpha - beta);
            double lnMin = Math.log(Math.min(alpha, beta) + tx);
            double lnMax = Math.log(max + tx);
            double lnMinT = Math.log(Math.min(alpha, beta) + t);
            double lnMaxT = Math.log(max + t);
            try {
                double u1 = Hypergeometric.logF21(big, second, big + 1, diff / (max + tx), lnMin - lnMax, FIT_TERMS)
                        - big * lnMax;
                double u2 = Hypergeometric.logF21(big, second, big + 1, diff / (max + t), lnMinT - lnMaxT, FIT_TERMS)
                        - big * lnMaxT;
                if (u2 < u1) {
                    part3 = Math.log(s) - Math.log(big) + u1 + Math.log(-Math.expm1(u2 - u1));
                }
            } catch (ArithmeticException notConverged) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        double top = Math.max(part2, part3);
        double tail = part3 == Double.NEGATIVE_INFINITY ? 0 : Math.log1p(Math.exp(-Math.abs(part2 - part3)));
        double lnGammaRatio = Gamma.logGamma(r + x) - Gamma.logGamma(r);
        double v = lnGammaRatio + r * Math.log(alpha) + s * Math.log(beta) + top + tail;
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
