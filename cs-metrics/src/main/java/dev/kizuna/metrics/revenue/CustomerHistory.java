package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.metrics.DateRange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's MRR over time, as its {@link MrrLedger} classified it: a view on the ledger, cheap to create.
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerHistory {
    private final MrrLedger ledger;
    private final int index;

    CustomerHistory(MrrLedger ledger, int index) {
        this.ledger = ledger;
        this.index = index;
    }

    /** Returns the customer. */
    public AccountId account() {
        return ledger.account(index);
    }

    /** Returns the customer's movements, oldest first; empty if it never paid. */
    public List<MrrMovement> movements() {
        List<MrrMovement> all = new ArrayList<>();
        for (int i = ledger.movementFrom(index); i < ledger.movementTo(index); i++) {
            all.add(ledger.movement(index, i));
        }
        return List.copyOf(all);
    }

    /** Returns whether the customer ever had paid MRR. */
    public boolean everPaid() {
        return ledger.movementTo(index) > ledger.movementFrom(index);
    }

    /** Returns the day the customer first paid (its first new-business movement), or empty if it never did. */
    public Optional<LocalDate> firstPaidOn() {
        return everPaid() ? Optional.of(LocalDate.ofEpochDay(ledger.movementDay(ledger.movementFrom(index))))
                : Optional.empty();
    }

    /** Returns the customer's MRR when it first paid (its first new-business movement), or zero if it never did. */
    public Money initialMrr() {
        return everPaid() ? ledger.money(ledger.movementAmount(ledger.movementFrom(index))) : ledger.money(BigDecimal.ZERO);
    }

    /** Returns the day the customer first churned, or empty if it never did. */
    public Optional<LocalDate> firstChurnedOn() {
        for (int i = ledger.movementFrom(index); i < ledger.movementTo(index); i++) {
            if (ledger.movementType(i) == MovementType.CHURN) {
                return Optional.of(LocalDate.ofEpochDay(ledger.movementDay(i)));
            }
        }
        return Optional.empty();
    }

    /** Returns the customer's MRR in effect on {@code date}, after the changes that take effect that day. */
    public Money mrrOn(LocalDate date) {
        return ledger.money(mrrAmountOn(date));
    }

    /**
     * Returns the amount of {@link #mrrOn(LocalDate)} in the ledger's currency, without building a {@link Money}: for
     * calculators that read many customers at many dates.
     */
    public BigDecimal mrrAmountOn(LocalDate date) {
        return ledger.amountOn(index, MrrLedger.day(date));
    }

    /** Returns whether the customer's MRR is above zero on {@code date}. */
    public boolean isPayingOn(LocalDate date) {
        return mrrAmountOn(date).signum() > 0;
    }

    /**
     * Returns this customer's MRR bridge for {@code range}: the same identity as the ledger's, for one customer
     * ({@code startCustomers} and {@code endCustomers} are 0 or 1).
     */
    public PeriodSummary summary(DateRange range) {
        Objects.requireNonNull(range, "range");
        return ledger.summarise(List.of(range), index, index + 1).get(0);
    }

    @Override
    public String toString() {
        return "CustomerHistory[" + account() + ", " + (ledger.movementTo(index) - ledger.movementFrom(index))
                + " movements]";
    }
}
