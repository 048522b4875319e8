package dev.kizuna.metrics.clv;

import dev.kizuna.core.AccountId;

import java.util.Objects;

/**
 * One customer's sufficient statistics for the repeat-purchase and spend models, over a calibration window.
 *
 * <p>The customer's first purchase opens the window and is not counted: {@code frequency} (x in the papers) is the
 * number of <em>repeat</em> purchase days, {@code recency} (t_x) the time from the first purchase to the last one,
 * {@code age} (T) the time from the first purchase to the end of the window, all in one {@link RfmTimeUnit}.
 * {@code meanRepeatSpend} is the mean amount of the repeat transactions only (the first is excluded, as in Fader,
 * Hardie and Lee's Gamma-Gamma model and in lifetimes), and 0 when there are none.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer        the customer
 * @param frequency       repeat transactions x, at least 0
 * @param recency         t_x, at least 0, and 0 when {@code frequency} is 0
 * @param age             T, at least {@code recency}
 * @param meanRepeatSpend mean repeat spend, finite, and 0 when {@code frequency} is 0
 */
public record CustomerRfm(AccountId customer, int frequency, double recency, double age, double meanRepeatSpend) {

    /** Validates the statistics. */
    public CustomerRfm {
        Objects.requireNonNull(customer, "customer");
        checkRow("", frequency, recency, age, meanRepeatSpend);
    }

    /** Returns the statistics of one customer. */
    public static CustomerRfm of(AccountId customer, int frequency, double recency, double age, double meanRepeatSpend) {
        return new CustomerRfm(customer, frequency, recency, age, meanRepeatSpend);
    }

    /**
     * Checks one customer's statistics; {@code index} is appended to each field name ({@code "[3]"}) or empty.
     *
     * @throws IllegalArgumentException naming the field and the value
     */
    static void checkRow(String index, int x, double tx, double t, double spend) {
        if (x < 0) {
            throw new IllegalArgumentException("frequency" + index + ": " + x + " must be >= 0");
        }
        if (!Double.isFinite(tx) || tx < 0) {
            throw new IllegalArgumentException("recency" + index + ": " + tx + " must be a finite number >= 0");
        }
        if (x == 0 && tx != 0) {
            throw new IllegalArgumentException(
                    "recency" + index + ": " + tx + " must be 0 when frequency is 0 (no repeat transaction)");
        }
        if (!Double.isFinite(t) || t < tx) {
            throw new IllegalArgumentException("age" + index + ": " + t + " must be a finite number >= recency " + tx);
        }
        if (!Double.isFinite(spend)) {
            throw new IllegalArgumentException("meanRepeatSpend" + index + ": " + spend + " must be a finite number");
        }
        if (x == 0 && spend != 0) {
            throw new IllegalArgumentException("meanRepeatSpend" + index + ": " + spend
                    + " must be 0 when frequency is 0 (it is the mean of repeat transactions only)");
        }
    }
}
