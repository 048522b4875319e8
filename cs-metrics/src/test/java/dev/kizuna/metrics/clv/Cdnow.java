package dev.kizuna.metrics.clv;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.Purchase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The CDNOW files of the repository's {@code datasets/cdnow} (see {@code datasets/README.md}: copied from lifetimes,
 * the data of Fader, Hardie and Lee 2005). Maven runs tests in the module directory, so the project root is its
 * parent.
 */
final class Cdnow {
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final Currency USD = Currency.getInstance("USD");

    private Cdnow() {
    }

    static Path directory() {
        Path module = Path.of("").toAbsolutePath();
        return module.getParent().resolve("datasets/cdnow");
    }

    /** The 6,919 purchases of the 2,357-customer sample; customers are the zero-padded sample ids "0001".."2357". */
    static List<Purchase> samplePurchases() {
        List<Purchase> out = new ArrayList<>();
        for (String line : lines("CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            LocalDate date = LocalDate.of(Integer.parseInt(f[2].substring(0, 4)), Integer.parseInt(f[2].substring(4, 6)),
                    Integer.parseInt(f[2].substring(6, 8)));
            out.add(Purchase.of(AccountId.of(f[1]), date, Money.of(new BigDecimal(f[4]), USD)));
        }
        return out;
    }

    /** {@code cdnow_customers_summary.csv}: ID,frequency,recency,T (weeks, two decimals). */
    static Table summary() {
        return table("cdnow_customers_summary.csv");
    }

    /** {@code cdnow_customers_summary_with_transactions.csv}: ID,x,t_x,T,zbar. */
    static Table summaryWithSpend() {
        return table("cdnow_customers_summary_with_transactions.csv");
    }

    /** The summary file as the models' input: 2,357 customers in file order, with zbar as mean repeat spend. */
    static RfmSummary rfm() {
        Table t = summaryWithSpend();
        int n = t.rows.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            String[] r = t.rows.get(i);
            x[i] = Integer.parseInt(r[1]);
            tx[i] = Double.parseDouble(r[2]);
            age[i] = Double.parseDouble(r[3]);
            m[i] = Double.parseDouble(r[4]);
        }
        return RfmSummary.of(RfmTimeUnit.WEEKS, x, tx, age, m);
    }

    record Table(List<String> header, List<String[]> rows) {
    }

    private static Table table(String file) {
        List<String> lines = lines(file);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.trim().split(","));
            }
        }
        return new Table(List.of(lines.get(0).trim().split(",")), rows);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(directory().resolve(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
