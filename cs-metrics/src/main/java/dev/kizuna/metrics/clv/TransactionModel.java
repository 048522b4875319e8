package dev.kizuna.metrics.clv;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model of repeat purchasing for customers without a contract, whose dropout is never observed: BG/NBD or
 * Pareto/NBD. Time {@code t} is in the unit of the summary the model was fitted on (see {@link RfmTimeUnit}), and
 * customers are described by their repeat transactions x, recency t_x and age T as in {@link CustomerRfm}.
 *
 * <p>The batch methods take primitive columns and write into a caller-supplied output array, so that predicting for
 * millions of customers allocates nothing per customer. Implementations are immutable and thread-safe.
 */
public sealed interface TransactionModel permits BgNbdModel, ParetoNbdModel {

    /** Returns the model's parameters by name, in the order of the papers. */
    Map<String, Double> parameters();

    /** Returns how the model was fitted; empty for a model built from known parameters. */
    Optional<FitReport> report();

    /** Returns E[X(t)], the expected number of repeat transactions of a new customer in (0, t]. */
    double expectedTransactions(double t);

    /** Returns P(X(t) = k), the probability that a new customer makes exactly k repeat transactions in (0, t]. */
    double probabilityOfTransactions(int k, double t);

    /** Returns the probability that a customer with this history is still alive at the end of the calibration window. */
    double probabilityAlive(int x, double recency, double age);

    /**
     * Returns E[Y(t) | x, t_x, T], the expected number of transactions in the next {@code t} time units of a customer
     * with this calibration history.
     */
    double conditionalExpectedTransactions(double t, int x, double recency, double age);

    /**
     * Writes {@link #probabilityAlive(int, double, double)} of every customer into {@code out}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a customer's history is invalid
     */
    void probabilityAlive(int[] x, double[] recency, double[] age, double[] out);

    /**
     * Writes {@link #conditionalExpectedTransactions(double, int, double, double)} of every customer into {@code out}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a customer's history is invalid
     */
    void conditionalExpectedTransactions(double t, int[] x, double[] recency, double[] age, double[] out);

    /** Returns P(alive) of every customer of the summary, in row order. */
    default double[] probabilityAlive(RfmSummary summary) {
        Objects.requireNonNull(summary, "summary");
        double[] out = new double[summary.size()];
        probabilityAlive(summary.x(), summary.tx(), summary.t(), out);
        return out;
    }

    /** Returns the expected transactions in the next {@code t} time units of every customer of the summary. */
    default double[] conditionalExpectedTransactions(double t, RfmSummary summary) {
        Objects.requireNonNull(summary, "summary");
        double[] out = new double[summary.size()];
        conditionalExpectedTransactions(t, summary.x(), summary.tx(), summary.t(), out);
        return out;
    }
}
