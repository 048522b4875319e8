package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.SubscriptionEvent;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds an {@link MrrLedger}'s arrays: reads every event once into {@link EventColumns} (numbering the accounts in
 * the order they are first seen, one probe of an {@link AccountIndex} per event), groups the rows by account with a
 * counting sort, sorts each account's rows on packed {@code long} keys, replays each account once and classifies its
 * daily MRR changes. Amounts are exact
 * {@code long} units; an account with an amount that does not fit is replayed again with {@link BigDecimal}. Accounts
 * are not sorted here: the ledger sorts them only for the methods that list them in order.
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
    /** Above this many subscriptions an account's subscription ids are ranked with a hash map, not a linear scan. */
    private static final int FEW_SUBSCRIPTIONS = 16;

    final LedgerOptions options;
    final Currency currency;
    /** The accounts' index by number; empty when built from a frame (the ledger then indexes them on first use). */
    final Optional<AccountIndex> index;
    final AccountId[] accounts;
    final LedgerRows rows;
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

    private int out;
    private String[] subscriptionIds = new String[FEW_SUBSCRIPTIONS];
    private int[] subscriptionHashes = new int[FEW_SUBSCRIPTIONS];
    private int[] subscriptionOf = new int[16];
    private int[] rankOf = new int[FEW_SUBSCRIPTIONS];

    /** Prepares the ledger of rows already grouped by account ({@code eventStart}) and sorted within each. */
    LedgerBuilder(LedgerOptions options, Currency currency, AccountId[] accounts, LedgerRows rows, int[] eventStart) {
        this.options = options;
        this.currency = currency;
        this.index = Optional.empty();
        this.accounts = accounts;
        this.rows = rows;
        this.eventStart = eventStart;
    }

    LedgerBuilder(Collection<SubscriptionEvent> events, LedgerOptions options) {
        this.options = options;
        SubscriptionEvent[] input = events.toArray(new SubscriptionEvent[0]);
        int n = input.length;
        AccountIndex index = new AccountIndex(n / 2);
        this.index = Optional.of(index);
        for (int i = 0; i < n; i++) {
            if (input[i] == null) {
                throw new NullPointerException("events[" + i + "]: null event");
            }
        }
        currency = ledgerCurrency(input);
        int[] group = new int[n];
        EventColumns read = EventColumns.read(input, currency, index, group);
        int m = index.size();
        accounts = index.accounts();
        eventStart = new int[m + 1];
        for (int i = 0; i < n; i++) {
            eventStart[group[i] + 1]++;
        }
        for (int c = 0; c < m; c++) {
            eventStart[c + 1] += eventStart[c];
        }
        EventColumns grouped = read.grouped(group, eventStart);
        rows = grouped;
        long[] keys = new long[16];
        int[] from = new int[16];
        EventColumns.Scratch scratch = new EventColumns.Scratch();
        for (int c = 0; c < m; c++) {
            int k = eventStart[c + 1] - eventStart[c];
            if (k > 1) {
                if (keys.length < k) {
                    keys = new long[Math.max(k, keys.length * 2)];
                    from = new int[keys.length];
                }
                sortAccount(grouped, eventStart[c], eventStart[c + 1], keys, from, scratch);
            }
        }
    }

    /**
     * Sorts rows {@code lo} to {@code hi} in {@link #TIMELINE} order by packing (subscription rank, day, kind, position)
     * into one {@code long} per event; falls back to the comparator when the account's span does not fit.
     */
    private void sortAccount(EventColumns rows, int lo, int hi, long[] keys, int[] from, EventColumns.Scratch scratch) {
        int k = hi - lo;
        int subscriptions = rankSubscriptions(rows, lo, hi);
        int[] days = rows.day;
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        for (int i = lo; i < hi; i++) {
            minDay = Math.min(minDay, days[i]);
            maxDay = Math.max(maxDay, days[i]);
        }
        long span = maxDay - minDay + 1;
        if (k >= (1 << LOCAL_BITS) || span > (1L << 40) / 4 / subscriptions) {
            Integer[] byTimeline = new Integer[k];
            for (int j = 0; j < k; j++) {
                byTimeline[j] = j;
            }
            SubscriptionEvent[] ev = rows.events;
            Arrays.sort(byTimeline, (x, y) -> TIMELINE.compare(ev[lo + x], ev[lo + y]));
            for (int j = 0; j < k; j++) {
                from[j] = byTimeline[j];
            }
            rows.permute(lo, k, from, scratch);
            return;
        }
        boolean sorted = true;
        for (int i = lo; i < hi; i++) {
            long rank = subscriptions == 1 ? 0 : rankOf[subscriptionOf[i - lo]];
            long key = (((rank * span + days[i] - minDay) << 2 | rows.kind[i]) << LOCAL_BITS) | (i - lo);
            keys[i - lo] = key;
            if (i > lo && key < keys[i - lo - 1]) {
                sorted = false;
            }
        }
        if (sorted) {
            return;
        }
        Arrays.sort(keys, 0, k);
        for (int j = 0; j < k; j++) {
            from[j] = (int) (keys[j] & ((1 << LOCAL_BITS) - 1));
        }
        rows.permute(lo, k, from, scratch);
    }

    /**
     * Numbers the distinct subscriptions of rows {@code lo} to {@code hi}: {@link #subscriptionOf} gets each event's
     * subscription, {@link #rankOf} each subscription's rank in id order. Returns the number of subscriptions.
     */
    private int rankSubscriptions(EventColumns rows, int lo, int hi) {
        String[] subs = rows.subscription;
        int i = lo + 1;
        while (i < hi && rows.sameSubscription(i, lo)) {
            i++;
        }
        if (i == hi) {
            return 1;
        }
        int k = hi - lo;
        if (subscriptionOf.length < k) {
            subscriptionOf = new int[Math.max(k, subscriptionOf.length * 2)];
        }
        int distinct = 0;
        Map<String, Integer> many = null;
        for (i = lo; i < hi; i++) {
            String id = subs[i];
            int s = -1;
            if (many != null) {
                Integer known = many.get(id);
                s = known == null ? -1 : known;
            } else {
                for (int t = distinct - 1; t >= 0; t--) {
                    if (subscriptionIds[t] == id
                            || (subscriptionHashes[t] == rows.subscriptionHash[i] && subscriptionIds[t].equals(id))) {
                        s = t;
                        break;
                    }
                }
            }
            if (s < 0) {
                s = distinct++;
                if (s == subscriptionIds.length) {
                    subscriptionIds = Arrays.copyOf(subscriptionIds, s * 2);
                    subscriptionHashes = Arrays.copyOf(subscriptionHashes, s * 2);
                    rankOf = new int[s * 2];
                }
                subscriptionIds[s] = id;
                subscriptionHashes[s] = rows.subscriptionHash[i];
                if (many == null && distinct > FEW_SUBSCRIPTIONS) {
                    many = new HashMap<>();
                    for (int t = 0; t < distinct; t++) {
                        many.put(subscriptionIds[t], t);
                    }
                } else if (many != null) {
                    many.put(id, s);
                }
            }
            subscriptionOf[i - lo] = s;
        }
        Integer[] byId = new Integer[distinct];
        for (int t = 0; t < distinct; t++) {
            byId[t] = t;
        }
        String[] ids = subscriptionIds;
        Arrays.sort(byId, (a, b) -> ids[a].compareTo(ids[b]));
        for (int r = 0; r < distinct; r++) {
            rankOf[byId[r]] = r;
        }
        return distinct;
    }

    private Currency ledgerCurrency(SubscriptionEvent[] input) {
        if (options.currency().isPresent()) {
            return options.currency().get();
        }
        for (SubscriptionEvent e : input) {
            if (e.charge().isPresent()) {
                return e.charge().get().unitPrice().currency();
            }
        }
        if (input.length == 0) {
            throw new IllegalArgumentException("events: the list is empty and options.currency is not set, so the"
                    + " ledger has no currency; use LedgerOptions.withCurrency");
        }
        // No event carries a charge, so none has a START: replaying rejects the first one by name. The currency
        // returned meanwhile is ISO 4217 "XXX", the code for "no currency", never shown in a result.
        return Currency.getInstance("XXX");
    }

    /** Replays and classifies every account. */
    LedgerBuilder run() {
        int n = rows.size();
        int m = accounts.length;
        movementStart = new int[m + 1];
        movementDay = new int[n];
        movementType = new byte[n];
        amountUnits = new long[n];
        afterUnits = new long[n];
        EventReplay replay = new EventReplay(options, currency);
        for (int c = 0; c < m; c++) {
            movementStart[c] = out;
            int lo = eventStart[c];
            int hi = eventStart[c + 1];
            long excludedBefore = replay.excluded;
            boolean single = replay.replay(rows, lo, hi, false);
            int steps = replay.big ? 0 : replay.changedInDayOrder(hi - lo, single);
            if (replay.big || !classifyInUnits(replay, steps)) {
                out = movementStart[c];
                replay.excluded = excludedBefore;
                single = replay.replay(rows, lo, hi, true);
                classifyInDecimals(replay, replay.changedInDayOrder(hi - lo, single));
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
