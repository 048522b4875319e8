package dev.kizuna.examples.cli.demo;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.csv.TextValues;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.report.Computed;
import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.ClvHorizon;
import dev.kizuna.metrics.clv.CustomerLifetimeValue;
import dev.kizuna.metrics.clv.FitReport;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;
import dev.kizuna.metrics.clv.TransactionModel;

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
public final class ClvDemo {
    /** The seed of the purchase log. */
    public static final long SEED = 20_240_501L;
    /** How many accounts the top list shows. */
    private static final int TOP = 5;

    private final Portfolio portfolio;
    private final LocalDate calibrationEnd;
    private final LocalDate holdoutEnd;

    public ClvDemo(Portfolio portfolio) {
        this.portfolio = portfolio;
        this.holdoutEnd = portfolio.asOf().minusDays(1);
        this.calibrationEnd = holdoutEnd.minusMonths(6);
    }

    /** The add-on purchases of the demo accounts, from each one's first subscription to the end of the history. */
    public List<Purchase> purchases() {
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

    /**
     * The models fitted on the calibration window of {@link #purchases()}, with their predictions for its customers
     * (each finite).
     *
     * @param summary    the customers
     * @param bgNbd      the BG/NBD model
     * @param alive      each customer's P(alive) at the end of calibration
     * @param year       each customer's expected transactions in the next 52 weeks
     * @param gammaGamma the Gamma-Gamma model, or why it could not be fitted
     * @param clv        each customer's CLV over {@link #HORIZON}, or why there is none
     */
    public record Fitted(RfmSummary summary, BgNbdModel bgNbd, double[] alive, double[] year,
                  Computed<GammaGammaModel> gammaGamma, Computed<double[]> clv) {
    }

    /** The CLV horizon: 12 months of weeks, 1% monthly discount. */
    public static final ClvHorizon HORIZON = ClvHorizon.months(12, RfmTimeUnit.WEEKS, 0.01);

    /** Returns the RFM summary of the purchases: calibration to six months before the end, then the holdout. */
    public RfmSummary summary(List<Purchase> purchases) {
        return RfmSummary.fromPurchases(purchases, calibrationEnd, holdoutEnd, RfmTimeUnit.WEEKS);
    }

    /**
     * Fits BG/NBD and Gamma-Gamma (customers without repeat spend excluded) to a summary and predicts with them, or
     * says why BG/NBD could not be fitted. A model "could not be fitted" when the fit is refused (too few customers,
     * none with a repeat purchase) or when its predictions on the customers are undefined: on a handful of customers
     * the likelihood may rise towards a limit of the model (a fit that ends at {@code BOUNDARY}) where the
     * predictions' series do not converge. A small portfolio is a valid portfolio: the caller reports the reason and
     * goes on.
     */
    public static Computed<Fitted> fit(RfmSummary s) {
        BgNbdModel bg;
        try {
            bg = BgNbdModel.fit(s);
        } catch (IllegalArgumentException e) {
            return Computed.unavailable(notFitted("BG/NBD", s.size(), TextValues.withoutField(e.getMessage())));
        }
        Optional<String> undefined = undefinedPredictions(bg, s);
        if (undefined.isPresent()) {
            return Computed.unavailable(notFitted("BG/NBD", s.size(), undefined.get()));
        }
        double[] alive = bg.probabilityAlive(s);
        double[] year = bg.conditionalExpectedTransactions(52, s);
        Computed<GammaGammaModel> gg;
        try {
            gg = Computed.of(GammaGammaModel.fit(s, GammaGammaModel.Ineligible.EXCLUDE));
        } catch (IllegalArgumentException e) {
            gg = Computed.unavailable(notFitted("Gamma-Gamma", s.size(), TextValues.withoutField(e.getMessage())));
        }
        Computed<double[]> clv;
        if (!gg.isPresent()) {
            clv = Computed.unavailable(gg.reason());
        } else if (gg.get().q() <= 1) {
            clv = Computed.unavailable("the Gamma-Gamma fit has q <= 1, so the expected spend is infinite");
        } else {
            try {
                double[] values = CustomerLifetimeValue.of(bg, gg.get(), HORIZON, s);
                clv = allFinite(values) ? Computed.of(values) : Computed.unavailable(notFitted("BG/NBD and"
                        + " Gamma-Gamma", s.size(), "their CLV is undefined on these customers"));
            } catch (ArithmeticException e) {
                clv = Computed.unavailable(notFitted("BG/NBD", s.size(), "its discounted expected transactions do"
                        + " not converge on these customers"));
            }
        }
        return Computed.of(new Fitted(s, bg, alive, year, gg, clv));
    }

    private static final String LIMIT = "the likelihood has no maximum inside the model's range, so the fit ran to"
            + " a limit of the model, where its predictions ";
    private static final String MORE = "; more customers with repeat purchases are needed";

    /**
     * Returns why a fitted transaction model cannot predict for the customers it was fitted on (its P(alive) and
     * expected transactions over a year are undefined or do not converge), or empty when it can.
     */
    public static Optional<String> undefinedPredictions(TransactionModel model, RfmSummary s) {
        try {
            double year = s.unit() == RfmTimeUnit.WEEKS ? 52 : 365;
            if (allFinite(model.probabilityAlive(s)) && allFinite(model.conditionalExpectedTransactions(year, s))) {
                return Optional.empty();
            }
            return Optional.of(LIMIT + "are undefined" + MORE);
        } catch (ArithmeticException e) {
            return Optional.of(LIMIT + "do not converge" + MORE);
        }
    }

    /** The message of a model that could not be fitted: {@code BG/NBD: could not be fitted on 8 customers: why}. */
    public static String notFitted(String model, int customers, String why) {
        return String.format(Locale.ROOT, "%s: could not be fitted on %,d customer%s: %s", model, customers,
                customers == 1 ? "" : "s", why);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    public void print(PrintWriter w) {
        List<Purchase> purchases = purchases();
        RfmSummary s = summary(purchases);
        w.println();
        w.println("Customer lifetime value: BG/NBD and Gamma-Gamma");
        w.println("  (on a simulated log of one-off add-on purchases by the demo accounts, from each account's first");
        w.println("   subscription; 'kizuna clv fit' runs the same models on your own purchase log)");
        w.printf(Locale.ROOT, "  %,d purchases by %,d accounts; calibration to %s, holdout %s to %s%n",
                purchases.size(), s.size() + s.customersFirstSeenAfterCalibration(), calibrationEnd,
                calibrationEnd.plusDays(1), holdoutEnd);
        Computed<Fitted> computed = fit(s);
        if (!computed.isPresent()) {
            w.println("  " + computed.reason());
            return;
        }
        Fitted fitted = computed.get();
        BgNbdModel bg = fitted.bgNbd();
        printModel(w, "BG/NBD", bg.parameters(), bg.report().orElseThrow());
        fitted.gammaGamma().value().ifPresent(gg -> printModel(w, "Gamma-Gamma", gg.parameters(),
                gg.report().orElseThrow()));
        double holdout = s.holdoutLength().orElseThrow();
        double predicted = 0;
        try {
            predicted = Arrays.stream(bg.conditionalExpectedTransactions(holdout, s)).sum();
        } catch (ArithmeticException e) {
            predicted = Double.NaN;
        }
        int actual = Arrays.stream(s.holdoutFrequencies()).sum();
        if (Double.isFinite(predicted)) {
            w.printf(Locale.ROOT, "  holdout check: %,.0f purchases predicted for the %.1f weeks after %s, %,d made%n",
                    predicted, holdout, calibrationEnd, actual);
        } else {
            w.printf(Locale.ROOT, "  holdout check: the model's prediction for the %.1f weeks after %s is undefined;"
                    + " %,d purchases made%n", holdout, calibrationEnd, actual);
        }

        double[] alive = fitted.alive();
        w.printf(Locale.ROOT, "  P(alive) on %s of the %,d customers%n", calibrationEnd, s.size());
        int[] buckets = new int[5];
        for (double p : alive) {
            buckets[Math.min(4, (int) (p * 5))]++;
        }
        for (int b = 0; b < buckets.length; b++) {
            int bar = (int) Math.round(40.0 * buckets[b] / Math.max(1, s.size()));
            w.printf(Locale.ROOT, "    %.1f-%.1f %,6d  %s%n", b / 5.0, (b + 1) / 5.0, buckets[b], "#".repeat(bar));
        }
        if (!fitted.clv().isPresent()) {
            w.println("  CLV: " + fitted.clv().reason());
            return;
        }
        double[] clv = fitted.clv().get();
        double[] year = fitted.year();
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
    public static double gamma(SplittableRandom rnd, double shape, double scale) {
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
