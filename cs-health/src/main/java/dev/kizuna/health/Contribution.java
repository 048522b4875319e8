package dev.kizuna.health;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.internal.Checks;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one input (or the model's baseline, or a cap) added to a health score.
 *
 * <p>The {@link #points() points} of all the contributions of a score add up exactly to its value (see
 * {@link HealthScore}). {@link #impact() impact} says which way the input pulled: negative pulls the score down,
 * positive lifts it; each model documents its reference point.
 *
 * <p>A value with the parts and accessors a record would have, and {@code equals}, {@code hashCode} and
 * {@code toString} to match; it is a class so that it can keep its optional numbers unboxed (a score has a dozen
 * contributions, and each box is an allocation on the scoring path). Immutable and thread-safe.
 */
public final class Contribution {

    /** What a contribution stands for. */
    public enum Kind {
        /** An input read from a signal: a scorecard measure or a logistic term. */
        INPUT,
        /** The score the model gives when every input is at its reference (the logistic intercept). */
        BASELINE,
        /** A cap that lowered the score; its points are the (negative) change. */
        CAP
    }

    /** What the contribution is of: shared by every contribution of the same input made by {@link #withNumbers}. */
    private final Input input;
    /** The raw value, or NaN for none (a raw value is always finite, so NaN is free as the marker). */
    private final double raw;
    /** The sub-score, or NaN for none (a sub-score lies in [0, 100]). */
    private final double subscore;
    private final double weight;
    private final double points;
    private final double impact;

    /**
     * Returns a contribution of the given parts, each validated.
     *
     * @param id       the input's id in the model (a measure, a term, {@code baseline}, or a cap's id): 1 to 64
     *                 characters
     * @param label    a readable name of the input
     * @param kind     what the contribution is
     * @param signal   the signal the input reads, if any
     * @param raw      the signal's value in the snapshot, or empty when it had none
     * @param subscore the input's own score from 0 to 100, for models that have one (the scorecard's normalised
     *                 measure score), or empty
     * @param weight   the input's share of the model's weight, from 0 to 1 (0 for a baseline or a cap)
     * @param points   the points the input contributed, in hundredths; may be negative (a cap, a risk factor)
     * @param impact   how far the input moved the score from the model's reference, in points: negative pulls down
     */
    public Contribution(String id, String label, Kind kind, Optional<SignalName> signal, OptionalDouble raw,
                        OptionalDouble subscore, double weight, double points, double impact) {
        this(id, label, kind, signal, Objects.requireNonNull(raw, "contribution.raw").orElse(Double.NaN),
                Objects.requireNonNull(subscore, "contribution.subscore").orElse(Double.NaN), weight, points, impact);
    }

    private Contribution(String id, String label, Kind kind, Optional<SignalName> signal, double raw,
                         double subscore, double weight, double points, double impact) {
        this(new Input(Checks.key(id, "contribution.id"), Checks.label(label, "contribution.label"),
                        Objects.requireNonNull(kind, "contribution.kind"),
                        Objects.requireNonNull(signal, "contribution.signal")),
                raw, subscore, weight, points, impact);
    }

    private Contribution(Input input, double raw, double subscore, double weight, double points, double impact) {
        String id = input.id;
        if (subscore == subscore) {
            Checks.within(subscore, 0, 100, "contribution", id, ".subscore");
        }
        if (raw == raw) {
            Checks.finite(raw, "contribution", id, ".raw");
        }
        Checks.within(weight, 0, 1, "contribution", id, ".weight");
        Checks.finite(points, "contribution", id, ".points");
        Checks.finite(impact, "contribution", id, ".impact");
        this.input = input;
        this.raw = raw;
        this.subscore = subscore;
        this.weight = weight;
        this.points = points;
        this.impact = impact;
    }

    /**
     * Returns a contribution whose absent numbers are given as NaN, for models that compute on arrays of doubles:
     * the same as the constructor with {@code OptionalDouble.empty()} for a NaN {@code raw} or {@code subscore}.
     */
    public static Contribution of(String id, String label, Kind kind, Optional<SignalName> signal, double raw,
                                  double subscore, double weight, double points, double impact) {
        return new Contribution(id, label, kind, signal, raw, subscore, weight, points, impact);
    }

    /**
     * Returns a contribution of the same input (id, label, kind and signal) with other numbers, validated as by
     * {@link #of}, whose conventions it follows: NaN for an absent {@code raw} or {@code subscore}. For models that
     * make a contribution of each of their inputs on every score: the input's parts were checked once, when this
     * contribution was made, and the new one shares them.
     */
    public Contribution withNumbers(double raw, double subscore, double weight, double points, double impact) {
        return new Contribution(input, raw, subscore, weight, points, impact);
    }

    /** Returns the input's id in the model: a measure, a term, {@code baseline}, or a cap's id. */
    public String id() {
        return input.id;
    }

    /** Returns a readable name of the input. */
    public String label() {
        return input.label;
    }

    /** Returns what the contribution is. */
    public Kind kind() {
        return input.kind;
    }

    /** Returns the signal the input reads, if any. */
    public Optional<SignalName> signal() {
        return input.signal;
    }

    /** Returns the signal's value in the snapshot, or empty when it had none. */
    public OptionalDouble raw() {
        return raw == raw ? OptionalDouble.of(raw) : OptionalDouble.empty();
    }

    /** Returns the input's own score from 0 to 100, for models that have one, or empty. */
    public OptionalDouble subscore() {
        return subscore == subscore ? OptionalDouble.of(subscore) : OptionalDouble.empty();
    }

    /** Returns the input's share of the model's weight, from 0 to 1 (0 for a baseline or a cap). */
    public double weight() {
        return weight;
    }

    /** Returns the points the input contributed, in hundredths; negative for a cap or a risk factor. */
    public double points() {
        return points;
    }

    /** Returns how far the input moved the score from the model's reference, in points: negative pulls down. */
    public double impact() {
        return impact;
    }

    /** Returns whether the input had no value in the snapshot. */
    public boolean isMissing() {
        return input.kind == Kind.INPUT && raw != raw;
    }

    /** Returns this contribution with other points (used when rounding a score to hundredths). */
    public Contribution withPoints(double newPoints) {
        return new Contribution(input, raw, subscore, weight, newPoints, impact);
    }

    /** Returns whether {@code other} is a contribution with equal parts (numbers compared as by {@link Double#compare}). */
    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Contribution)) {
            return false;
        }
        Contribution that = (Contribution) other;
        return input.equals(that.input) && Double.compare(raw, that.raw) == 0
                && Double.compare(subscore, that.subscore) == 0
                && Double.compare(weight, that.weight) == 0 && Double.compare(points, that.points) == 0
                && Double.compare(impact, that.impact) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(input.id, input.label, input.kind, input.signal, raw(), subscore(), weight, points, impact);
    }

    /** Returns the parts, as a record would. */
    @Override
    public String toString() {
        return "Contribution[id=" + input.id + ", label=" + input.label + ", kind=" + input.kind + ", signal="
                + input.signal + ", raw=" + raw() + ", subscore=" + subscore() + ", weight=" + weight + ", points="
                + points + ", impact=" + impact + "]";
    }

    /** The parts that say what a contribution is of, checked when first made. */
    private static final class Input {
        final String id;
        final String label;
        final Kind kind;
        final Optional<SignalName> signal;

        Input(String id, String label, Kind kind, Optional<SignalName> signal) {
            this.id = id;
            this.label = label;
            this.kind = kind;
            this.signal = signal;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Input)) {
                return false;
            }
            Input that = (Input) other;
            return id.equals(that.id) && label.equals(that.label) && kind == that.kind && signal.equals(that.signal);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, label, kind, signal);
        }
    }
}
