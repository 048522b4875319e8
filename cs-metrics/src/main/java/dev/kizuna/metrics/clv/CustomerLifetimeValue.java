package dev.kizuna.metrics.clv;

import java.util.Objects;

/**
 * The expected discounted value of each customer's future transactions over a horizon, from a transaction model
 * (BG/NBD or Pareto/NBD) and the Gamma-Gamma spend model. This is the method of lifetimes'
 * {@code customer_lifetime_value}:
 * <pre>
 *   CLV = sum_{k=1..K} E[M | x, m] (E[Y(k L) | x, t_x, T] - E[Y((k-1) L) | x, t_x, T]) / (1 + d)^k
 * </pre>
 * with K periods of length L (in the model's time unit) and discount rate d per period: the transactions expected in
 * period k, valued at the customer's expected spend per transaction, discounted as if paid at the end of period k.
 * Spend and purchasing are independent, as the Gamma-Gamma model assumes. A customer with x = 0 is valued at the
 * population mean spend.
 *
 * <p>Stateless and thread-safe. The batch method allocates nothing per customer.
 */
public final class CustomerLifetimeValue {
    private CustomerLifetimeValue() {
    }

    /**
     * Returns the CLV of one customer.
     *
     * @throws IllegalArgumentException if the history is invalid
     * @throws IllegalStateException    if the spend model's q &lt;= 1 (infinite expected spend)
     */
    public static double of(TransactionModel transactions, GammaGammaModel spend, ClvHorizon horizon, int x,
                            double recency, double age, double meanRepeatSpend) {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(horizon, "horizon");
        Histories.check(x, recency, age);
        return value(transactions, spend.conditionalExpectedSpend(x, meanRepeatSpend), horizon, x, recency, age);
    }

    /**
     * Writes the CLV of every customer into {@code out}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a customer is invalid
     * @throws IllegalStateException    if the spend model's q &lt;= 1
     */
    public static void of(TransactionModel transactions, GammaGammaModel spend, ClvHorizon horizon, int[] x,
                          double[] recency, double[] age, double[] meanRepeatSpend, double[] out) {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(horizon, "horizon");
        Histories.sameLength(x, recency, age, out);
        spend.conditionalExpectedSpend(x, meanRepeatSpend, out);
        // The discounted sum depends on a customer only through (x, T), the Pareto/NBD P(alive) terms through
        // (x, t_x) and (x, T): each is computed once per distinct pair.
        HistoryCache sums = HistoryCache.forBatch(x.length);
        HistoryCache aliveTerms = HistoryCache.forBatch(2 * x.length);
        WhileAlive whileAlive = whileAlive(transactions);
        for (int i = 0; i < x.length; i++) {
            Histories.checkRow(i, x[i], recency[i], age[i]);
            double alive = transactions instanceof BgNbdModel bg ? bg.alive(x[i], recency[i], age[i])
                    : ((ParetoNbdModel) transactions).alive(x[i], recency[i], age[i], aliveTerms);
            if (alive == 0) {
                out[i] = 0;
                continue;
            }
            int slot = sums.slot(x[i], age[i]);
            double sum = sums.holds(slot, x[i], age[i]) ? sums.value(slot)
                    : sums.put(slot, x[i], age[i], discountedTransactions(whileAlive, horizon, x[i], age[i]));
            out[i] = out[i] * alive * sum;
        }
    }

    /** Returns the CLV of every customer of the summary, which must carry spend, in row order. */
    public static double[] of(TransactionModel transactions, GammaGammaModel spend, ClvHorizon horizon, RfmSummary summary) {
        Objects.requireNonNull(summary, "summary");
        if (!summary.hasSpend()) {
            throw new IllegalArgumentException("summary: it carries no spend, which CLV needs");
        }
        double[] out = new double[summary.size()];
        of(transactions, spend, horizon, summary.x(), summary.tx(), summary.t(), summary.spend(), out);
        return out;
    }

    private static double value(TransactionModel model, double spendPerTransaction, ClvHorizon horizon, int x,
                                double recency, double age) {
        double alive;
        if (model instanceof BgNbdModel bg) {
            alive = bg.probabilityAlive(x, recency, age);
        } else {
            alive = ((ParetoNbdModel) model).probabilityAlive(x, recency, age);
        }
        if (alive == 0) {
            return 0;
        }
        return spendPerTransaction * alive * discountedTransactions(whileAlive(model), horizon, x, age);
    }

    /** The expected transactions in (T, T+t] of a customer alive at T, for one customer after another. */
    @FunctionalInterface
    private interface WhileAlive {
        double at(double t, int x, double age);
    }

    private static WhileAlive whileAlive(TransactionModel model) {
        if (model instanceof BgNbdModel bg) {
            return new BgNbdModel.Expectations(bg)::whileAlive;
        }
        return ((ParetoNbdModel) model)::expectedWhileAlive;
    }

    /** {@code sum_k (E[Y(k L)] - E[Y((k-1) L)]) / (1 + d)^k} for a customer alive at T, P(alive) left out. */
    private static double discountedTransactions(WhileAlive whileAlive, ClvHorizon horizon, int x, double age) {
        double total = 0;
        double previous = 0;
        double discount = 1;
        for (int k = 1; k <= horizon.periods(); k++) {
            double t = k * horizon.periodLength();
            double cumulative = whileAlive.at(t, x, age);
            discount /= 1 + horizon.discountRate();
            total += (cumulative - previous) * discount;
            previous = cumulative;
        }
        return total;
    }
}
