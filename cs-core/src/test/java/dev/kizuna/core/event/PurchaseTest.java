package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PurchaseTest {

    @Test
    void negativeAmountIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Purchase.of(AccountId.of("c-1"), LocalDate.of(2024, 3, 1), Money.of("-3", "USD")));
        assertEquals("amount: -3.00 USD must not be negative", e.getMessage());
    }

    @Test
    void zeroAmountIsAllowed() {
        Purchase free = Purchase.of(AccountId.of("c-1"), LocalDate.of(2024, 3, 1), Money.of("0", "USD"));
        assertEquals(Money.zero(Money.currency("USD")), free.amount());
    }

    @Test
    void missingDateIsRejectedByName() {
        var e = assertThrows(NullPointerException.class, () -> Purchase.of(AccountId.of("c-1"), null, Money.of("3", "USD")));
        assertEquals("date", e.getMessage());
    }
}
