package dev.kizuna.metrics.revenue;

import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The conventions an {@link MrrLedger} follows. {@link #defaults()} recognises churn when service ends, treats every
 * return as a reactivation, and takes its currency from the events (all of which must then share it).
 *
 * <p>Immutable and thread-safe if the converter is.
 *
 * @param churnRecognition   when a cancellation's MRR leaves the ledger
 * @param reactivationWindow how long after churning a return still counts as a reactivation
 * @param currency           the ledger's currency; when empty, the currency of the events' charges
 * @param converter          converts charges in other currencies into {@code currency}; requires {@code currency}
 */
public record LedgerOptions(
        ChurnRecognition churnRecognition,
        ReactivationWindow reactivationWindow,
        Optional<Currency> currency,
        Optional<MoneyConverter> converter) {

    private static final LedgerOptions DEFAULTS = new LedgerOptions(
            ChurnRecognition.SERVICE_END, ReactivationWindow.unlimited(), Optional.empty(), Optional.empty());

    /** Validates the options. */
    public LedgerOptions {
        Objects.requireNonNull(churnRecognition, "churnRecognition");
        Objects.requireNonNull(reactivationWindow, "reactivationWindow");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(converter, "converter");
        if (converter.isPresent() && currency.isEmpty()) {
            throw new IllegalArgumentException("converter: a converter needs the target currency to be set");
        }
    }

    /** Returns the default options: churn at service end, unlimited reactivation window, one currency. */
    public static LedgerOptions defaults() {
        return DEFAULTS;
    }

    /** Returns these options with another churn recognition. */
    public LedgerOptions withChurnRecognition(ChurnRecognition recognition) {
        return new LedgerOptions(recognition, reactivationWindow, currency, converter);
    }

    /** Returns these options with another reactivation window. */
    public LedgerOptions withReactivationWindow(ReactivationWindow window) {
        return new LedgerOptions(churnRecognition, window, currency, converter);
    }

    /**
     * Returns these options with the ledger's currency fixed: every charge must be in it. This also gives an empty
     * event list a currency.
     */
    public LedgerOptions withCurrency(Currency ledgerCurrency) {
        return new LedgerOptions(churnRecognition, reactivationWindow, Optional.of(ledgerCurrency), Optional.empty());
    }

    /** Returns these options with every charge converted into {@code target} by {@code moneyConverter}. */
    public LedgerOptions withConversion(Currency target, MoneyConverter moneyConverter) {
        return new LedgerOptions(churnRecognition, reactivationWindow, Optional.of(target), Optional.of(moneyConverter));
    }
}
