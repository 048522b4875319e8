package dev.kizuna.metrics.revenue;

import dev.kizuna.core.Money;

import java.util.Optional;

/**
 * The rows a ledger replays, grouped by account and sorted by subscription, effective day and kind: the flat arrays the
 * replay reads on its hot path, and the few lookups it needs only for messages, decimals and subscription changes.
 * Two sources fill them: {@link EventColumns} from {@code SubscriptionEvent} objects and {@link FrameColumns} from a
 * {@link SubscriptionEventFrame}.
 */
abstract class LedgerRows {
    /** Epoch day of the effective date. */
    final int[] day;
    /** Ordinal of the kind. */
    final byte[] kind;
    /**
     * The MRR of the row's charge in units of the ledger's currency, for {@code START} and {@code CHANGE};
     * {@link Units#NONE} when not known here (then {@link #chargeMrr} gives it exactly).
     */
    final long[] mrr;

    LedgerRows(int[] day, byte[] kind, long[] mrr) {
        this.day = day;
        this.kind = kind;
        this.mrr = mrr;
    }

    /** Returns the number of rows. */
    final int size() {
        return day.length;
    }

    /** Returns whether rows {@code i} and {@code j} are of the same subscription. */
    abstract boolean sameSubscription(int i, int j);

    /** Returns the epoch day row {@code i} was recorded on (a cancellation's request). */
    abstract int recordedDay(int i);

    /** Names row {@code i} for a message: where it is in the input, its kind, subscription, account and date. */
    abstract String where(int i);

    /** Returns the subscription id of row {@code i}. */
    abstract String subscriptionId(int i);

    /** Returns the plan of row {@code i}'s charge; empty for {@code CANCEL} and {@code END}. */
    abstract Optional<String> plan(int i);

    /** Returns the exact MRR of row {@code i}'s charge (a {@code START} or {@code CHANGE}), in its own currency. */
    abstract Money chargeMrr(int i);

    /**
     * Returns a key under which {@link #chargeMrr} can be cached: rows with equal keys have equal MRR in the same
     * currency.
     */
    abstract Object chargeKey(int i);
}
