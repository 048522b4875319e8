package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;

/**
 * The events with the parts the replay reads pulled out into flat arrays; row {@code i} describes {@code events[i]}.
 *
 * <p>{@link #read} reads every event once, in input order (the order a host's loader allocated them in, so mostly
 * the order they lie in memory), in batches: each loop of a batch follows one more pointer for every event of the
 * batch, so that the memory reads of a batch overlap instead of waiting one after the other. {@link #grouped} then
 * moves the rows into account order; from there on the replay reads arrays, not objects.
 */
final class EventColumns extends LedgerRows {
    /** The kinds, by ordinal. */
    static final SubscriptionEvent.Kind[] KINDS = SubscriptionEvent.Kind.values();
    static final byte START = (byte) SubscriptionEvent.Kind.START.ordinal();
    static final byte CHANGE = (byte) SubscriptionEvent.Kind.CHANGE.ordinal();
    static final byte CANCEL = (byte) SubscriptionEvent.Kind.CANCEL.ordinal();
    private static final int BATCH = 256;

    /** The events in input order, to name an event by its position in messages. */
    private final SubscriptionEvent[] input;
    final SubscriptionEvent[] events;
    /** The subscription id (the event's own reference, compared by identity first). */
    final String[] subscription;
    /** The subscription id's hash, so that two different ids are told apart without reading them. */
    final int[] subscriptionHash;

    private EventColumns(SubscriptionEvent[] input, SubscriptionEvent[] events, int[] day, byte[] kind,
                         String[] subscription, int[] subscriptionHash, long[] mrr) {
        super(day, kind, mrr);
        this.input = input;
        this.events = events;
        this.subscription = subscription;
        this.subscriptionHash = subscriptionHash;
    }

    @Override
    int recordedDay(int i) {
        return MrrLedger.day(events[i].recordedOn());
    }

    @Override
    String where(int i) {
        SubscriptionEvent e = events[i];
        return "events[" + Arrays.asList(input).indexOf(e) + "]: " + e.kind() + " of subscription '"
                + e.subscriptionId() + "' of account '" + e.account() + "' effective " + e.effectiveDate();
    }

    @Override
    String subscriptionId(int i) {
        return subscription[i];
    }

    @Override
    Optional<String> plan(int i) {
        return events[i].charge().map(RecurringCharge::plan);
    }

    @Override
    Money chargeMrr(int i) {
        return events[i].charge().orElseThrow().mrr();
    }

    @Override
    Object chargeKey(int i) {
        return events[i].charge().orElseThrow();
    }

    @Override
    boolean sameSubscription(int i, int j) {
        return subscription[i] == subscription[j]
                || (subscriptionHash[i] == subscriptionHash[j] && subscription[i].equals(subscription[j]));
    }

    /**
     * Reads every event of {@code input} (none null), in input order, numbering its account in {@code index} into
     * {@code group[i]}. The MRR of a charge in {@code currency} is computed too; a charge in another currency, or one
     * the {@code long} arithmetic cannot price exactly, is marked {@link Units#NONE}.
     */
    static EventColumns read(SubscriptionEvent[] input, Currency currency, AccountIndex index, int[] group) {
        int n = input.length;
        int[] day = new int[n];
        byte[] kind = new byte[n];
        String[] subscription = new String[n];
        int[] subscriptionHash = new int[n];
        long[] mrr = new long[n];
        int size = Math.min(BATCH, n);
        AccountId[] ids = new AccountId[size];
        String[] values = new String[size];
        int[] hashes = new int[size];
        LocalDate[] dates = new LocalDate[size];
        Optional<?>[] charged = new Optional<?>[size];
        RecurringCharge[] charges = new RecurringCharge[size];
        Money[] prices = new Money[size];
        Discount[] discounts = new Discount[size];
        BigDecimal[] amounts = new BigDecimal[size];
        BigDecimal[] percents = new BigDecimal[size];
        int[] touched = new int[size];
        for (int base = 0; base < n; base += BATCH) {
            int len = Math.min(BATCH, n - base);
            for (int j = 0; j < len; j++) {
                SubscriptionEvent e = input[base + j];
                ids[j] = e.account();
                dates[j] = e.effectiveDate();
                kind[base + j] = (byte) e.kind().ordinal();
                subscription[base + j] = e.subscriptionId();
                charged[j] = e.charge();
            }
            for (int j = 0; j < len; j++) {
                values[j] = ids[j].value();
                day[base + j] = MrrLedger.day(dates[j]);
                charges[j] = (RecurringCharge) charged[j].orElse(null);
            }
            for (int j = 0; j < len; j++) {
                hashes[j] = ids[j].hashCode(); // the string's hash, read after the loop above fetched it
                subscriptionHash[base + j] = subscription[base + j].hashCode();
                RecurringCharge c = charges[j];
                prices[j] = c == null ? null : c.unitPrice();
                discounts[j] = c == null ? null : c.discount();
            }
            index.prefetch(hashes, len);
            for (int j = 0; j < len; j++) {
                amounts[j] = prices[j] == null ? null : prices[j].amount();
                percents[j] = discounts[j] == null ? null : discounts[j].percentOff();
            }
            for (int j = 0; j < len; j++) {
                touched[j] = (amounts[j] == null ? 0 : amounts[j].scale()) + (percents[j] == null ? 0 : percents[j].signum());
            }
            for (int j = 0; j < len; j++) {
                group[base + j] = index.number(ids[j], hashes[j]);
                RecurringCharge c = charges[j];
                if (c != null) {
                    mrr[base + j] = c.unitPrice().currency() == currency ? Units.mrr(c) : Units.NONE;
                }
            }
        }
        return new EventColumns(input, input, day, kind, subscription, subscriptionHash, mrr);
    }

    /**
     * Returns these rows moved into account order: the rows of account {@code c} (its number in {@code group}) from
     * {@code start[c]}, in the order they come here.
     */
    EventColumns grouped(int[] group, int[] start) {
        int n = events.length;
        int[] fill = Arrays.copyOf(start, start.length - 1);
        SubscriptionEvent[] e = new SubscriptionEvent[n];
        int[] d = new int[n];
        byte[] k = new byte[n];
        String[] s = new String[n];
        int[] h = new int[n];
        long[] m = new long[n];
        for (int i = 0; i < n; i++) {
            int at = fill[group[i]]++;
            e[at] = events[i];
            d[at] = day[i];
            k[at] = kind[i];
            s[at] = subscription[i];
            h[at] = subscriptionHash[i];
            m[at] = mrr[i];
        }
        return new EventColumns(input, e, d, k, s, h, m);
    }

    /** Swaps rows into the order {@code from}: row {@code lo + j} becomes old row {@code lo + from[j]}. */
    void permute(int lo, int k, int[] from, Scratch s) {
        s.ensure(k);
        System.arraycopy(events, lo, s.events, 0, k);
        System.arraycopy(day, lo, s.day, 0, k);
        System.arraycopy(kind, lo, s.kind, 0, k);
        System.arraycopy(subscription, lo, s.subscription, 0, k);
        System.arraycopy(subscriptionHash, lo, s.subscriptionHash, 0, k);
        System.arraycopy(mrr, lo, s.mrr, 0, k);
        for (int j = 0; j < k; j++) {
            int f = from[j];
            events[lo + j] = s.events[f];
            day[lo + j] = s.day[f];
            kind[lo + j] = s.kind[f];
            subscription[lo + j] = s.subscription[f];
            subscriptionHash[lo + j] = s.subscriptionHash[f];
            mrr[lo + j] = s.mrr[f];
        }
    }

    /** Reusable room for {@link #permute}. */
    static final class Scratch {
        SubscriptionEvent[] events = new SubscriptionEvent[16];
        int[] day = new int[16];
        byte[] kind = new byte[16];
        String[] subscription = new String[16];
        int[] subscriptionHash = new int[16];
        long[] mrr = new long[16];

        void ensure(int k) {
            if (events.length < k) {
                int size = Math.max(k, events.length * 2);
                events = new SubscriptionEvent[size];
                day = new int[size];
                kind = new byte[size];
                subscription = new String[size];
                subscriptionHash = new int[size];
                mrr = new long[size];
            }
        }
    }
}
