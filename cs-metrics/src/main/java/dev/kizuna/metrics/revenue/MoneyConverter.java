package dev.kizuna.metrics.revenue;

import dev.kizuna.core.Money;

import java.time.LocalDate;
import java.util.Currency;

/**
 * Converts an amount into a reporting currency, as of a date. Supplied through
 * {@link LedgerOptions#withConversion(Currency, MoneyConverter)}; without one, charges in two currencies are an error.
 *
 * <p>The ledger converts each charge's MRR once, at the date its event takes effect, and keeps that amount until the
 * subscription's next event: exchange-rate moves alone never create MRR movements (ChartMogul does the same; Stripe
 * reports a separate FX adjustment).
 */
@FunctionalInterface
public interface MoneyConverter {

    /**
     * Returns {@code amount} in {@code target}, as of {@code date}. The result must be in {@code target}; the ledger
     * checks it.
     */
    Money convert(Money amount, Currency target, LocalDate date);
}
