package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to one subscription of an account, effective on a date.
 *
 * <ul>
 *   <li>{@link Kind#START}: the subscription begins with {@code charge} on {@code effectiveDate}.</li>
 *   <li>{@link Kind#CHANGE}: from {@code effectiveDate} the subscription bills {@code charge} instead
 *       (a new quantity, price, interval, plan or discount, or the end of a trial).</li>
 *   <li>{@link Kind#CANCEL}: on {@code recordedOn} the customer asked to cancel; service ends on
 *       {@code effectiveDate}. Churn is recognised at one date or the other, as the metric's option says.</li>
 *   <li>{@link Kind#END}: service ends on {@code effectiveDate} without a prior cancellation request (for example
 *       non-payment or a contract that lapsed).</li>
 * </ul>
 * {@code START} and {@code CHANGE} carry a charge; {@code CANCEL} and {@code END} carry none. Both dates lie within
 * {@link Dates the supported range}.
 *
 * @param account        the account the subscription belongs to
 * @param subscriptionId the host's id of the subscription, unique within the account
 * @param kind           what happened
 * @param effectiveDate  the day the change takes effect (for a cancellation: the first day without service)
 * @param recordedOn     the day the change was made or requested; not after {@code effectiveDate} for a cancellation
 * @param charge         the recurring charge from {@code effectiveDate}, for {@code START} and {@code CHANGE}
 */
public record SubscriptionEvent(
        AccountId account,
        String subscriptionId,
        Kind kind,
        LocalDate effectiveDate,
        LocalDate recordedOn,
        Optional<RecurringCharge> charge) {

    /** What happened to the subscription. */
    public enum Kind {
        /** The subscription begins. */
        START,
        /** The subscription's charge changes. */
        CHANGE,
        /** The customer asked to cancel; service ends on the effective date. */
        CANCEL,
        /** Service ends without a cancellation request. */
        END
    }

    /** Validates the event. */
    public SubscriptionEvent {
        Objects.requireNonNull(account, "account");
        Checks.identifier(subscriptionId, "subscriptionId");
        Objects.requireNonNull(kind, "kind");
        Dates.check("effectiveDate", effectiveDate);
        Dates.check("recordedOn", recordedOn);
        Objects.requireNonNull(charge, "charge");
        boolean needsCharge = kind == Kind.START || kind == Kind.CHANGE;
        if (needsCharge && charge.isEmpty()) {
            throw new IllegalArgumentException("charge: a " + kind + " event of subscription " + subscriptionId
                    + " needs a charge");
        }
        if (!needsCharge && charge.isPresent()) {
            throw new IllegalArgumentException("charge: a " + kind + " event of subscription " + subscriptionId
                    + " must not carry a charge");
        }
        if (kind == Kind.CANCEL && recordedOn.isAfter(effectiveDate)) {
            throw new IllegalArgumentException("recordedOn: " + recordedOn + " must not be after effectiveDate "
                    + effectiveDate + " for a cancellation");
        }
    }

    /** Returns a {@code START} event recorded on its effective date. */
    public static SubscriptionEvent start(AccountId account, String subscriptionId, LocalDate date, RecurringCharge charge) {
        return new SubscriptionEvent(account, subscriptionId, Kind.START, date, date, Optional.of(charge));
    }

    /** Returns a {@code CHANGE} event recorded on its effective date. */
    public static SubscriptionEvent change(AccountId account, String subscriptionId, LocalDate date, RecurringCharge charge) {
        return new SubscriptionEvent(account, subscriptionId, Kind.CHANGE, date, date, Optional.of(charge));
    }

    /** Returns a {@code CANCEL} event: requested on {@code requestedOn}, service ending on {@code serviceEnds}. */
    public static SubscriptionEvent cancel(AccountId account, String subscriptionId, LocalDate requestedOn, LocalDate serviceEnds) {
        return new SubscriptionEvent(account, subscriptionId, Kind.CANCEL, serviceEnds, requestedOn, Optional.empty());
    }

    /** Returns an {@code END} event recorded on its effective date. */
    public static SubscriptionEvent end(AccountId account, String subscriptionId, LocalDate date) {
        return new SubscriptionEvent(account, subscriptionId, Kind.END, date, date, Optional.empty());
    }
}
