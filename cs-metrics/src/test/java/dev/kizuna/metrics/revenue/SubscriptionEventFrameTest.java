package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.BillingInterval;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionEventFrameTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static int day(String iso) {
        return (int) d(iso).toEpochDay();
    }

    private static RecurringCharge monthly(String price, int quantity) {
        return RecurringCharge.monthly("p", Money.of(price, "EUR"), quantity);
    }

    private static String frameError(List<SubscriptionEvent> events) {
        return assertThrows(IllegalArgumentException.class,
                () -> MrrLedger.build(SubscriptionEventFrame.of(events))).getMessage();
    }

    @Test
    void demoPortfolioGivesTheSameLedgerFromAFrame() {
        Portfolio portfolio = DemoPortfolio.builder().accounts(300).subscriptionsOnly().build();
        List<SubscriptionEvent> events = portfolio.subscriptionEvents();
        MrrLedger objects = MrrLedger.build(events);
        MrrLedger frame = MrrLedger.build(SubscriptionEventFrame.of(events));
        SubscriptionEventFrameProperties.assertSameLedger(objects, frame);
        LocalDate last = portfolio.asOf().minusDays(1);
        assertEquals(objects.summaries(ReportingPeriod.MONTH, portfolio.start(), last),
                frame.summaries(ReportingPeriod.MONTH, portfolio.start(), last));
        assertTrue(frame.movementCount() > 300, "the demo book moves: " + frame.movementCount());
    }

    @Test
    void rowsAddedByNumberGiveTheLedgerOfTheEquivalentEvents() {
        SubscriptionEventFrame.Builder b = SubscriptionEventFrame.builder().currency(EUR);
        int acme = b.account(ACME);
        int unused = b.account(AccountId.of("never-seen"));
        int s = b.subscription("s");
        int p = b.plan("p");
        SubscriptionEventFrame frame = b
                .start(acme, s, day("2024-01-01"), p, 100_000_000_000_000L) // 100 EUR in units of 10^-12
                .change(acme, s, day("2024-02-01"), p, new BigDecimal("250.5"))
                .cancel(acme, s, day("2024-02-10"), day("2024-03-01"))
                .build();
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("100", 1)),
                SubscriptionEvent.change(ACME, "s", d("2024-02-01"), monthly("250.5", 1)),
                SubscriptionEvent.cancel(ACME, "s", d("2024-02-10"), d("2024-03-01")));
        assertEquals(1, unused);
        SubscriptionEventFrameProperties.assertSameLedger(MrrLedger.build(events), MrrLedger.build(frame));
        assertEquals(List.of(ACME), MrrLedger.build(frame).accounts()); // a dictionary entry without rows is no account
    }

    @Test
    void aTrialRowIsZeroMrrAsATrialEventIs() {
        RecurringCharge trial = new RecurringCharge("p", Money.of("99", "EUR"), 3, BillingInterval.MONTHLY,
                Discount.none(), true);
        assertEquals(OptionalLong.of(0), SubscriptionEventFrame.mrrUnits(trial));
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), trial),
                SubscriptionEvent.change(ACME, "s", d("2024-01-15"), monthly("99", 3)));
        SubscriptionEventFrame frame = SubscriptionEventFrame.of(events);
        assertEquals(Money.zero(EUR), frame.mrr(0).orElseThrow());
        MrrLedger ledger = MrrLedger.build(frame);
        SubscriptionEventFrameProperties.assertSameLedger(MrrLedger.build(events), ledger);
        assertEquals(d("2024-01-15"), ledger.firstMovementDate().orElseThrow());
    }

    @Test
    void mrrUnitsAreExactOrEmpty() {
        assertEquals(OptionalLong.of(33_333_333_333_333L), SubscriptionEventFrame.mrrUnits(
                new RecurringCharge("p", Money.of("400", "EUR"), 1, BillingInterval.ANNUAL, Discount.none(), false)));
        // 20,000,000 EUR a month is beyond a long of 10^-12 units: the frame keeps the exact decimal instead.
        RecurringCharge huge = monthly("20000000", 1);
        assertEquals(OptionalLong.empty(), SubscriptionEventFrame.mrrUnits(huge));
        SubscriptionEventFrame frame = SubscriptionEventFrame.of(List.of(SubscriptionEvent.start(ACME, "s", d("2024-01-01"), huge)));
        assertEquals(Money.of("20000000", "EUR"), frame.mrr(0).orElseThrow());
        assertEquals(Money.of("20000000", "EUR"), MrrLedger.build(frame).mrrOn(d("2024-01-01")));
    }

    // ---- the ledger's rules, naming the row ----

    @Test
    void changeBeforeItsStartIsOutOfOrder() {
        assertEquals("rows[1]: CHANGE of subscription 's' of account 'acme' effective 2024-01-15 is out of order:"
                + " it comes before the subscription's START on 2024-02-01", frameError(List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-02-01"), monthly("100", 1)),
                SubscriptionEvent.change(ACME, "s", d("2024-01-15"), monthly("100", 2)))));
    }

    @Test
    void changeAfterTheEndIsOutOfOrder() {
        assertEquals("rows[2]: CHANGE of subscription 's' of account 'acme' effective 2024-03-01 is out of order:"
                + " the subscription ended on 2024-02-01", frameError(List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("100", 1)),
                SubscriptionEvent.end(ACME, "s", d("2024-02-01")),
                SubscriptionEvent.change(ACME, "s", d("2024-03-01"), monthly("100", 2)))));
    }

    @Test
    void rowOfAnUnknownSubscriptionIsRejected() {
        assertEquals("rows[1]: CANCEL of subscription 'ghost' of account 'acme' effective 2024-02-01 is for an unknown"
                + " subscription: it has no START event", frameError(List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("100", 1)),
                SubscriptionEvent.cancel(ACME, "ghost", d("2024-01-10"), d("2024-02-01")))));
    }

    @Test
    void rowsWithoutAnyStartAreRejectedAsUnknown() {
        assertEquals("rows[0]: END of subscription 's' of account 'acme' effective 2024-02-01 is for an unknown"
                + " subscription: it has no START event", frameError(List.of(SubscriptionEvent.end(ACME, "s", d("2024-02-01")))));
    }

    @Test
    void secondStartOfAnActiveSubscriptionIsRejected() {
        assertEquals("rows[1]: START of subscription 's' of account 'acme' effective 2024-02-01 is out of order: the"
                + " subscription is already active since 2024-01-01 (to restart it on the day it ends, use a CHANGE)",
                frameError(List.of(
                        SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("100", 1)),
                        SubscriptionEvent.start(ACME, "s", d("2024-02-01"), monthly("100", 1)))));
    }

    @Test
    void twoChangesOnOneDayAreRejectedAsADuplicate() {
        assertEquals("rows[2]: CHANGE of subscription 's' of account 'acme' effective 2024-02-01 is a duplicate: the"
                + " subscription already has a CHANGE event effective that day", frameError(List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("100", 1)),
                SubscriptionEvent.change(ACME, "s", d("2024-02-01"), monthly("100", 2)),
                SubscriptionEvent.change(ACME, "s", d("2024-02-01"), monthly("100", 3)))));
    }

    @Test
    void emptyFrameWithoutACurrencyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MrrLedger.build(SubscriptionEventFrame.of(List.of())));
        assertTrue(e.getMessage().startsWith("frame: the frame is empty and options.currency is not set"), e.getMessage());
        assertEquals(0, MrrLedger.build(SubscriptionEventFrame.of(List.of()), LedgerOptions.defaults().withCurrency(EUR))
                .movementCount());
    }

    @Test
    void frameInAnotherCurrencyWithoutAConverterIsRejectedNamingTheRow() {
        SubscriptionEventFrame frame = SubscriptionEventFrame.of(List.of(SubscriptionEvent.start(ACME, "s", d("2024-01-01"),
                RecurringCharge.monthly("p", Money.of("100", "USD"), 1))));
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> MrrLedger.build(frame, LedgerOptions.defaults().withCurrency(EUR)));
        assertTrue(e.getMessage().startsWith("rows[0]: START of subscription 's'"), e.getMessage());
        assertTrue(e.getMessage().contains("USD") && e.getMessage().contains("EUR"), e.getMessage());
    }

    // ---- the builder's checks, naming the row and the field ----

    @Test
    void eventsInTwoCurrenciesCannotShareAFrame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubscriptionEventFrame.of(List.of(
                SubscriptionEvent.start(ACME, "a", d("2024-01-01"), monthly("100", 1)),
                SubscriptionEvent.start(ACME, "b", d("2024-01-01"), RecurringCharge.monthly("p", Money.of("1", "USD"), 1)))));
        assertEquals("rows[1].charge: START of subscription 'b' of account 'acme' is in USD but the frame is in EUR;"
                + " a frame holds one currency", e.getMessage());
    }

    @Test
    void unknownNumbersAreRejected() {
        SubscriptionEventFrame.Builder b = SubscriptionEventFrame.builder().currency(EUR);
        int a = b.account(ACME);
        int s = b.subscription("s");
        int p = b.plan("p");
        assertEquals("rows[0].account: 3 is not a numbered account (there are 1)", assertThrows(
                IllegalArgumentException.class, () -> b.end(3, s, 0)).getMessage());
        assertEquals("rows[0].subscription: -1 is not a numbered subscription (there are 1)", assertThrows(
                IllegalArgumentException.class, () -> b.end(a, -1, 0)).getMessage());
        assertEquals("rows[0].plan: 7 is not a numbered plan (there are 1)", assertThrows(
                IllegalArgumentException.class, () -> b.start(a, s, 0, 7, 1L)).getMessage());
        b.start(a, s, 0, p, 1L);
        assertEquals(1, b.build().rows());
    }

    @Test
    void negativeMrrIsRejected() {
        SubscriptionEventFrame.Builder b = SubscriptionEventFrame.builder().currency(EUR);
        int a = b.account(ACME);
        int s = b.subscription("s");
        int p = b.plan("p");
        assertEquals("rows[0].mrr: -5 units must be >= 0", assertThrows(IllegalArgumentException.class,
                () -> b.start(a, s, 0, p, -5L)).getMessage());
        assertEquals("rows[0].mrr: -0.01 must be >= 0", assertThrows(IllegalArgumentException.class,
                () -> b.change(a, s, 0, p, new BigDecimal("-0.01"))).getMessage());
    }

    @Test
    void cancellationRequestedAfterServiceEndsIsRejected() {
        SubscriptionEventFrame.Builder b = SubscriptionEventFrame.builder();
        int a = b.account(ACME);
        int s = b.subscription("s");
        assertEquals("rows[0].recordedOn: 2024-02-02 must not be after effectiveDate 2024-02-01 for a cancellation",
                assertThrows(IllegalArgumentException.class,
                        () -> b.cancel(a, s, day("2024-02-02"), day("2024-02-01"))).getMessage());
    }

    @Test
    void chargeWithoutACurrencyIsRejected() {
        SubscriptionEventFrame.Builder b = SubscriptionEventFrame.builder();
        int a = b.account(ACME);
        int s = b.subscription("s");
        int p = b.plan("p");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.start(a, s, 0, p, 1L));
        assertTrue(e.getMessage().startsWith("currency: set the frame's currency"), e.getMessage());
    }

    @Test
    void secondCurrencyIsRejected() {
        SubscriptionEventFrame.Builder b = SubscriptionEventFrame.builder().currency(EUR);
        assertEquals("currency: USD differs from the frame's currency EUR", assertThrows(IllegalArgumentException.class,
                () -> b.currency(Currency.getInstance("USD"))).getMessage());
    }

    @Test
    void badIdentifiersAreRejected() {
        SubscriptionEventFrame.Builder b = SubscriptionEventFrame.builder();
        assertEquals("subscriptionId: ' s' must be 1 to 256 characters, without control characters or surrounding"
                + " white space", assertThrows(IllegalArgumentException.class, () -> b.subscription(" s")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.plan("")).getMessage().startsWith("plan: ''"));
    }

    @Test
    void rowAccessorsCheckTheRow() {
        SubscriptionEventFrame frame = SubscriptionEventFrame.of(List.of(SubscriptionEvent.end(ACME, "s", d("2024-02-01"))));
        assertThrows(IndexOutOfBoundsException.class, () -> frame.kind(1));
        assertEquals(List.of(ACME), frame.accounts());
        assertTrue(frame.currency().isEmpty());
    }
}
