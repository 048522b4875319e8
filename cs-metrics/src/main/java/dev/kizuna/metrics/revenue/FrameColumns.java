package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;

import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;

/**
 * A {@link SubscriptionEventFrame}'s rows grouped by account and sorted by subscription, effective day and kind, for
 * the replay; row {@code i} is the frame's row {@link #row}{@code [i]}. Grouping reads only {@code int} columns: the
 * account numbers are given, so it is a counting sort (a copy when the frame already lists accounts in order), and
 * the subscription numbers compare as the ids do, so sorting an account compares {@code int}s.
 */
final class FrameColumns extends LedgerRows {
    private static final int LOCAL_BITS = 21;

    private final SubscriptionEventFrame frame;
    /** The subscription's number in the frame (numbers are in id order). */
    final int[] subscription;
    /** The frame row of each row. */
    final int[] row;

    private FrameColumns(SubscriptionEventFrame frame, int[] day, byte[] kind, long[] mrr, int[] subscription, int[] row) {
        super(day, kind, mrr);
        this.frame = frame;
        this.subscription = subscription;
        this.row = row;
    }

    /** Groups and sorts the frame's rows and returns the builder that replays them. */
    static LedgerBuilder ledgerOf(SubscriptionEventFrame frame, LedgerOptions options) {
        int n = frame.rows();
        Currency currency = ledgerCurrency(frame, options);
        // MRR in units is the ledger's only when the currencies agree; else every charge goes through chargeMrr.
        boolean sameCurrency = frame.currency().isPresent() && frame.currency().get().equals(currency);
        int[] acct = frame.account;
        int dictionary = frame.accountCount();
        int[] count = new int[dictionary];
        boolean ordered = true;
        for (int i = 0; i < n; i++) {
            count[acct[i]]++;
            if (i > 0 && acct[i] < acct[i - 1]) {
                ordered = false;
            }
        }
        int m = 0;
        for (int a = 0; a < dictionary; a++) {
            if (count[a] > 0) {
                m++;
            }
        }
        AccountId[] accounts = new AccountId[m];
        int[] eventStart = new int[m + 1];
        int[] numberOf = new int[dictionary];
        int c = 0;
        for (int a = 0; a < dictionary; a++) {
            if (count[a] > 0) {
                numberOf[a] = c;
                accounts[c] = frame.accountId(a);
                eventStart[c + 1] = eventStart[c] + count[a];
                c++;
            }
        }
        int[] day;
        byte[] kind;
        long[] mrr;
        int[] sub;
        int[] row;
        if (ordered) {
            day = frame.effective.clone();
            kind = frame.kind.clone();
            mrr = sameCurrency ? frame.mrr.clone() : new long[n];
            sub = frame.subscription.clone();
            row = new int[n];
            for (int i = 0; i < n; i++) {
                row[i] = i;
            }
        } else {
            day = new int[n];
            kind = new byte[n];
            mrr = new long[n];
            sub = new int[n];
            row = new int[n];
            int[] fill = Arrays.copyOf(eventStart, m);
            for (int i = 0; i < n; i++) {
                int at = fill[numberOf[acct[i]]]++;
                day[at] = frame.effective[i];
                kind[at] = frame.kind[i];
                mrr[at] = frame.mrr[i];
                sub[at] = frame.subscription[i];
                row[at] = i;
            }
        }
        if (!sameCurrency) {
            Arrays.fill(mrr, Units.NONE);
        }
        FrameColumns rows = new FrameColumns(frame, day, kind, mrr, sub, row);
        rows.sortAccounts(eventStart);
        return new LedgerBuilder(options, currency, accounts, rows, eventStart);
    }

    private static Currency ledgerCurrency(SubscriptionEventFrame frame, LedgerOptions options) {
        if (options.currency().isPresent()) {
            return options.currency().get();
        }
        if (frame.currency().isPresent()) {
            return frame.currency().get();
        }
        if (frame.rows() == 0) {
            throw new IllegalArgumentException("frame: the frame is empty and options.currency is not set, so the"
                    + " ledger has no currency; use LedgerOptions.withCurrency");
        }
        // No row carries a charge, so none is a START: replaying rejects the first one by name. "XXX" is ISO 4217's
        // code for "no currency", never shown in a result.
        return Currency.getInstance("XXX");
    }

    /** Sorts each account's rows by subscription, day and kind, keeping the frame's order among equal rows. */
    private void sortAccounts(int[] eventStart) {
        Sorter sorter = new Sorter();
        for (int c = 0; c + 1 < eventStart.length; c++) {
            int lo = eventStart[c];
            int hi = eventStart[c + 1];
            for (int i = lo + 1; i < hi; i++) {
                if (compare(i - 1, i) > 0) {
                    sorter.sort(lo, hi);
                    break;
                }
            }
        }
    }

    private int compare(int i, int j) {
        int x = Integer.compare(subscription[i], subscription[j]);
        if (x != 0) {
            return x;
        }
        x = Integer.compare(day[i], day[j]);
        return x != 0 ? x : Integer.compare(kind[i], kind[j]);
    }

    /** Sorts one account's rows on packed {@code long} keys, or with a comparator when they do not fit. */
    private final class Sorter {
        private long[] keys = new long[16];
        private int[] distinct = new int[16];
        private int[] from = new int[16];
        private int[] dayCopy = new int[16];
        private byte[] kindCopy = new byte[16];
        private long[] mrrCopy = new long[16];
        private int[] subCopy = new int[16];
        private int[] rowCopy = new int[16];

        void sort(int lo, int hi) {
            int k = hi - lo;
            if (keys.length < k) {
                int size = Math.max(k, keys.length * 2);
                keys = new long[size];
                distinct = new int[size];
                from = new int[size];
                dayCopy = new int[size];
                kindCopy = new byte[size];
                mrrCopy = new long[size];
                subCopy = new int[size];
                rowCopy = new int[size];
            }
            System.arraycopy(subscription, lo, distinct, 0, k);
            Arrays.sort(distinct, 0, k);
            int subscriptions = 0;
            for (int j = 0; j < k; j++) {
                if (j == 0 || distinct[j] != distinct[j - 1]) {
                    distinct[subscriptions++] = distinct[j];
                }
            }
            long minDay = Long.MAX_VALUE;
            long maxDay = Long.MIN_VALUE;
            for (int i = lo; i < hi; i++) {
                minDay = Math.min(minDay, day[i]);
                maxDay = Math.max(maxDay, day[i]);
            }
            long span = maxDay - minDay + 1;
            if (k >= (1 << LOCAL_BITS) || span > (1L << 40) / 4 / subscriptions) {
                Integer[] byTimeline = new Integer[k];
                for (int j = 0; j < k; j++) {
                    byTimeline[j] = j;
                }
                Arrays.sort(byTimeline, (x, y) -> compare(lo + x, lo + y)); // stable: equal rows keep their order
                for (int j = 0; j < k; j++) {
                    from[j] = byTimeline[j];
                }
            } else {
                for (int i = lo; i < hi; i++) {
                    long rank = Arrays.binarySearch(distinct, 0, subscriptions, subscription[i]);
                    keys[i - lo] = (((rank * span + day[i] - minDay) << 2 | kind[i]) << LOCAL_BITS) | (i - lo);
                }
                Arrays.sort(keys, 0, k);
                for (int j = 0; j < k; j++) {
                    from[j] = (int) (keys[j] & ((1 << LOCAL_BITS) - 1));
                }
            }
            System.arraycopy(day, lo, dayCopy, 0, k);
            System.arraycopy(kind, lo, kindCopy, 0, k);
            System.arraycopy(mrr, lo, mrrCopy, 0, k);
            System.arraycopy(subscription, lo, subCopy, 0, k);
            System.arraycopy(row, lo, rowCopy, 0, k);
            for (int j = 0; j < k; j++) {
                int f = from[j];
                day[lo + j] = dayCopy[f];
                kind[lo + j] = kindCopy[f];
                mrr[lo + j] = mrrCopy[f];
                subscription[lo + j] = subCopy[f];
                row[lo + j] = rowCopy[f];
            }
        }
    }

    @Override
    boolean sameSubscription(int i, int j) {
        return subscription[i] == subscription[j];
    }

    @Override
    int recordedDay(int i) {
        return frame.recorded[row[i]];
    }

    @Override
    String where(int i) {
        int r = row[i];
        return "rows[" + r + "]: " + frame.kind(r) + " of subscription '" + frame.subscriptionId(r) + "' of account '"
                + frame.account(r) + "' effective " + frame.effectiveDate(r);
    }

    @Override
    String subscriptionId(int i) {
        return frame.subscriptionId(row[i]);
    }

    @Override
    Optional<String> plan(int i) {
        return frame.plan(row[i]);
    }

    @Override
    Money chargeMrr(int i) {
        return frame.mrr(row[i]).orElseThrow();
    }

    @Override
    Object chargeKey(int i) {
        int r = row[i];
        long units = frame.mrr[r];
        return units == Units.NONE ? frame.bigMrr[r] : Long.valueOf(units);
    }
}
