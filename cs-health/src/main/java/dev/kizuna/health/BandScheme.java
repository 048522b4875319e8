package dev.kizuna.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Bands that cover the health range {@code [0, 100]} exactly once: every value from 0 to 100 falls in exactly one
 * band. Overlapping bands, gaps and duplicate names are rejected.
 *
 * <p>Bands are kept in ascending order, worst first; "the next band" of a band is the one just above it. The
 * {@linkplain #standard() standard scheme} is red {@code [0, 50)}, yellow {@code [50, 75)} and green
 * {@code [75, 100]}. Immutable and thread-safe.
 *
 * @param bands the bands, worst first
 */
public record BandScheme(List<HealthBand> bands) {
    private static final BandScheme STANDARD = new BandScheme(List.of(
            HealthBand.of("red", "[0, 50)"), HealthBand.of("yellow", "[50, 75)"), HealthBand.of("green", "[75, 100]")));

    /**
     * Sorts the bands and checks that they cover {@code [0, 100]} without gap or overlap.
     *
     * @throws IllegalArgumentException listing every problem
     */
    public BandScheme {
        Objects.requireNonNull(bands, "bands");
        List<String> problems = problems(bands);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        bands = List.copyOf(sorted(bands));
    }

    /** Returns the standard scheme: red {@code [0, 50)}, yellow {@code [50, 75)}, green {@code [75, 100]}. */
    public static BandScheme standard() {
        return STANDARD;
    }

    /** Returns the scheme of the given bands, in any order. */
    public static BandScheme of(HealthBand... bands) {
        return new BandScheme(List.of(bands));
    }

    /** Returns the scheme of the given bands, in any order. */
    public static BandScheme of(List<HealthBand> bands) {
        return new BandScheme(bands);
    }

    /**
     * Returns every problem that keeps {@code bands} from being a scheme, each starting with {@code bands}, or an
     * empty list. Used by definition readers to report all problems at once.
     */
    public static List<String> problems(List<HealthBand> bands) {
        List<String> problems = new ArrayList<>();
        if (bands.isEmpty()) {
            problems.add("bands: there must be at least one band");
            return problems;
        }
        Set<String> names = new HashSet<>();
        for (HealthBand band : bands) {
            Objects.requireNonNull(band, "bands[]");
            if (!names.add(band.name())) {
                problems.add("bands: the name '" + band.name() + "' is used twice");
            }
        }
        List<HealthBand> sorted = sorted(bands);
        HealthBand first = sorted.get(0);
        if (first.from() > 0 || !first.fromInclusive()) {
            problems.add("bands: gap: 0 is not in any band; the lowest band is " + first);
        }
        HealthBand last = sorted.get(sorted.size() - 1);
        if (last.to() < 100 || !last.toInclusive()) {
            problems.add("bands: gap: 100 is not in any band; the highest band is " + last);
        }
        for (int i = 1; i < sorted.size(); i++) {
            HealthBand low = sorted.get(i - 1);
            HealthBand high = sorted.get(i);
            if (low.to() < high.from() || (low.to() == high.from() && !low.toInclusive() && !high.fromInclusive())) {
                problems.add("bands: gap between " + low + " and " + high);
            } else if (low.to() > high.from() || (low.toInclusive() && high.fromInclusive())) {
                problems.add("bands: " + low + " and " + high + " overlap");
            }
        }
        return problems;
    }

    private static List<HealthBand> sorted(List<HealthBand> bands) {
        List<HealthBand> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparingDouble(HealthBand::from)
                .thenComparing(b -> !b.fromInclusive())
                .thenComparingDouble(HealthBand::to));
        return sorted;
    }

    /**
     * Returns the band that contains {@code value}.
     *
     * @throws IllegalArgumentException if the value is outside {@code [0, 100]} or not a number
     */
    public HealthBand bandOf(double value) {
        for (int i = 0; i < bands.size(); i++) {
            HealthBand band = bands.get(i);
            if (band.contains(value)) {
                return band;
            }
        }
        throw new IllegalArgumentException("value: " + value + " must be between 0 and 100");
    }

    /**
     * Returns the position of the band that contains {@code value}, 0 for the worst band.
     *
     * @throws IllegalArgumentException if the value is outside {@code [0, 100]} or not a number
     */
    public int rankOf(double value) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).contains(value)) {
                return i;
            }
        }
        throw new IllegalArgumentException("value: " + value + " must be between 0 and 100");
    }

    /** Returns the position of {@code band} in the scheme, 0 for the worst band. */
    public int rank(HealthBand band) {
        // The band almost always comes from this scheme: find it by identity before comparing by value.
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i) == band) {
                return i;
            }
        }
        int index = bands.indexOf(band);
        if (index < 0) {
            throw new IllegalArgumentException("band: " + band + " is not in this scheme " + this);
        }
        return index;
    }

    /** Returns the band just above {@code band}, or empty if it is the best band. */
    public Optional<HealthBand> above(HealthBand band) {
        int index = rank(band);
        return index + 1 < bands.size() ? Optional.of(bands.get(index + 1)) : Optional.empty();
    }

    /** Returns the band of the given name, if there is one. */
    public Optional<HealthBand> band(String name) {
        for (HealthBand band : bands) {
            if (band.name().equals(name)) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the lowest value on the hundredths grid (the grid scores are rounded to) that lies in {@code band}:
     * {@code 50} for {@code [50, 75)}, {@code 50.01} for {@code (50, 75]}.
     */
    public static double lowestScoreIn(HealthBand band) {
        long centi = (long) Math.ceil(band.from() * 100 - 1e-9);
        if (!band.contains(centi / 100.0)) {
            centi++;
        }
        return centi / 100.0;
    }

    @Override
    public String toString() {
        return bands.toString();
    }
}
