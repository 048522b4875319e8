package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Replays one account's events subscription by subscription: checks their order and computes, for each event (a
 * "slot"), the day the ledger applies it and the change in the subscription's MRR. The arrays are reused across
 * accounts, so that replaying allocates nothing per event.
 *
 * <p>Two modes. In units mode a charge's MRR is computed in {@code long} arithmetic ({@link Units#mrr}) and only
 * {@link #deltaUnits} is filled; when an amount does not fit, {@link #big} is set and the caller replays the account
 * again in decimal mode, which also fills {@link #before} and {@link #after} with exact decimals (a charge's MRR
 * computed once per distinct charge).
 */
final class EventReplay {
    /** The event had no effect: {@link ChurnRecognition#CANCELLATION_REQUEST} had already ended the subscription. */
    static final byte EXCLUDED = 0;
    /** The event was applied but left the subscription's MRR as it was. */
    static final byte UNCHANGED = 1;
    /** The event changed the subscription's MRR. */
    static final byte CHANGED = 2;

    private final LedgerOptions options;
    private final Currency currency;
    private final boolean atRequest;
    private final Map<Object, Cached> mrrByCharge = new HashMap<>();

    int[] day = new int[16];
    byte[] state = new byte[16];
    BigDecimal[] before = new BigDecimal[16];
    BigDecimal[] after = new BigDecimal[16];
    long[] deltaUnits = new long[16];
    int[] order = new int[16];
    long[] keys = new long[16];
    /** Whether the last account replayed has an amount that does not fit in units. */
    boolean big;
    /** Whether the replay computes exact decimals too. */
    private boolean decimals;
    long excluded;

    private BigDecimal value = BigDecimal.ZERO;
    private long valueUnits;

    /** A charge's MRR: exact, in its currency, and in units of the ledger's currency ({@link Units#NONE} if not). */
    private record Cached(BigDecimal value, Currency currency, long units) {
    }

    EventReplay(LedgerOptions options, Currency currency) {
        this.options = options;
        this.currency = currency;
        this.atRequest = options.churnRecognition() == ChurnRecognition.CANCELLATION_REQUEST;
    }

    /**
     * Replays rows {@code lo} to {@code hi} of {@code rows}, one account's events sorted by subscription, effective
     * date and kind, into slots {@code 0 .. hi-lo-1}; in decimal mode if {@code exact}. Returns whether the account has
     * a single subscription (its slots are then in day order).
     */
    boolean replay(LedgerRows rows, int lo, int hi, boolean exact) {
        int k = hi - lo;
        if (day.length < k) {
            int size = Math.max(k, day.length * 2);
            day = new int[size];
            state = new byte[size];
            before = new BigDecimal[size];
            after = new BigDecimal[size];
            deltaUnits = new long[size];
            order = new int[size];
            keys = new long[size];
        }
        big = false;
        decimals = exact;
        boolean single = true;
        int a = lo;
        while (a < hi) {
            int b = a + 1;
            while (b < hi && rows.sameSubscription(b, a)) {
                b++;
            }
            if (a != lo) {
                single = false;
            }
            replaySubscription(rows, a, b, lo);
            a = b;
        }
        return single;
    }

    /**
     * Fills {@link #order} with the slots that changed MRR, in day order (then slot order), and returns how many.
     */
    int changedInDayOrder(int k, boolean inDayOrder) {
        int steps = 0;
        if (inDayOrder) {
            for (int j = 0; j < k; j++) {
                if (state[j] == CHANGED) {
                    order[steps++] = j;
                }
            }
            return steps;
        }
        for (int j = 0; j < k; j++) {
            if (state[j] == CHANGED) {
                keys[steps++] = ((long) day[j] << 32) | j;
            }
        }
        Arrays.sort(keys, 0, steps);
        for (int s = 0; s < steps; s++) {
            order[s] = (int) keys[s];
        }
        return steps;
    }

    private void replaySubscription(LedgerRows rows, int a, int b, int lo) {
        int[] days = rows.day;
        byte[] kinds = rows.kind;
        boolean active = false;
        int startedOn = 0;
        int endedOn = Integer.MIN_VALUE;
        BigDecimal current = BigDecimal.ZERO;
        long currentUnits = 0;
        long cutoff = Long.MAX_VALUE;
        for (int i = a; i < b; i++) {
            int j = i - lo;
            byte kind = kinds[i];
            int effective = days[i];
            if (i > a && kinds[i - 1] == kind && days[i - 1] == effective) {
                throw new IllegalArgumentException(rows.where(i) + " is a duplicate: the subscription already has a "
                        + EventColumns.KINDS[kind] + " event effective that day");
            }
            if (decimals) {
                before[j] = current;
            }
            day[j] = effective;
            if (kind == EventColumns.START) {
                if (active) {
                    throw new IllegalArgumentException(rows.where(i) + " is out of order: the subscription is already"
                            + " active since " + LocalDate.ofEpochDay(startedOn)
                            + " (to restart it on the day it ends, use a CHANGE)");
                }
                active = true;
                startedOn = effective;
                cutoff = atRequest ? requestCutoff(rows, i, b, effective) : Long.MAX_VALUE;
                evaluate(rows, i);
                apply(j, current, currentUnits);
                current = value;
                currentUnits = valueUnits;
            } else if (kind == EventColumns.CHANGE) {
                requireActive(rows, i, b, active, endedOn);
                if (effective >= cutoff) {
                    excluded++;
                    state[j] = EXCLUDED;
                    if (decimals) {
                        after[j] = current;
                    }
                } else {
                    evaluate(rows, i);
                    apply(j, current, currentUnits);
                    current = value;
                    currentUnits = valueUnits;
                }
            } else {
                requireActive(rows, i, b, active, endedOn);
                if (kind == EventColumns.CANCEL && cutoff != Long.MAX_VALUE) {
                    day[j] = (int) cutoff;
                }
                value = BigDecimal.ZERO;
                valueUnits = 0;
                apply(j, current, currentUnits);
                current = BigDecimal.ZERO;
                currentUnits = 0;
                active = false;
                endedOn = effective;
            }
        }
    }

    /** Records slot {@code j} moving the subscription from {@code current} to {@link #value}. */
    private void apply(int j, BigDecimal current, long currentUnits) {
        boolean same;
        if (valueUnits != Units.NONE && currentUnits != Units.NONE) {
            same = valueUnits == currentUnits;
            deltaUnits[j] = valueUnits - currentUnits;
        } else if (decimals) {
            same = value.compareTo(current) == 0;
            big |= !same;
        } else {
            same = false;
            big = true;
        }
        if (decimals) {
            after[j] = value;
        }
        state[j] = same ? UNCHANGED : CHANGED;
    }

    /** Returns the day a cancellation request ends the run that starts at row {@code i}, or no cutoff. */
    private static long requestCutoff(LedgerRows rows, int i, int b, int startDay) {
        for (int t = i + 1; t < b; t++) {
            byte kind = rows.kind[t];
            if (kind == EventColumns.CANCEL) {
                return Math.max(rows.recordedDay(t), startDay);
            }
            if (kind != EventColumns.CHANGE) {
                return Long.MAX_VALUE;
            }
        }
        return Long.MAX_VALUE;
    }

    private void requireActive(LedgerRows rows, int i, int b, boolean active, int endedOn) {
        if (active) {
            return;
        }
        if (endedOn != Integer.MIN_VALUE) {
            throw new IllegalArgumentException(rows.where(i) + " is out of order: the subscription ended on "
                    + LocalDate.ofEpochDay(endedOn));
        }
        for (int t = i + 1; t < b; t++) {
            if (rows.kind[t] == EventColumns.START) {
                throw new IllegalArgumentException(rows.where(i) + " is out of order: it comes before the subscription's"
                        + " START on " + LocalDate.ofEpochDay(rows.day[t]));
            }
        }
        throw new IllegalArgumentException(rows.where(i) + " is for an unknown subscription: it has no START event");
    }

    /**
     * Sets {@link #valueUnits} (and in decimal mode {@link #value}) to the MRR of the event's charge, in the ledger's
     * currency.
     */
    private void evaluate(LedgerRows rows, int i) {
        if (!decimals && rows.mrr[i] != Units.NONE) {
            valueUnits = rows.mrr[i];
            return;
        }
        Object key = rows.chargeKey(i);
        Cached cached = mrrByCharge.get(key);
        if (cached == null) {
            Money mrr = rows.chargeMrr(i);
            cached = new Cached(mrr.amount(), mrr.currency(),
                    mrr.currency().equals(currency) ? Units.of(mrr.amount()) : Units.NONE);
            mrrByCharge.put(key, cached);
        }
        if (cached.units != Units.NONE || cached.currency.equals(currency)) {
            value = cached.value;
            valueUnits = cached.units;
            if (valueUnits == Units.NONE) {
                big = true;
            }
            return;
        }
        Money mrr = Money.of(cached.value, cached.currency);
        if (options.converter().isEmpty()) {
            throw new CurrencyMismatchException(rows.where(i) + ": its charge is in " + mrr.currency().getCurrencyCode()
                    + " but the ledger is in " + currency.getCurrencyCode()
                    + "; currencies differ and no converter was supplied (LedgerOptions.withConversion)");
        }
        Money converted = options.converter().get().convert(mrr, currency, LocalDate.ofEpochDay(rows.day[i]));
        Objects.requireNonNull(converted, "converter returned null");
        if (!converted.currency().equals(currency)) {
            throw new CurrencyMismatchException(rows.where(i) + ": the converter returned " + converted
                    + " instead of an amount in " + currency.getCurrencyCode());
        }
        if (converted.isNegative()) {
            throw new IllegalArgumentException(rows.where(i) + ": the converter returned a negative amount " + converted);
        }
        value = converted.amount();
        valueUnits = Units.of(value);
        if (valueUnits == Units.NONE) {
            big = true;
        }
    }

    /** Replays one account and adds what each of its applied events dated in {@code range} did, in day order. */
    void subscriptionChanges(AccountId account, LedgerRows rows, int lo, int hi, DateRange range,
                             List<SubscriptionChange> into) {
        int k = hi - lo;
        replay(rows, lo, hi, true);
        long[] byDay = new long[k];
        int n = 0;
        for (int j = 0; j < k; j++) {
            if (state[j] != EXCLUDED) {
                byDay[n++] = ((long) day[j] << 32) | j;
            }
        }
        Arrays.sort(byDay, 0, n);
        Map<String, String> planOf = new HashMap<>();
        BigDecimal customerMrr = BigDecimal.ZERO;
        int from = MrrLedger.day(range.start());
        int to = MrrLedger.day(range.end());
        int s = 0;
        while (s < n) {
            int d = (int) (byDay[s] >> 32);
            boolean inRange = d >= from && d < to;
            Set<String> plansBefore = inRange ? new HashSet<>(planOf.values()) : Set.of();
            BigDecimal customerBefore = customerMrr;
            for (; s < n && (int) (byDay[s] >> 32) == d; s++) {
                int j = (int) byDay[s];
                SubscriptionEvent.Kind kind = EventColumns.KINDS[rows.kind[lo + j]];
                String id = rows.subscriptionId(lo + j);
                Optional<String> planBefore = Optional.ofNullable(planOf.get(id));
                boolean ends = kind == SubscriptionEvent.Kind.CANCEL || kind == SubscriptionEvent.Kind.END;
                Optional<String> planAfter = ends ? Optional.empty() : rows.plan(lo + j);
                if (ends) {
                    planOf.remove(id);
                } else {
                    planOf.put(id, planAfter.orElseThrow());
                }
                if (state[j] == CHANGED) {
                    customerMrr = customerMrr.add(after[j].subtract(before[j]));
                }
                if (!inRange) {
                    continue;
                }
                boolean planNew = planAfter.map(p -> !plansBefore.contains(p)).orElse(false);
                into.add(new SubscriptionChange(account, id, kind, LocalDate.ofEpochDay(d), planBefore, planAfter,
                        Money.of(before[j], currency), Money.of(after[j], currency), Money.of(customerBefore, currency), planNew));
            }
        }
    }
}
