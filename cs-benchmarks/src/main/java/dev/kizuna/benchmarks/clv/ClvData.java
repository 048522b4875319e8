package dev.kizuna.benchmarks.clv;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;
import org.hipparchus.random.RandomDataGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of the CLV benchmarks: the CDNOW cohort of Fader, Hardie and Lee (2005) when its files are on this
 * machine, and simulated cohorts of any size.
 *
 * <p>Each CDNOW file is looked up, in order: in the directory the system property {@code kizuna.datasets} names (a
 * directory holding {@code cdnow/}, or the {@code cdnow} directory itself), then in the repository's
 * {@code datasets/cdnow} under the working directory or one of its parents, so that the benchmarks find it whether
 * they run from the project root ({@code java -jar cs-benchmarks/target/benchmarks.jar}) or from the module
 * directory (the smoke test). The repository holds the sample only (see {@code datasets/README.md}); the full
 * cohort's {@code CDNOW_master.txt} is read where {@code kizuna.datasets} points to it.
 *
 * <p>The summaries follow the papers: calibration from each customer's first purchase to 1997-09-30 inclusive, in
 * weeks of seven days.
 */
final class ClvData {
    /** The size of the CDNOW sample: customers in {@code CDNOW_sample.txt}. */
    static final int SAMPLE_CUSTOMERS = 2_357;
    /** The size of the full CDNOW cohort: customers in {@code CDNOW_master.txt}. */
    static final int MASTER_CUSTOMERS = 23_570;
    /** The last day of the calibration window in the CDNOW papers. */
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate COHORT_START = LocalDate.of(1997, 1, 1);
    /** The CDNOW cohort made its first purchase in the first quarter of 1997: days 0 to 89 of the year. */
    private static final int COHORT_DAYS = 90;

    private ClvData() {
    }

    /** A summary and a sentence that says where it came from, printed by the benchmarks' setup. */
    record Cohort(RfmSummary summary, String description) {
    }

    /**
     * The cohort of {@code size} customers: the CDNOW sample for 2,357, the full CDNOW cohort for 23,570, the first
     * {@code size} customers of the sample (or of the full cohort, if larger) for other sizes, and a simulated
     * cohort of the same size when the file is absent.
     */
    static Cohort cdnowOrSimulated(int size) {
        String file = size > SAMPLE_CUSTOMERS ? "CDNOW_master.txt" : "CDNOW_sample.txt";
        Optional<Path> path = cdnowFile(file);
        if (path.isEmpty()) {
            return new Cohort(simulated(size, 42),
                    "simulated BG/NBD cohort of " + size + " customers (" + file + " not found: set -Dkizuna.datasets"
                            + " to a directory holding it, or run inside the repository, whose datasets/cdnow holds"
                            + " the sample)");
        }
        RfmSummary all = RfmSummary.fromPurchases(purchases(path.get()), CALIBRATION_END, RfmTimeUnit.WEEKS);
        if (size == all.size()) {
            return new Cohort(all, "CDNOW " + file + ", " + size + " customers");
        }
        if (size > all.size()) {
            return new Cohort(simulated(size, 42), "simulated BG/NBD cohort of " + size + " customers (larger than "
                    + file + ")");
        }
        return new Cohort(first(all, size), "the first " + size + " customers of CDNOW " + file);
    }

    /** The CDNOW file of this name, if it can be found (see the class documentation). */
    static Optional<Path> cdnowFile(String name) {
        List<Path> directories = new ArrayList<>();
        String property = System.getProperty("kizuna.datasets");
        if (property != null && !property.isBlank()) {
            Path p = Path.of(property);
            directories.add(p);
            directories.add(p.resolve("cdnow"));
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            directories.add(d.resolve("datasets/cdnow"));
        }
        return directories.stream().map(d -> d.resolve(name)).filter(Files::isReadable)
                .map(f -> f.toAbsolutePath().normalize()).findFirst();
    }

    /**
     * Reads a CDNOW file: {@code id date cds dollars} (the master file, with a header) or
     * {@code master_id sample_id date cds dollars} (the sample), whitespace-separated, dates as yyyymmdd. The
     * customer is the last id column.
     */
    static List<Purchase> purchases(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        List<Purchase> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !Character.isDigit(f[0].charAt(0))) {
                continue;
            }
            int date = f.length - 3;
            String d = f[date];
            LocalDate day = LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                    Integer.parseInt(d.substring(6, 8)));
            out.add(Purchase.of(AccountId.of(f[date - 1]), day, Money.of(new BigDecimal(f[f.length - 1]), USD)));
        }
        return out;
    }

    /** The first {@code n} customers of a summary, with their spend. */
    static RfmSummary first(RfmSummary s, int n) {
        return RfmSummary.of(s.unit(), s.customers().subList(0, n), Arrays.copyOf(s.frequencies(), n),
                Arrays.copyOf(s.recencies(), n), Arrays.copyOf(s.ages(), n), Arrays.copyOf(s.meanRepeatSpends(), n));
    }

    /**
     * A cohort simulated from the BG/NBD model with the estimates Fader, Hardie and Lee (2005) publish for CDNOW
     * (r = 0.243, alpha = 4.414, a = 0.793, b = 2.426) and spend from the Gamma-Gamma estimates of Fader, Hardie and
     * Lee's iso-value paper (p = 6.25, q = 3.74, gamma = 15.44): first purchases spread over the first quarter of 1997,
     * calibration to 1997-09-30, times in whole days expressed in weeks, as a transaction log gives them.
     */
    static RfmSummary simulated(int n, long seed) {
        return simulated(n, seed, true);
    }

    /**
     * As {@link #simulated(int, long)}; with {@code wholeDays} false the times are continuous, so that no two
     * customers share a recency or an age (the worst case for the batch predictions' caches).
     */
    static RfmSummary simulated(int n, long seed, boolean wholeDays) {
        RandomDataGenerator rnd = new RandomDataGenerator(seed);
        double end = CALIBRATION_END.toEpochDay() - COHORT_START.toEpochDay();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            double first = wholeDays ? rnd.nextInt(0, COHORT_DAYS - 1) : COHORT_DAYS * rnd.nextDouble();
            double age = (end - first) / 7;
            double lambda = rnd.nextGamma(0.243, 1 / 4.414);
            double p = rnd.nextBeta(0.793, 2.426);
            double now = 0;
            double last = 0;
            while (true) {
                now += rnd.nextExponential(1 / lambda);
                double at = wholeDays ? Math.floor(now * 7) / 7 : now;
                if (at > age) {
                    break;
                }
                if (at > last) {
                    x[i]++;
                    last = at;
                }
                if (rnd.nextDouble() < p) {
                    break;
                }
            }
            t[i] = age;
            tx[i] = last;
            if (x[i] > 0) {
                double nu = rnd.nextGamma(3.74, 1 / 15.44);
                m[i] = Math.max(0.01, rnd.nextGamma(6.25 * x[i], 1 / (nu * x[i])));
            }
        }
        return RfmSummary.of(RfmTimeUnit.WEEKS, x, tx, t, m);
    }
}
