package dev.kizuna.examples.cli;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.sample.Portfolio;
import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.ClvHorizon;
import dev.kizuna.metrics.clv.CustomerLifetimeValue;
import dev.kizuna.metrics.clv.FitReport;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The CLV section of {@code kizuna demo}: BG/NBD and Gamma-Gamma fitted on a purchase log of the demo accounts,
 * checked on a holdout window, then P(alive) and 12-month CLV per account.
 *
 * <p>The demo portfolio holds subscriptions, which are contractual; customer lifetime value models are for
 * purchases without a contract. So the section derives a deterministic log of one-off add-on purchases (services,
 * training, extra packs) for the demo accounts: each account's first purchase is its first subscription, then it
 * buys as the BG/NBD story has it (a purchase rate and, after each purchase, a chance of never buying again, both
 * varying across accounts, enterprise accounts buying more often) with amounts from the Gamma-Gamma story. The log
 * is simulated, and the output says so; {@code kizuna clv fit} runs the same models on real logs.
 */
final class ClvDemo {
    /** The seed of the purchase log. */
    static final long SEED = 20_240_501L;
    /** How many accounts the top list shows. */
    private static final int TOP = 5;

    private final Portfolio portfolio;
    private final LocalDate calibrationEnd;
    private final LocalDate holdoutEnd;

    ClvDemo(Portfolio portfolio) {
        this.portfolio = portfolio;
        this.holdoutEnd = portfolio.asOf().minusDays(1);
        this.calibrationEnd = holdoutEnd.minusMonths(6);
    }

    /** The add-on purchases of the demo accounts, from each one's first subscription to the end of the history. */
    List<Purchase> purchases() {
        Map<AccountId, LocalDate> first = new HashMap<>();
        for (SubscriptionEvent e : portfolio.subscriptionEvents()) {
            first.putIfAbsent(e.account(), e.effectiveDate());
        }
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<Purchase> out = new ArrayList<>();
        for (Account a : portfolio.accounts()) {
            LocalDate start = first.get(a.id());
            if (start == null) {
                continue;
            }
            double weight = switch (a.segment().name()) {
                case "enterprise" -> 2.0;
                case "mid-market" -> 1.4;
                default -> 1.0;
            };
            // Per week: rate ~ gamma(0.9, scale 1/12) x segment weight; dropout after each purchase ~ beta(0.8, 4).
            double rate = gamma(rnd, 0.9, 1 / 12.0) * weight;
            double dropout = beta(rnd, 0.8, 4);
            // Mean spend: gamma(6, nu) per purchase, nu ~ gamma(4, scale 1/600): about 200 USD a purchase.
            double nu = gamma(rnd, 4, 1 / 600.0) / weight;
            Money firstAmount = amount(a, gamma(rnd, 6, 1 / nu));
            out.add(Purchase.of(a.id(), start, firstAmount));
            long days = ChronoUnit.DAYS.between(start, holdoutEnd);
            double week = 0;
            while (true) {
                week += -Math.log(1 - rnd.nextDouble()) / rate;
                long day = (long) (week * 7);
                if (day > days) {
                    break;
                }
                out.add(Purchase.of(a.id(), start.plusDays(day), amount(a, gamma(rnd, 6, 1 / nu))));
                if (rnd.nextDouble() < dropout) {
                    break;
                }
            }
        }
        return out;
    }

    /** The models fitted on the calibration window of {@link #purchases()}. */
    record Fitted(RfmSummary summary, BgNbdModel bgNbd, GammaGammaModel gammaGamma) {
        /**
         * Returns each calibration customer's CLV over {@link #HORIZON}, in the order of {@code summary()}; empty when
         * the Gamma-Gamma fit has {@code q <= 1} (the expected spend is infinite then).
         */
        Optional<double[]> clv() {
            return gammaGamma.q() <= 1 ? Optional.empty()
                    : Optional.of(CustomerLifetimeValue.of(bgNbd, gammaGamma, HORIZON, summary));
        }
    }

    /** The CLV horizon: 12 months of weeks, 1% monthly discount. */
    static final ClvHorizon HORIZON = ClvHorizon.months(12, RfmTimeUnit.WEEKS, 0.01);

    /** Returns the RFM summary of the purchases: calibration to six months before the end, then the holdout. */
    RfmSummary summary(List<Purchase> purchases) {
        return RfmSummary.fromPurchases(purchases, calibrationEnd, holdoutEnd, RfmTimeUnit.WEEKS);
    }

    /**
     * Fits BG/NBD and Gamma-Gamma (customers without repeat spend excluded) to a summary.
     *
     * @throws IllegalArgumentException if there are too few customers to fit the models
     */
    static Fitted fit(RfmSummary s) {
        return new Fitted(s, BgNbdModel.fit(s), GammaGammaModel.fit(s, GammaGammaModel.Ineligible.EXCLUDE));
    }

    void print(PrintWriter w) {
        List<Purchase> purchases = purchases();
        RfmSummary s = summary(purchases);
        w.println();
        w.println("Customer lifetime value: BG/NBD and Gamma-Gamma");
        w.println("  (on a simulated log of one-off add-on purchases by the demo accounts, from each account's first");
        w.println("   subscription; 'kizuna clv fit' runs the same models on your own purchase log)");
        w.printf(Locale.ROOT, "  %,d purchases by %,d accounts; calibration to %s, holdout %s to %s%n",
                purchases.size(), s.size() + s.customersFirstSeenAfterCalibration(), calibrationEnd,
                calibrationEnd.plusDays(1), holdoutEnd);
        Fitted fitted;
        try {
            fitted = fit(s);
        } catch (IllegalArgumentException e) {
            w.println("  too few customers to fit the models: " + e.getMessage());
            return;
        }
        BgNbdModel bg = fitted.bgNbd();
        GammaGammaModel gg = fitted.gammaGamma();
        printModel(w, "BG/NBD", bg.parameters(), bg.report().orElseThrow());
        printModel(w, "Gamma-Gamma", gg.parameters(), gg.report().orElseThrow());
        double holdout = s.holdoutLength().orElseThrow();
        double[] expected = bg.conditionalExpectedTransactions(holdout, s);
        double predicted = Arrays.stream(expected).sum();
        int actual = Arrays.stream(s.holdoutFrequencies()).sum();
        w.printf(Locale.ROOT, "  holdout check: %,.0f purchases predicted for the %.1f weeks after %s, %,d made%n",
                predicted, holdout, calibrationEnd, actual);

        double[] alive = bg.probabilityAlive(s);
        w.printf(Locale.ROOT, "  P(alive) on %s of the %,d customers%n", calibrationEnd, s.size());
        int[] buckets = new int[5];
        for (double p : alive) {
            buckets[Math.min(4, (int) (p * 5))]++;
        }
        for (int b = 0; b < buckets.length; b++) {
            int bar = (int) Math.round(40.0 * buckets[b] / Math.max(1, s.size()));
            w.printf(Locale.ROOT, "    %.1f-%.1f %,6d  %s%n", b / 5.0, (b + 1) / 5.0, buckets[b], "#".repeat(bar));
        }
        Optional<double[]> perCustomer = fitted.clv();
        if (perCustomer.isEmpty()) {
            w.println("  CLV: the Gamma-Gamma fit has q <= 1, so the expected spend is infinite");
            return;
        }
        double[] clv = perCustomer.get();
        double[] year = bg.conditionalExpectedTransactions(52, s);
        Integer[] order = new Integer[s.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -clv[i]).thenComparing(i -> s.customers().get(i)));
        w.printf(Locale.ROOT, "  total 12-month CLV %,.0f USD (monthly discount 1%%); top %d accounts:%n",
                Arrays.stream(clv).sum(), TOP);
        w.printf(Locale.ROOT, "    %-10s %-22s %-11s %4s %8s %6s %8s %10s %10s%n", "account", "name", "segment", "x",
                "recency", "T", "P(alive)", "E[52 wk]", "CLV");
        Map<AccountId, Account> accounts = portfolio.accountsById();
        for (int k = 0; k < Math.min(TOP, order.length); k++) {
            int i = order[k];
            Account a = accounts.get(s.customers().get(i));
            w.printf(Locale.ROOT, "    %-10s %-22s %-11s %4d %8.1f %6.1f %8.3f %10.2f %10.2f%n", a.id(), a.name(),
                    a.segment(), s.customer(i).frequency(), s.customer(i).recency(), s.customer(i).age(), alive[i],
                    year[i], clv[i]);
        }
    }

    private static void printModel(PrintWriter w, String name, Map<String, Double> parameters, FitReport r) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s", name));
        for (Map.Entry<String, Double> p : parameters.entrySet()) {
            line.append(String.format(Locale.ROOT, " %s %.4g", p.getKey(), p.getValue()));
        }
        line.append(String.format(Locale.ROOT, "; log-likelihood %.2f, %s, %,d customers", r.logLikelihood(),
                r.status(), r.customers()));
        w.println(line);
    }

    private static Money amount(Account a, double value) {
        BigDecimal v = BigDecimal.valueOf(Math.max(0.01, value)).setScale(2, RoundingMode.HALF_EVEN);
        return Money.of(v, a.currency());
    }

    /** A gamma variate (Marsaglia and Tsang 2000), with normals by Box-Muller so the log is the same on every JDK. */
    static double gamma(SplittableRandom rnd, double shape, double scale) {
        if (shape < 1) {
            return gamma(rnd, shape + 1, scale) * Math.pow(rnd.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v * scale;
            }
        }
    }

    private static double beta(SplittableRandom rnd, double a, double b) {
        double x = gamma(rnd, a, 1);
        return x / (x + gamma(rnd, b, 1));
    }
}
