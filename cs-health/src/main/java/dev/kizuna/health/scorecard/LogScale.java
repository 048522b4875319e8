package dev.kizuna.health.scorecard;

import dev.kizuna.health.BandLever.Relation;
import dev.kizuna.health.BandLever.Target;

import java.util.Optional;

/**
 * The arithmetic of the logarithmic normaliser, given the logarithms {@code low = ln(1 + from)} and
 * {@code high = ln(1 + to)} of its bounds, so that a compiled scorecard can compute them once rather than on every
 * call (the JDK's {@code log1p} is not an intrinsic). {@code Normaliser.Logarithmic} computes them per call and uses
 * the same methods, so both give bit-identical results.
 */
final class LogScale {
    private LogScale() {
    }

    /** Returns the sub-score of {@code raw}: {@code 100 · (ln(1 + raw) - low) / (high - low)}, clamped to 0..100. */
    public static double score(double raw, double low, double high) {
        if (raw <= -1) {
            return high > low ? 0 : 100;
        }
        double s = (Math.log1p(raw) - low) / (high - low) * 100.0;
        return s <= 0 ? 0 : (s >= 100 ? 100 : s);
    }

    /** Returns the raw value whose (unclamped) sub-score is {@code subscore}. */
    public static double rawAt(double subscore, double low, double high) {
        return Math.expm1(low + subscore / 100.0 * (high - low));
    }

    /**
     * Returns the bound of the raw values scoring at least {@code subscore}, closest to {@code current}; see
     * {@code Normaliser#atLeast}.
     *
     * @param rising whether the scale rises ({@code to > from})
     */
    public static Optional<Target> atLeast(double subscore, double current, double low, double high, boolean rising) {
        if (score(current, low, high) >= subscore) {
            return Optional.of(new Target(current, Relation.AT_LEAST));
        }
        if (subscore > 100) {
            return Optional.empty();
        }
        return Optional.of(new Target(rawAt(subscore, low, high), rising ? Relation.AT_LEAST : Relation.AT_MOST));
    }

    /**
     * Returns the bound of the raw values scoring at most {@code subscore}, closest to {@code current}; see
     * {@code Normaliser#atMost}.
     *
     * @param rising whether the scale rises ({@code to > from})
     */
    public static Optional<Target> atMost(double subscore, double current, double low, double high, boolean rising) {
        if (score(current, low, high) <= subscore) {
            return Optional.of(new Target(current, Relation.AT_MOST));
        }
        if (subscore < 0) {
            return Optional.empty();
        }
        return Optional.of(new Target(rawAt(subscore, low, high), rising ? Relation.AT_MOST : Relation.AT_LEAST));
    }
}
