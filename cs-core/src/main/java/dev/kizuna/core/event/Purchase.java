package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import dev.kizuna.core.internal.Checks;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase by a non-contractual customer: the input of the repeat-purchase (BG/NBD, Pareto/NBD) and spend
 * (Gamma-Gamma) models. Several purchases on the same day are summarised as one transaction by those models.
 *
 * @param customer the customer
 * @param date     the day of the purchase, within {@link Dates the supported range}
 * @param amount   the amount spent, not negative
 */
public record Purchase(AccountId customer, LocalDate date, Money amount) {

    /** Validates the purchase. */
    public Purchase {
        Objects.requireNonNull(customer, "customer");
        Dates.check("date", date);
        Checks.nonNegative(amount, "amount");
    }

    /** Returns the purchase. */
    public static Purchase of(AccountId customer, LocalDate date, Money amount) {
        return new Purchase(customer, date, amount);
    }
}
