package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One change in one customer's total MRR, classified at the day it takes effect. All the changes of a customer on
 * one day are netted into at most one movement (an upgrade that ends one subscription and starts another is one
 * expansion, not a churn and a new), which is what ChartMogul's "smart activity classification" aims at.
 *
 * <p>Immutable and thread-safe.
 *
 * @param account   the customer
 * @param date      the day the change takes effect
 * @param type      the kind of movement
 * @param amount    the size of the change, above zero
 * @param mrrBefore the customer's MRR the day before
 * @param mrrAfter  the customer's MRR from this day
 */
public record MrrMovement(AccountId account, LocalDate date, MovementType type, Money amount, Money mrrBefore,
                          Money mrrAfter) {

    /** Validates that the type, the amount and the MRR before and after agree. */
    public MrrMovement {
        Objects.requireNonNull(account, "account");
        Dates.check("date", date);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(mrrBefore, "mrrBefore");
        Objects.requireNonNull(mrrAfter, "mrrAfter");
        if (!amount.currency().equals(mrrBefore.currency()) || !amount.currency().equals(mrrAfter.currency())) {
            throw new CurrencyMismatchException("movement of " + account + " on " + date + ": amount " + amount
                    + ", mrrBefore " + mrrBefore + " and mrrAfter " + mrrAfter + " must share one currency");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: " + amount + " must be > 0");
        }
        if (mrrBefore.isNegative() || mrrAfter.isNegative()) {
            throw new IllegalArgumentException("mrrBefore " + mrrBefore + " and mrrAfter " + mrrAfter + " must not be negative");
        }
        Money change = mrrAfter.minus(mrrBefore);
        if (change.compareTo(type.sign() > 0 ? amount : amount.negated()) != 0) {
            throw new IllegalArgumentException("amount: " + type + " of " + amount + " does not take MRR from "
                    + mrrBefore + " to " + mrrAfter);
        }
        boolean consistent = switch (type) {
            case NEW, REACTIVATION -> mrrBefore.isZero();
            case CHURN -> mrrAfter.isZero();
            case EXPANSION, CONTRACTION -> mrrBefore.isPositive() && mrrAfter.isPositive();
        };
        if (!consistent) {
            throw new IllegalArgumentException("type: " + type + " cannot take MRR from " + mrrBefore + " to " + mrrAfter);
        }
    }

    /** Returns the amount with the movement's sign: negative for contraction and churn. */
    public Money signedAmount() {
        return type.sign() > 0 ? amount : amount.negated();
    }
}
