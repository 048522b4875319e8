package dev.kizuna.metrics.clv;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.Purchase;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The recency-frequency-monetary summary of a cohort: for every customer x, t_x, T and the mean repeat spend over a
 * calibration window (see {@link CustomerRfm}), and optionally the transactions of a holdout window that follows it.
 * It is the input of every fit and of the batch predictions, stored as primitive columns.
 *
 * <p><b>From a transaction log</b> ({@link #fromPurchases}): the calibration window runs from each customer's first
 * purchase to {@code calibrationEnd}, inclusive. Purchases on the same day are one transaction whose amount is their
 * sum. x is the number of purchase days after the first, t_x the time from the first purchase day to the last one in
 * the window and T the time from the first purchase day to {@code calibrationEnd}, both as whole days divided by the
 * unit ({@link RfmTimeUnit#between}). Customers whose first purchase falls after the calibration end are left out
 * and counted in {@link #customersFirstSeenAfterCalibration()}. The holdout window runs from the day after
 * {@code calibrationEnd} to {@code holdoutEnd}, inclusive; its length is {@code holdoutEnd - calibrationEnd} in the
 * unit. Purchases after the last window are ignored. With calibration end 1997-09-30 and weeks, the CDNOW sample
 * gives exactly the summary of Fader, Hardie and Lee (2005) that lifetimes ships as
 * {@code cdnow_customers_summary.csv}.
 *
 * <p><b>From columns</b> ({@link #of}): for summaries computed elsewhere, such as a CSV with
 * {@code frequency,recency,T}.
 *
 * <p>Customers are kept in {@link AccountId} order when built from purchases and in the given order otherwise. The
 * arrays returned by the accessors are copies. Immutable and thread-safe.
 */
public final class RfmSummary {
    private static final MathContext MEAN_PRECISION = MathContext.DECIMAL64;

    private final RfmTimeUnit unit;
    private final List<AccountId> customers;
    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] meanRepeatSpend;
    private final boolean spendKnown;
    private final Optional<LocalDate> calibrationEnd;
    private final Optional<Currency> currency;
    private final int firstSeenAfterCalibration;
    private final OptionalDouble holdoutLength;
    private final Optional<LocalDate> holdoutEnd;
    private final int[] holdoutFrequency;
    private final double[] holdoutMeanSpend;

    private RfmSummary(Builder b) {
        this.unit = b.unit;
        this.customers = List.copyOf(b.customers);
        this.frequency = b.frequency;
        this.recency = b.recency;
        this.age = b.age;
        this.meanRepeatSpend = b.meanRepeatSpend;
        this.spendKnown = b.spendKnown;
        this.calibrationEnd = b.calibrationEnd;
        this.currency = b.currency;
        this.firstSeenAfterCalibration = b.firstSeenAfterCalibration;
        this.holdoutLength = b.holdoutLength;
        this.holdoutEnd = b.holdoutEnd;
        this.holdoutFrequency = b.holdoutFrequency;
        this.holdoutMeanSpend = b.holdoutMeanSpend;
        Set<AccountId> seen = new HashSet<>();
        for (int i = 0; i < frequency.length; i++) {
            String index = "[" + i + "]";
            CustomerRfm.checkRow(index, frequency[i], recency[i], age[i], meanRepeatSpend[i]);
            if (!seen.add(customers.get(i))) {
                throw new IllegalArgumentException("customers" + index + ": '" + customers.get(i) + "' appears twice");
            }
            if (holdoutFrequency.length > 0) {
                if (holdoutFrequency[i] < 0) {
                    throw new IllegalArgumentException("holdoutFrequency" + index + ": " + holdoutFrequency[i] + " must be >= 0");
                }
                double m = holdoutMeanSpend[i];
                if (!Double.isFinite(m) || (holdoutFrequency[i] == 0 && m != 0)) {
                    throw new IllegalArgumentException("holdoutMeanSpend" + index + ": " + m
                            + " must be finite, and 0 when the holdout frequency is 0");
                }
            }
        }
    }

    /**
     * Summarises a transaction log over a calibration window only. See the class documentation for the conventions.
     *
     * @param purchases      the purchases, in any order, all in one currency
     * @param calibrationEnd the last day of the calibration window, inclusive
     * @param unit           the time unit of recency and age
     * @throws CurrencyMismatchException if the purchases are in more than one currency
     */
    public static RfmSummary fromPurchases(Collection<Purchase> purchases, LocalDate calibrationEnd, RfmTimeUnit unit) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        return summarise(purchases, calibrationEnd, Optional.empty(), unit);
    }

    /**
     * Summarises a transaction log over a calibration window and the holdout window that follows it.
     *
     * @param holdoutEnd the last day of the holdout window, inclusive, after {@code calibrationEnd}
     * @throws IllegalArgumentException  if {@code holdoutEnd} is not after {@code calibrationEnd}
     * @throws CurrencyMismatchException if the purchases are in more than one currency
     */
    public static RfmSummary fromPurchases(Collection<Purchase> purchases, LocalDate calibrationEnd, LocalDate holdoutEnd,
                                           RfmTimeUnit unit) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(holdoutEnd, "holdoutEnd");
        if (!holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdoutEnd: " + holdoutEnd + " must be after calibrationEnd " + calibrationEnd);
        }
        return summarise(purchases, calibrationEnd, Optional.of(holdoutEnd), unit);
    }

    /**
     * Returns a summary of the given columns, one element per customer, with customers named "1", "2", ... in row
     * order and no spend (for the transaction models only).
     *
     * @throws IllegalArgumentException naming the row and the value, if the lengths differ or a row is invalid
     *                                  (see {@link CustomerRfm})
     */
    public static RfmSummary of(RfmTimeUnit unit, int[] frequency, double[] recency, double[] age) {
        Objects.requireNonNull(frequency, "frequency");
        return columns(unit, rowNames(frequency.length), frequency, recency, age, new double[frequency.length], false);
    }

    /**
     * Returns a summary of the given columns with mean repeat spend, customers named "1", "2", ... in row order.
     *
     * @throws IllegalArgumentException naming the row and the value, if the lengths differ or a row is invalid
     */
    public static RfmSummary of(RfmTimeUnit unit, int[] frequency, double[] recency, double[] age, double[] meanRepeatSpend) {
        Objects.requireNonNull(frequency, "frequency");
        return columns(unit, rowNames(frequency.length), frequency, recency, age, meanRepeatSpend, true);
    }

    /**
     * Returns a summary of the given columns with the customers' ids, which must be distinct, and no spend.
     *
     * @throws IllegalArgumentException naming the row and the value, if the lengths differ or a row is invalid
     */
    public static RfmSummary of(RfmTimeUnit unit, List<AccountId> customers, int[] frequency, double[] recency,
                                double[] age) {
        Objects.requireNonNull(frequency, "frequency");
        return columns(unit, customers, frequency, recency, age, new double[frequency.length], false);
    }

    /**
     * Returns a summary of the given columns with mean repeat spend and the customers' ids, which must be distinct.
     *
     * @throws IllegalArgumentException naming the row and the value, if the lengths differ or a row is invalid
     */
    public static RfmSummary of(RfmTimeUnit unit, List<AccountId> customers, int[] frequency, double[] recency,
                                double[] age, double[] meanRepeatSpend) {
        return columns(unit, customers, frequency, recency, age, meanRepeatSpend, true);
    }

    /** Returns a summary of the given rows, in their order. */
    public static RfmSummary of(RfmTimeUnit unit, List<CustomerRfm> rows) {
        Objects.requireNonNull(rows, "rows");
        int n = rows.size();
        List<AccountId> ids = new ArrayList<>(n);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            CustomerRfm row = Objects.requireNonNull(rows.get(i), "rows[" + i + "]");
            ids.add(row.customer());
            x[i] = row.frequency();
            tx[i] = row.recency();
            t[i] = row.age();
            m[i] = row.meanRepeatSpend();
        }
        return columns(unit, ids, x, tx, t, m, true);
    }

    /**
     * Returns a copy of this summary with a holdout window: its length in this summary's unit and, per customer,
     * the number of transactions and their mean amount in it.
     *
     * @throws IllegalArgumentException if the length is not positive, the arrays do not have one element per
     *                                  customer, or an element is invalid
     */
    public RfmSummary withHoldout(double length, int[] holdoutFrequency, double[] holdoutMeanSpend) {
        if (!Double.isFinite(length) || length <= 0) {
            throw new IllegalArgumentException("holdoutLength: " + length + " must be a finite number > 0");
        }
        Builder b = toBuilder();
        b.holdoutLength = OptionalDouble.of(length);
        b.holdoutEnd = Optional.empty();
        b.holdoutFrequency = sized(holdoutFrequency, "holdoutFrequency", size()).clone();
        b.holdoutMeanSpend = sized(holdoutMeanSpend, "holdoutMeanSpend", size()).clone();
        return new RfmSummary(b);
    }

    /** Returns the number of customers. */
    public int size() {
        return frequency.length;
    }

    /** Returns the time unit of recency, age and the holdout length. */
    public RfmTimeUnit unit() {
        return unit;
    }

    /** Returns the customers, in row order. */
    public List<AccountId> customers() {
        return customers;
    }

    /** Returns the statistics of the customer in row {@code i}. */
    public CustomerRfm customer(int i) {
        Objects.checkIndex(i, size());
        return new CustomerRfm(customers.get(i), frequency[i], recency[i], age[i], meanRepeatSpend[i]);
    }

    /** Returns x, the repeat transactions, per customer. */
    public int[] frequencies() {
        return frequency.clone();
    }

    /** Returns t_x, the time of the last repeat transaction, per customer. */
    public double[] recencies() {
        return recency.clone();
    }

    /** Returns T, the time from the first transaction to the end of the calibration window, per customer. */
    public double[] ages() {
        return age.clone();
    }

    /** Returns the mean repeat spend per customer (0 where x is 0); all zeros if {@link #hasSpend()} is false. */
    public double[] meanRepeatSpends() {
        return meanRepeatSpend.clone();
    }

    /** Returns whether the summary carries spend (it does when built from purchases or given a spend column). */
    public boolean hasSpend() {
        return spendKnown;
    }

    /** Returns the last day of the calibration window, when the summary was built from purchases. */
    public Optional<LocalDate> calibrationEnd() {
        return calibrationEnd;
    }

    /** Returns the currency of the spend, when the summary was built from at least one purchase. */
    public Optional<Currency> currency() {
        return currency;
    }

    /** Returns how many customers were left out because their first purchase came after the calibration end. */
    public int customersFirstSeenAfterCalibration() {
        return firstSeenAfterCalibration;
    }

    /** Returns the length of the holdout window in {@link #unit()}, if there is one. */
    public OptionalDouble holdoutLength() {
        return holdoutLength;
    }

    /** Returns the last day of the holdout window, when the summary was built from purchases with one. */
    public Optional<LocalDate> holdoutEnd() {
        return holdoutEnd;
    }

    /** Returns the transactions per customer in the holdout window; empty if there is no holdout window. */
    public int[] holdoutFrequencies() {
        return holdoutFrequency.clone();
    }

    /** Returns the mean transaction amount per customer in the holdout window (0 where none); empty if no window. */
    public double[] holdoutMeanSpends() {
        return holdoutMeanSpend.clone();
    }

    // Zero-copy access for the fitting and prediction code of this package.
    int[] x() {
        return frequency;
    }

    double[] tx() {
        return recency;
    }

    double[] t() {
        return age;
    }

    double[] spend() {
        return meanRepeatSpend;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RfmSummary s && unit == s.unit && spendKnown == s.spendKnown
                && firstSeenAfterCalibration == s.firstSeenAfterCalibration && customers.equals(s.customers)
                && Arrays.equals(frequency, s.frequency) && Arrays.equals(recency, s.recency)
                && Arrays.equals(age, s.age) && Arrays.equals(meanRepeatSpend, s.meanRepeatSpend)
                && calibrationEnd.equals(s.calibrationEnd) && currency.equals(s.currency)
                && holdoutLength.equals(s.holdoutLength) && holdoutEnd.equals(s.holdoutEnd)
                && Arrays.equals(holdoutFrequency, s.holdoutFrequency) && Arrays.equals(holdoutMeanSpend, s.holdoutMeanSpend);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, customers, Arrays.hashCode(frequency), Arrays.hashCode(recency), Arrays.hashCode(age),
                calibrationEnd, holdoutLength);
    }

    @Override
    public String toString() {
        return "RfmSummary[" + size() + " customers, " + unit
                + calibrationEnd.map(d -> ", calibration to " + d).orElse("")
                + (holdoutLength.isPresent() ? ", holdout of " + holdoutLength.getAsDouble() : "") + "]";
    }

    private static RfmSummary columns(RfmTimeUnit unit, List<AccountId> customers, int[] x, double[] tx, double[] t,
                                      double[] m, boolean spendKnown) {
        Objects.requireNonNull(customers, "customers");
        int n = sized(x, "frequency", customers.size()).length;
        Builder b = new Builder(Objects.requireNonNull(unit, "unit"));
        b.customers = List.copyOf(customers);
        b.frequency = x.clone();
        b.recency = sized(tx, "recency", n).clone();
        b.age = sized(t, "age", n).clone();
        b.meanRepeatSpend = sized(m, "meanRepeatSpend", n).clone();
        b.spendKnown = spendKnown;
        return new RfmSummary(b);
    }

    private static RfmSummary summarise(Collection<Purchase> purchases, LocalDate calibrationEnd,
                                        Optional<LocalDate> holdoutEnd, RfmTimeUnit unit) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(unit, "unit");
        Purchase[] sorted = purchases.toArray(new Purchase[0]);
        for (int i = 0; i < sorted.length; i++) {
            Objects.requireNonNull(sorted[i], "purchases[" + i + "]");
        }
        Arrays.sort(sorted, Comparator.comparing(Purchase::customer).thenComparing(Purchase::date));
        Optional<Currency> currency = sorted.length == 0 ? Optional.empty() : Optional.of(sorted[0].amount().currency());
        LocalDate lastDay = holdoutEnd.orElse(calibrationEnd);

        List<AccountId> ids = new ArrayList<>();
        IntColumn x = new IntColumn();
        IntColumn holdoutX = new IntColumn();
        DoubleColumn tx = new DoubleColumn();
        DoubleColumn t = new DoubleColumn();
        DoubleColumn m = new DoubleColumn();
        DoubleColumn holdoutM = new DoubleColumn();
        int late = 0;
        int i = 0;
        while (i < sorted.length) {
            AccountId customer = sorted[i].customer();
            LocalDate first = sorted[i].date();
            int repeatDays = 0;
            int holdoutDays = 0;
            LocalDate last = first;
            BigDecimal repeatSum = BigDecimal.ZERO;
            BigDecimal holdoutSum = BigDecimal.ZERO;
            LocalDate day = first;
            while (i < sorted.length && sorted[i].customer().equals(customer)) {
                Purchase p = sorted[i];
                Money amount = p.amount();
                if (!amount.currency().equals(currency.orElseThrow())) {
                    throw new CurrencyMismatchException("purchases: " + amount + " of customer '" + customer
                            + "' on " + p.date() + " is not in " + currency.orElseThrow()
                            + "; an RFM summary needs one currency and no conversion was supplied");
                }
                boolean newDay = !p.date().equals(day);
                day = p.date();
                if (!day.isAfter(lastDay) && !first.isAfter(calibrationEnd)) {
                    if (!day.isAfter(calibrationEnd)) {
                        if (newDay) {
                            repeatDays++;
                            last = day;
                        }
                        if (!day.equals(first)) {
                            repeatSum = repeatSum.add(amount.amount());
                        }
                    } else {
                        if (newDay) {
                            holdoutDays++;
                        }
                        holdoutSum = holdoutSum.add(amount.amount());
                    }
                }
                i++;
            }
            if (first.isAfter(calibrationEnd)) {
                late++;
                continue;
            }
            ids.add(customer);
            x.add(repeatDays);
            tx.add(unit.between(first, last));
            t.add(unit.between(first, calibrationEnd));
            m.add(repeatDays == 0 ? 0 : mean(repeatSum, repeatDays));
            holdoutX.add(holdoutDays);
            holdoutM.add(holdoutDays == 0 ? 0 : mean(holdoutSum, holdoutDays));
        }
        Builder b = new Builder(unit);
        b.customers = ids;
        b.frequency = x.toArray();
        b.recency = tx.toArray();
        b.age = t.toArray();
        b.meanRepeatSpend = m.toArray();
        b.spendKnown = true;
        b.calibrationEnd = Optional.of(calibrationEnd);
        b.currency = currency;
        b.firstSeenAfterCalibration = late;
        if (holdoutEnd.isPresent()) {
            b.holdoutEnd = holdoutEnd;
            b.holdoutLength = OptionalDouble.of(unit.between(calibrationEnd, holdoutEnd.get()));
            b.holdoutFrequency = holdoutX.toArray();
            b.holdoutMeanSpend = holdoutM.toArray();
        }
        return new RfmSummary(b);
    }

    /** The exact decimal mean rounded to 16 digits, then the nearest double, so that 44.69 / 2 gives 22.345. */
    private static double mean(BigDecimal sum, int count) {
        return sum.divide(BigDecimal.valueOf(count), MEAN_PRECISION).doubleValue();
    }

    private static List<AccountId> rowNames(int n) {
        List<AccountId> ids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            ids.add(AccountId.of(Integer.toString(i)));
        }
        return ids;
    }

    private static int[] sized(int[] values, String field, int n) {
        Objects.requireNonNull(values, field);
        if (values.length != n) {
            throw new IllegalArgumentException(field + ": " + values.length + " values, expected one per customer (" + n + ")");
        }
        return values;
    }

    private static double[] sized(double[] values, String field, int n) {
        Objects.requireNonNull(values, field);
        if (values.length != n) {
            throw new IllegalArgumentException(field + ": " + values.length + " values, expected one per customer (" + n + ")");
        }
        return values;
    }

    private Builder toBuilder() {
        Builder b = new Builder(unit);
        b.customers = customers;
        b.frequency = frequency;
        b.recency = recency;
        b.age = age;
        b.meanRepeatSpend = meanRepeatSpend;
        b.spendKnown = spendKnown;
        b.calibrationEnd = calibrationEnd;
        b.currency = currency;
        b.firstSeenAfterCalibration = firstSeenAfterCalibration;
        b.holdoutLength = holdoutLength;
        b.holdoutEnd = holdoutEnd;
        b.holdoutFrequency = holdoutFrequency;
        b.holdoutMeanSpend = holdoutMeanSpend;
        return b;
    }

    /** The parts of a summary while it is put together; the arrays it holds are owned by the new summary. */
    private static final class Builder {
        private final RfmTimeUnit unit;
        private List<AccountId> customers = List.of();
        private int[] frequency = new int[0];
        private double[] recency = new double[0];
        private double[] age = new double[0];
        private double[] meanRepeatSpend = new double[0];
        private boolean spendKnown;
        private Optional<LocalDate> calibrationEnd = Optional.empty();
        private Optional<Currency> currency = Optional.empty();
        private int firstSeenAfterCalibration;
        private OptionalDouble holdoutLength = OptionalDouble.empty();
        private Optional<LocalDate> holdoutEnd = Optional.empty();
        private int[] holdoutFrequency = new int[0];
        private double[] holdoutMeanSpend = new double[0];

        Builder(RfmTimeUnit unit) {
            this.unit = unit;
        }
    }

    /** A growable int column. */
    private static final class IntColumn {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable double column. */
    private static final class DoubleColumn {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
