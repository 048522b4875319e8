package dev.kizuna.benchmarks.metrics;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.ChurnRecognition;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.ReactivationWindow;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kizuna's ledger and DuckDB's SQL give identical monthly bridges on the demo portfolio: every amount to the last of
 * its 12 decimal places, every count, under each churn recognition and reactivation window.
 */
class DuckDbEquivalenceTest {
    private static final Portfolio DEMO = DemoPortfolio.generate();
    private static final LocalDate FIRST = DEMO.start();
    private static final LocalDate LAST = DEMO.asOf().minusDays(1);
    private static DuckDbMrr duckDb;

    @BeforeAll
    static void load() throws SQLException {
        duckDb = DuckDbMrr.open(1);
        duckDb.load(DEMO.subscriptionEvents());
    }

    @AfterAll
    static void close() throws SQLException {
        duckDb.close();
    }

    private static List<MonthlyBridge> kizuna(LedgerOptions options, LocalDate first, LocalDate last) {
        return MrrLedger.build(DEMO.subscriptionEvents(), options).summaries(ReportingPeriod.MONTH, first, last)
                .stream().map(MonthlyBridge::of).toList();
    }

    private static void assertSame(LedgerOptions options, LocalDate first, LocalDate last) throws SQLException {
        List<MonthlyBridge> expected = kizuna(options, first, last);
        List<MonthlyBridge> actual = duckDb.monthly(first, last, options);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "month " + expected.get(i).month() + " under " + options);
        }
    }

    @Test
    void demoPortfolioMonthsAreIdenticalUnderTheDefaults() throws SQLException {
        assertEquals(DEMO.subscriptionEvents().size(), duckDb.eventCount());
        List<MonthlyBridge> months = duckDb.monthly(FIRST, LAST, LedgerOptions.defaults());
        assertEquals(36, months.size());
        MonthlyBridge last = months.get(35);
        assertTrue(last.endMrr().signum() > 0 && last.churnCount() > 0 && last.reactivationCount() + months.get(34)
                .reactivationCount() > 0, "the demo exercises every movement");
        assertSame(LedgerOptions.defaults(), FIRST, LAST);
    }

    @Test
    void demoPortfolioMonthsAreIdenticalWithChurnAtTheCancellationRequest() throws SQLException {
        assertSame(LedgerOptions.defaults().withChurnRecognition(ChurnRecognition.CANCELLATION_REQUEST), FIRST, LAST);
    }

    @Test
    void demoPortfolioMonthsAreIdenticalWithAReactivationWindow() throws SQLException {
        LedgerOptions window = LedgerOptions.defaults().withReactivationWindow(ReactivationWindow.ofDays(90));
        assertSame(window, FIRST, LAST);
        assertSame(window.withReactivationWindow(ReactivationWindow.ofDays(0))
                .withChurnRecognition(ChurnRecognition.CANCELLATION_REQUEST), FIRST, LAST);
    }

    @Test
    void aRangeThatStartsLaterOpensWithTheMrrBuiltUpBefore() throws SQLException {
        LocalDate first = LocalDate.of(2024, 7, 15);
        LocalDate last = LocalDate.of(2026, 2, 1);
        assertSame(LedgerOptions.defaults(), first, last);
        MonthlyBridge july = duckDb.monthly(first, last, LedgerOptions.defaults()).get(0);
        assertEquals(LocalDate.of(2024, 7, 1), july.month());
        assertTrue(july.startMrr().signum() > 0 && july.startCustomers() > 0);
    }

    @Test
    void mixedCurrenciesAndConvertersAreRejected() throws SQLException {
        AccountId a = AccountId.of("a");
        List<SubscriptionEvent> mixed = List.of(
                SubscriptionEvent.start(a, "s1", FIRST, RecurringCharge.monthly("p", Money.of("10", "EUR"), 1)),
                SubscriptionEvent.start(a, "s2", FIRST, RecurringCharge.monthly("p", Money.of("10", "USD"), 1)));
        try (DuckDbMrr other = DuckDbMrr.open(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.load(mixed));
            assertEquals("events[1]: a charge in USD among charges in EUR; the SQL peer reads one currency",
                    e.getMessage());
            LedgerOptions converting = LedgerOptions.defaults().withConversion(java.util.Currency.getInstance("EUR"),
                    (money, target, date) -> money);
            assertThrows(IllegalArgumentException.class, () -> other.monthly(FIRST, LAST, converting));
        }
    }

    @Test
    void aReturnExactlyAtTheEndOfTheReactivationWindowIsAReactivation() throws SQLException {
        // Churned on 1 March, back 30 days later (31 March) and 31 days later (1 April): with a 30-day window the
        // first is a reactivation, the second new business, in both engines.
        RecurringCharge plan = RecurringCharge.monthly("p", Money.of("10", "EUR"), 1);
        LocalDate churn = LocalDate.of(2023, 3, 1);
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(AccountId.of("a"), "s1", FIRST, plan),
                SubscriptionEvent.end(AccountId.of("a"), "s1", churn),
                SubscriptionEvent.start(AccountId.of("a"), "s2", churn.plusDays(30), plan),
                SubscriptionEvent.start(AccountId.of("b"), "s1", FIRST, plan),
                SubscriptionEvent.end(AccountId.of("b"), "s1", churn),
                SubscriptionEvent.start(AccountId.of("b"), "s2", churn.plusDays(31), plan));
        LedgerOptions window = LedgerOptions.defaults().withReactivationWindow(ReactivationWindow.ofDays(30));
        LocalDate last = LocalDate.of(2023, 4, 30);
        try (DuckDbMrr other = DuckDbMrr.open(1)) {
            other.load(events);
            List<MonthlyBridge> months = other.monthly(FIRST, last, window);
            assertEquals(1, months.get(2).reactivationCount());
            assertEquals(1, months.get(3).newCount());
            assertEquals(MrrLedger.build(events, window).summaries(ReportingPeriod.MONTH, FIRST, last).stream()
                    .map(MonthlyBridge::of).toList(), months);
        }
    }

    @Test
    void atTheCancellationRequestAChangeFromTheRequestDayOnHasNoEffect() throws SQLException {
        // a: asks on 10 March to cancel at the end of March and adds seats on 10 March: the seats never count.
        // b: asks before its subscription even started (1 Feb for a start on 5 Feb): churn is on the start day.
        AccountId a = AccountId.of("a");
        AccountId b = AccountId.of("b");
        LocalDate request = LocalDate.of(2023, 3, 10);
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(a, "s1", FIRST, RecurringCharge.monthly("p", Money.of("10", "EUR"), 1)),
                SubscriptionEvent.change(a, "s1", request, RecurringCharge.monthly("p", Money.of("10", "EUR"), 5)),
                SubscriptionEvent.cancel(a, "s1", request, LocalDate.of(2023, 4, 1)),
                SubscriptionEvent.start(b, "s1", LocalDate.of(2023, 2, 5),
                        RecurringCharge.monthly("p", Money.of("20", "EUR"), 1)),
                SubscriptionEvent.cancel(b, "s1", LocalDate.of(2023, 2, 1), LocalDate.of(2023, 3, 5)));
        LedgerOptions atRequest = LedgerOptions.defaults().withChurnRecognition(ChurnRecognition.CANCELLATION_REQUEST);
        LocalDate last = LocalDate.of(2023, 4, 30);
        try (DuckDbMrr other = DuckDbMrr.open(1)) {
            other.load(events);
            List<MonthlyBridge> months = other.monthly(FIRST, last, atRequest);
            assertEquals(0, months.get(2).expansionCount());
            assertEquals(new BigDecimal("10"), months.get(2).churnedMrr());
            assertEquals(0, months.get(1).newCount(), "b starts and churns on one day: no movement at all");
            assertEquals(MrrLedger.build(events, atRequest).summaries(ReportingPeriod.MONTH, FIRST, last).stream()
                    .map(MonthlyBridge::of).toList(), months);
            assertEquals(1, MrrLedger.build(events, atRequest).excludedEventCount());
        }
    }

    @Test
    void amountsAreExactNotRounded() throws SQLException {
        // 100 a year is 8.333333333333 a month (half-even at 12 places), and three of them sum exactly.
        AccountId a = AccountId.of("a");
        RecurringCharge annual = new RecurringCharge("p", Money.of("100", "EUR"), 1,
                dev.kizuna.core.event.BillingInterval.ANNUAL, dev.kizuna.core.event.Discount.none(), false);
        List<SubscriptionEvent> events = List.of(SubscriptionEvent.start(a, "s1", FIRST, annual),
                SubscriptionEvent.start(a, "s2", FIRST.plusDays(1), annual),
                SubscriptionEvent.start(AccountId.of("b"), "s1", FIRST.plusDays(2), annual));
        try (DuckDbMrr other = DuckDbMrr.open(1)) {
            other.load(events);
            MonthlyBridge jan = other.monthly(FIRST, FIRST, LedgerOptions.defaults()).get(0);
            assertEquals(new BigDecimal("24.999999999999"), jan.endMrr());
            assertEquals(new BigDecimal("16.666666666666"), jan.newMrr());
            assertEquals(new BigDecimal("8.333333333333"), jan.expansionMrr());
            assertEquals(MonthlyBridge.of(MrrLedger.build(events).summaries(ReportingPeriod.MONTH, FIRST, FIRST).get(0)),
                    jan);
        }
    }
}
