package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionEventTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final LocalDate JAN = LocalDate.of(2024, 1, 1);
    private static final RecurringCharge CHARGE = RecurringCharge.monthly("pro", Money.of("50", "EUR"), 2);

    @Test
    void startWithoutChargeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SubscriptionEvent(ACME, "s-1", SubscriptionEvent.Kind.START, JAN, JAN, Optional.empty()));
        assertEquals("charge: a START event of subscription s-1 needs a charge", e.getMessage());
    }

    @Test
    void changeWithoutChargeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SubscriptionEvent(ACME, "s-1", SubscriptionEvent.Kind.CHANGE, JAN, JAN, Optional.empty()));
        assertEquals("charge: a CHANGE event of subscription s-1 needs a charge", e.getMessage());
    }

    @Test
    void cancelWithChargeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SubscriptionEvent(ACME, "s-1", SubscriptionEvent.Kind.CANCEL, JAN, JAN, Optional.of(CHARGE)));
        assertEquals("charge: a CANCEL event of subscription s-1 must not carry a charge", e.getMessage());
    }

    @Test
    void endWithChargeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SubscriptionEvent(ACME, "s-1", SubscriptionEvent.Kind.END, JAN, JAN, Optional.of(CHARGE)));
        assertEquals("charge: a END event of subscription s-1 must not carry a charge", e.getMessage());
    }

    @Test
    void cancellationRecordedAfterItsEffectiveDateIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SubscriptionEvent.cancel(ACME, "s-1", JAN.plusDays(1), JAN));
        assertEquals("recordedOn: 2024-01-02 must not be after effectiveDate 2024-01-01 for a cancellation", e.getMessage());
    }

    @Test
    void cancellationRequestedOnItsEffectiveDateIsAllowed() {
        SubscriptionEvent cancel = SubscriptionEvent.cancel(ACME, "s-1", JAN, JAN);
        assertEquals(JAN, cancel.recordedOn());
    }

    @Test
    void otherEventsMayBeRecordedLate() {
        var late = new SubscriptionEvent(ACME, "s-1", SubscriptionEvent.Kind.END, JAN, JAN.plusDays(30), Optional.empty());
        assertEquals(JAN.plusDays(30), late.recordedOn());
    }

    @Test
    void blankSubscriptionIdIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SubscriptionEvent.end(ACME, " s-1", JAN));
        assertTrue(e.getMessage().startsWith("subscriptionId: ' s-1'"), e.getMessage());
    }

    @Test
    void missingPartsAreRejectedByName() {
        var e = assertThrows(NullPointerException.class,
                () -> new SubscriptionEvent(ACME, "s-1", SubscriptionEvent.Kind.END, null, JAN, Optional.empty()));
        assertEquals("effectiveDate", e.getMessage());
    }

    @Test
    void factoriesRecordOnTheEffectiveDate() {
        var start = SubscriptionEvent.start(ACME, "s-1", JAN, CHARGE);
        assertEquals(SubscriptionEvent.Kind.START, start.kind());
        assertEquals(JAN, start.recordedOn());
        assertEquals(Optional.of(CHARGE), start.charge());
        var change = SubscriptionEvent.change(ACME, "s-1", JAN.plusMonths(1), CHARGE);
        assertEquals(SubscriptionEvent.Kind.CHANGE, change.kind());
        var cancel = SubscriptionEvent.cancel(ACME, "s-1", JAN, JAN.plusMonths(1));
        assertEquals(JAN.plusMonths(1), cancel.effectiveDate());
        assertEquals(JAN, cancel.recordedOn());
    }
}
