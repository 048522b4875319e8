package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.SubscriptionEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link MrrLedger}'s arrays: groups the events by account (one hash lookup each, then a counting sort),
 * sorts each account's events on packed {@code long} keys, replays each account once and classifies its daily MRR
 * changes. Amounts are summed as exact {@code long} units; an account with an amount that does not fit is done again
 * with {@link BigDecimal}.
 */
final class LedgerBuilder {
    /** The order {@link EventReplay} reads an account's events in: by subscription, effective date, then kind. */
    static final Comparator<SubscriptionEvent> TIMELINE = (a, b) -> {
        int c = a.subscriptionId().compareTo(b.subscriptionId());
        if (c != 0) {
            return c;
        }
        c = a.effectiveDate().compareTo(b.effectiveDate());
        return c != 0 ? c : a.kind().compareTo(b.kind());
    };
    private static final BigDecimal[] NO_BIG = new BigDecimal[0];
    private static final int LOCAL_BITS = 21;

    final LedgerOptions options;
    final Currency currency;
    final AccountId[] accounts;
    final Map<AccountId, Integer> positions;
    final SubscriptionEvent[] ordered;
    final int[] eventStart;
    int[] movementStart;
    int[] movementDay;
    byte[] movementType;
    long[] amountUnits;
    long[] afterUnits;
    BigDecimal[] bigAmount = NO_BIG;
    BigDecimal[] bigAfter = NO_BIG;
    int withoutPaidMrr;
    long excluded;

    private final SubscriptionEvent[] input;
    private int out;

    LedgerBuilder(Collection<SubscriptionEvent> events, LedgerOptions options) {
        this.options = options;
        this.input = events.toArray(new SubscriptionEvent[0]);
        for (int i = 0; i < input.length; i++) {
            if (input[i] == null) {
                throw new NullPointerException("events[" + i + "]: null event");
            }
        }
        int n = input.length;
        HashMap<AccountId, Integer> ids = new HashMap<>(Math.max(16, n / 2));
        List<AccountId> seen = new ArrayList<>();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            AccountId account = input[i].account();
            Integer id = ids.get(account);
            if (id == null) {
                id = seen.size();
                ids.put(account, id);
                seen.add(account);
            }
            group[i] = id;
        }
        int m = seen.size();
        accounts = seen.toArray(new AccountId[0]);
        Arrays.sort(accounts);
        int[] rank = new int[m];
        for (int r = 0; r < m; r++) {
            rank[ids.put(accounts[r], r)] = r;
        }
        positions = ids;
        eventStart = new int[m + 1];
        for (int i = 0; i < n; i++) {
            eventStart[rank[group[i]] + 1]++;
        }
        for (int c = 0; c < m; c++) {
            eventStart[c + 1] += eventStart[c];
        }
        int[] fill = Arrays.copyOf(eventStart, m);
        ordered = new SubscriptionEvent[n];
        for (int i = 0; i < n; i++) {
            ordered[fill[rank[group[i]]]++] = input[i];
        }
        long[] keys = new long[16];
        SubscriptionEvent[] scratch = new SubscriptionEvent[16];
        for (int c = 0; c < m; c++) {
            int k = eventStart[c + 1] - eventStart[c];
            if (k > 1) {
                if (keys.length < k) {
                    keys = new long[Math.max(k, keys.length * 2)];
                    scratch = new SubscriptionEvent[keys.length];
                }
                sortAccount(eventStart[c], eventStart[c + 1], keys, scratch);
            }
        }
        currency = ledgerCurrency();
    }

    /**
     * Sorts {@code ordered[lo, hi)} in {@link #TIMELINE} order by packing (subscription rank, day, kind, position)
     * into one {@code long} per event; falls back to the comparator when the account's span does not fit.
     */
    private void sortAccount(int lo, int hi, long[] keys, SubscriptionEvent[] scratch) {
        int k = hi - lo;
        String first = ordered[lo].subscriptionId();
        Map<String, Integer> ranks = null;
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        for (int i = lo; i < hi; i++) {
            SubscriptionEvent e = ordered[i];
            long d = e.effectiveDate().toEpochDay();
            minDay = Math.min(minDay, d);
            maxDay = Math.max(maxDay, d);
            if (ranks == null && !e.subscriptionId().equals(first)) {
                ranks = new HashMap<>();
            }
        }
        int subscriptions = 1;
        if (ranks != null) {
            List<String> ids = new ArrayList<>();
            for (int i = lo; i < hi; i++) {
                if (ranks.putIfAbsent(ordered[i].subscriptionId(), 0) == null) {
                    ids.add(ordered[i].subscriptionId());
                }
            }
            ids.sort(Comparator.naturalOrder());
            for (int r = 0; r < ids.size(); r++) {
                ranks.put(ids.get(r), r);
            }
            subscriptions = ids.size();
        }
        long span = maxDay - minDay + 1;
        if (k >= (1 << LOCAL_BITS) || span > (1L << 40) / 4 / subscriptions) {
            Arrays.sort(ordered, lo, hi, TIMELINE);
            return;
        }
        boolean sorted = true;
        for (int i = lo; i < hi; i++) {
            SubscriptionEvent e = ordered[i];
            long rank = ranks == null ? 0 : ranks.get(e.subscriptionId());
            long key = (((rank * span + e.effectiveDate().toEpochDay() - minDay) << 2 | e.kind().ordinal()) << LOCAL_BITS)
                    | (i - lo);
            keys[i - lo] = key;
            if (i > lo && key < keys[i - lo - 1]) {
                sorted = false;
            }
        }
        if (sorted) {
            return;
        }
        Arrays.sort(keys, 0, k);
        System.arraycopy(ordered, lo, scratch, 0, k);
        for (int j = 0; j < k; j++) {
            ordered[lo + j] = scratch[(int) (keys[j] & ((1 << LOCAL_BITS) - 1))];
        }
    }

    private Currency ledgerCurrency() {
        if (options.currency().isPresent()) {
            return options.currency().get();
        }
        for (SubscriptionEvent e : ordered) {
            if (e.charge().isPresent()) {
                return e.charge().get().unitPrice().currency();
            }
        }
        if (ordered.length == 0) {
            throw new IllegalArgumentException("events: the list is empty and options.currency is not set, so the"
                    + " ledger has no currency; use LedgerOptions.withCurrency");
        }
        // No event carries a charge, so none has a START: replaying rejects the first one by name.
        return Currency.getInstance("XXX");
    }

    /** Replays and classifies every account. */
    LedgerBuilder run() {
        int n = ordered.length;
        int m = accounts.length;
        movementStart = new int[m + 1];
        movementDay = new int[n];
        movementType = new byte[n];
        amountUnits = new long[n];
        afterUnits = new long[n];
        EventReplay replay = new EventReplay(options, currency, Arrays.asList(input));
        for (int c = 0; c < m; c++) {
            movementStart[c] = out;
            int lo = eventStart[c];
            int hi = eventStart[c + 1];
            boolean single = replay.replay(ordered, lo, hi);
            int steps = replay.changedInDayOrder(hi - lo, single);
            if (replay.big || !classifyInUnits(replay, steps)) {
                out = movementStart[c];
                classifyInDecimals(replay, steps);
            }
            if (out == movementStart[c]) {
                withoutPaidMrr++;
            }
        }
        movementStart[m] = out;
        excluded = replay.excluded;
        return this;
    }

    /** Classifies one account's changes in {@code long} units; returns false if a total overflowed. */
    private boolean classifyInUnits(EventReplay r, int steps) {
        ReactivationWindow window = options.reactivationWindow();
        long mrr = 0;
        boolean everPaid = false;
        int lastChurn = 0;
        int s = 0;
        while (s < steps) {
            int d = r.day[r.order[s]];
            long after = mrr;
            while (s < steps && r.day[r.order[s]] == d) {
                after = Units.add(after, r.deltaUnits[r.order[s]]);
                if (after == Units.NONE) {
                    return false;
                }
                s++;
            }
            if (after == mrr) {
                continue;
            }
            MovementType type;
            if (mrr == 0) {
                type = everPaid && window.reactivates((long) d - lastChurn) ? MovementType.REACTIVATION : MovementType.NEW;
                everPaid = true;
            } else if (after == 0) {
                type = MovementType.CHURN;
                lastChurn = d;
            } else {
                type = after > mrr ? MovementType.EXPANSION : MovementType.CONTRACTION;
            }
            movementDay[out] = d;
            movementType[out] = (byte) type.ordinal();
            amountUnits[out] = Math.abs(after - mrr);
            afterUnits[out] = after;
            out++;
            mrr = after;
        }
        return true;
    }

    /** Classifies one account's changes with {@link BigDecimal}; used when an amount does not fit in units. */
    private void classifyInDecimals(EventReplay r, int steps) {
        ReactivationWindow window = options.reactivationWindow();
        BigDecimal mrr = BigDecimal.ZERO;
        boolean everPaid = false;
        int lastChurn = 0;
        int s = 0;
        while (s < steps) {
            int d = r.day[r.order[s]];
            BigDecimal after = mrr;
            while (s < steps && r.day[r.order[s]] == d) {
                int j = r.order[s];
                after = after.add(r.after[j].subtract(r.before[j]));
                s++;
            }
            BigDecimal change = after.subtract(mrr);
            if (change.signum() == 0) {
                continue;
            }
            MovementType type;
            if (mrr.signum() == 0) {
                type = everPaid && window.reactivates((long) d - lastChurn) ? MovementType.REACTIVATION : MovementType.NEW;
                everPaid = true;
            } else if (after.signum() == 0) {
                type = MovementType.CHURN;
                lastChurn = d;
            } else {
                type = change.signum() > 0 ? MovementType.EXPANSION : MovementType.CONTRACTION;
            }
            movementDay[out] = d;
            movementType[out] = (byte) type.ordinal();
            store(out, change.abs(), after);
            out++;
            mrr = after;
        }
    }

    private void store(int i, BigDecimal amount, BigDecimal after) {
        amountUnits[i] = Units.of(amount);
        afterUnits[i] = Units.of(after);
        if (amountUnits[i] == Units.NONE || afterUnits[i] == Units.NONE) {
            if (bigAmount.length == 0) {
                bigAmount = new BigDecimal[amountUnits.length];
                bigAfter = new BigDecimal[amountUnits.length];
            }
            bigAmount[i] = amount;
            bigAfter[i] = after;
            amountUnits[i] = Units.NONE;
            afterUnits[i] = Units.NONE;
        }
    }
}
