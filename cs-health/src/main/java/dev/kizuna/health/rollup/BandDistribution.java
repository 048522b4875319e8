package dev.kizuna.health.rollup;

import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthScore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many accounts are in each band of a scheme, and how many have insufficient data.
 *
 * @param bands        the scheme counted against
 * @param counts       the number of accounts per band name, worst band first, every band of the scheme listed
 * @param insufficient the number of accounts with insufficient data
 */
public record BandDistribution(BandScheme bands, Map<String, Integer> counts, int insufficient) {

    /**
     * Riskiest first: lowest value first (ties by account id); insufficient-data results after every valued one,
     * since nothing is known of their risk. Sort explanations with
     * {@code Comparator.comparing(Explanation::score, BandDistribution.BY_RISK)}.
     */
    public static final Comparator<HealthScore> BY_RISK = Comparator.comparing((HealthScore s) -> !s.isScored())
            .thenComparingDouble(s -> s.value().orElse(Double.MAX_VALUE))
            .thenComparing(HealthScore::account);

    /** Validates the parts and copies the counts, keeping their order. */
    public BandDistribution {
        Objects.requireNonNull(bands, "bands");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        if (insufficient < 0) {
            throw new IllegalArgumentException("insufficient: " + insufficient + " must be >= 0");
        }
    }

    /**
     * Counts the scores by band. A score whose band is not in {@code bands} (from a model with other bands) is
     * counted in the band of the scheme that contains its value.
     */
    public static BandDistribution of(Collection<HealthScore> scores, BandScheme bands) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (HealthBand band : bands.bands()) {
            counts.put(band.name(), 0);
        }
        int insufficient = 0;
        for (HealthScore s : scores) {
            if (!s.isScored()) {
                insufficient++;
                continue;
            }
            String name = bands.bands().contains(s.band().orElseThrow()) ? s.band().orElseThrow().name()
                    : bands.bandOf(s.value().getAsDouble()).name();
            counts.merge(name, 1, Integer::sum);
        }
        return new BandDistribution(bands, counts, insufficient);
    }

    /** Returns the number of accounts counted. */
    public int total() {
        int total = insufficient;
        for (int n : counts.values()) {
            total += n;
        }
        return total;
    }

    /** Returns the share of all accounts in the band of the given name, 0 when there are none. */
    public double share(String band) {
        int total = total();
        return total == 0 ? 0 : (double) counts.getOrDefault(band, 0) / total;
    }

    /** Returns the {@code n} riskiest scores, in {@link #BY_RISK} order. */
    public static List<HealthScore> riskiest(Collection<HealthScore> scores, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n: " + n + " must be >= 0");
        }
        List<HealthScore> sorted = new ArrayList<>(scores);
        sorted.sort(BY_RISK);
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }

    /** Returns the counts in one line, such as {@code red 12, yellow 30, green 58, insufficient data 3}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        return out.append(", insufficient data ").append(insufficient).toString();
    }
}
