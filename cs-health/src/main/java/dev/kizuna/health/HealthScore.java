package dev.kizuna.health;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.internal.Apportion;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.health.internal.ImmutableArray;
import dev.kizuna.core.internal.Numbers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The health of one account as one model saw it at one time: either a score, or "insufficient data".
 *
 * <p><b>Two outcomes, one type.</b> A {@link Status#SCORED} result has a {@code value} from 0 to 100, the
 * {@code band} that contains it and the {@code contributions} that make it up. An
 * {@link Status#INSUFFICIENT_DATA} result has no value, no band and no contributions, and a {@code note} that says
 * why: Kizuna never invents a number when the inputs do not support one. Both carry the {@code completeness} (the
 * share of the model's weight whose inputs had data) and the {@code missing} signals, so a missing input is always
 * visible. {@link #value()} is an {@link OptionalDouble}, so a caller cannot use a number that is not there.
 *
 * <p><b>Exact sums.</b> The value is rounded half up to hundredths, and the band is that of the rounded
 * value, so what is shown and its band always agree. The contributions' points are in hundredths too and add up
 * <em>exactly</em> to the value: in whole hundredths, {@code Σ round(100·points) = round(100·value)}, and
 * {@link #contributionTotal()} returns a double equal to {@code value} bit for bit. Models get there through
 * {@link #scored}, which rounds with the largest-remainder method: each contribution is rounded down to hundredths
 * and the hundredths still missing go to the contributions with the largest remainders, so no contribution moves by
 * a hundredth or more. The constructor checks the sum, so no score can break it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param account       the account scored
 * @param model         the model that scored it
 * @param computedAt    when the score was computed
 * @param inputsAt      when the inputs were observed (the snapshot's instant), for staleness
 * @param status        scored, or insufficient data
 * @param value         the score from 0 to 100 in hundredths, when scored
 * @param band          the band of the value, when scored
 * @param contributions what each input added, when scored; their points add up to the value
 * @param completeness  the share of the model's weight whose inputs had data, from 0 to 1
 * @param missing       the signals the model reads that had no value, sorted
 * @param note          why the data was insufficient; or, for a score, an optional remark from the model
 */
public record HealthScore(
        AccountId account,
        ModelId model,
        Instant computedAt,
        Instant inputsAt,
        Status status,
        OptionalDouble value,
        Optional<HealthBand> band,
        List<Contribution> contributions,
        double completeness,
        List<SignalName> missing,
        Optional<String> note) {

    /** The outcome of scoring. */
    public enum Status {
        /** The model computed a score. */
        SCORED,
        /** The inputs did not support a score; no number is given. */
        INSUFFICIENT_DATA
    }

    /** Validates the outcome, the band and the exact sum of the contributions. */
    public HealthScore {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(inputsAt, "inputsAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(contributions, "contributions");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(missing, "missing");
        contributions = ImmutableArray.copyOf(contributions);
        missing = sortedDistinct(missing);
        Checks.within(completeness, 0, 1, "completeness");
        note.ifPresent(n -> Checks.nonBlank(n, "note"));
        if (status == Status.SCORED) {
            if (value.isEmpty() || band.isEmpty()) {
                throw new IllegalArgumentException("value: a scored result needs a value and a band");
            }
            double v = Checks.within(value.getAsDouble(), 0, 100, "value");
            long centi = Numbers.centi(v);
            if (Math.abs(v * 100 - centi) > 1e-6) {
                throw new IllegalArgumentException("value: " + v + " must be rounded to hundredths");
            }
            if (!band.get().contains(v)) {
                throw new IllegalArgumentException("band: " + band.get() + " does not contain the value " + v);
            }
            long sum = 0;
            for (Contribution c : contributions) {
                sum += Numbers.centi(c.points());
            }
            if (sum != centi) {
                throw new IllegalArgumentException("contributions: their points add up to " + sum / 100.0
                        + ", not to the value " + v);
            }
        } else {
            if (value.isPresent() || band.isPresent() || !contributions.isEmpty()) {
                throw new IllegalArgumentException("value: an insufficient-data result has no value, band or"
                        + " contributions");
            }
            if (note.isEmpty()) {
                throw new IllegalArgumentException("note: an insufficient-data result must say why");
            }
        }
    }

    private static List<SignalName> sortedDistinct(List<SignalName> names) {
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i - 1).compareTo(names.get(i)) >= 0) {
                return List.copyOf(new TreeSet<>(names));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Returns a score, rounding the value and the contributions to hundredths so that they add up exactly (see
     * the class comment).
     *
     * @param rawValue      the unrounded score, from 0 to 100
     * @param bands         the bands the model uses
     * @param contributions the unrounded contributions, adding up to {@code rawValue}
     * @throws IllegalArgumentException if the contributions do not add up to the value, or anything is invalid
     */
    public static HealthScore scored(AccountId account, ModelId model, Instant computedAt, Instant inputsAt,
                                     double rawValue, BandScheme bands, List<Contribution> contributions,
                                     double completeness, Collection<SignalName> missing) {
        Checks.within(rawValue, 0, 100, "value");
        double[] points = new double[contributions.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = contributions.get(i).points();
        }
        long[] centi = Apportion.centi(points, points.length, rawValue);
        List<Contribution> rounded = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) {
            Contribution c = contributions.get(i);
            rounded.add(c.withPoints(centi[i] / 100.0));
        }
        double value = Numbers.round2(rawValue);
        return new HealthScore(account, model, computedAt, inputsAt, Status.SCORED, OptionalDouble.of(value),
                Optional.of(bands.bandOf(value)), rounded, completeness, List.copyOf(missing), Optional.empty());
    }

    /** Returns an "insufficient data" result that says {@code why}. */
    public static HealthScore insufficient(AccountId account, ModelId model, Instant computedAt, Instant inputsAt,
                                           String why, double completeness, Collection<SignalName> missing) {
        return new HealthScore(account, model, computedAt, inputsAt, Status.INSUFFICIENT_DATA, OptionalDouble.empty(),
                Optional.empty(), List.of(), completeness, List.copyOf(missing), Optional.of(why));
    }

    /** Returns whether this result has a value. */
    public boolean isScored() {
        return status == Status.SCORED;
    }

    /**
     * Returns the sum of the contributions' points, computed in whole hundredths: equal to the value, bit for bit,
     * for a score; 0 for insufficient data.
     */
    public double contributionTotal() {
        long sum = 0;
        for (Contribution c : contributions) {
            sum += Numbers.centi(c.points());
        }
        return sum / 100.0;
    }

    /** Returns the contribution of the given id, if there is one. */
    public Optional<Contribution> contribution(String id) {
        for (Contribution c : contributions) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Returns the value and band, such as {@code 62.40 yellow}, or {@code insufficient data}. */
    public String summary() {
        if (!isScored()) {
            return "insufficient data";
        }
        return Numbers.fixed2(value.getAsDouble()) + " " + band.orElseThrow().name();
    }
}
