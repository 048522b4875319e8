package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.BillingInterval;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MrrLedgerTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static RecurringCharge monthly(String plan, String price, int quantity) {
        return RecurringCharge.monthly(plan, eur(price), quantity);
    }

    private static RecurringCharge charge(String plan, Money price, int quantity, BillingInterval interval) {
        return new RecurringCharge(plan, price, quantity, interval, Discount.none(), false);
    }

    private static List<MovementType> types(MrrLedger ledger) {
        return ledger.movements().stream().map(MrrMovement::type).toList();
    }

    @Test
    void syncalyticsWalkThroughMatchesChartMogulsClassification() {
        // help.chartmogul.com/hc/en-us/articles/201244842 ("MRR movements", the Syncalytics example): four Gold yearly
        // plans at $500 are New Business of $166.67 ($2,000 / 12); two Silver monthly plans at $30 are Expansion of $60;
        // cancelling Silver while Gold is active is Contraction of $60; cancelling Gold, the last subscription, is
        // Churn at the end of the paid period; re-subscribing to three Gold monthly plans ($50) is Reactivation.
        Money gold = Money.of("500", "USD");
        Money silver = Money.of("30", "USD");
        Money goldMonthly = Money.of("50", "USD");
        AccountId syncalytics = AccountId.of("syncalytics");
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(syncalytics, "gold", d("2024-01-10"), charge("gold", gold, 4, BillingInterval.ANNUAL)),
                SubscriptionEvent.start(syncalytics, "silver", d("2024-01-14"), charge("silver", silver, 2, BillingInterval.MONTHLY)),
                SubscriptionEvent.end(syncalytics, "silver", d("2024-01-28")),
                SubscriptionEvent.cancel(syncalytics, "gold", d("2024-11-20"), d("2025-01-10")),
                SubscriptionEvent.start(syncalytics, "gold-monthly", d("2025-03-01"),
                        charge("gold", goldMonthly, 3, BillingInterval.MONTHLY)));

        List<MrrMovement> movements = MrrLedger.build(events).movements();

        assertEquals(List.of(MovementType.NEW, MovementType.EXPANSION, MovementType.CONTRACTION, MovementType.CHURN,
                MovementType.REACTIVATION), movements.stream().map(MrrMovement::type).toList());
        assertEquals(Money.of("166.67", "USD"), movements.get(0).amount().rounded(java.math.RoundingMode.HALF_EVEN));
        assertEquals(Money.of("60", "USD"), movements.get(1).amount());
        assertEquals(Money.of("60", "USD"), movements.get(2).amount());
        assertEquals(d("2025-01-10"), movements.get(3).date());
        assertEquals(movements.get(0).amount(), movements.get(3).amount());
        assertEquals(Money.of("150", "USD"), movements.get(4).amount());
    }

    @Test
    void mrrNormalisesIntervalsAsStripesGlossaryExample() {
        // docs.stripe.com/billing/subscriptions/analytics/glossary: 100 subscribers on Plan A (100 USD per month) and
        // 50 on Plan B (600 USD per year) make an MRR of 12,500 USD.
        List<SubscriptionEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(SubscriptionEvent.start(AccountId.of("a" + i), "s", d("2024-01-01"),
                    charge("A", Money.of("100", "USD"), 1, BillingInterval.MONTHLY)));
        }
        for (int i = 0; i < 50; i++) {
            events.add(SubscriptionEvent.start(AccountId.of("b" + i), "s", d("2024-01-01"),
                    charge("B", Money.of("600", "USD"), 1, BillingInterval.ANNUAL)));
        }
        MrrLedger ledger = MrrLedger.build(events);
        assertEquals(Money.of("12500", "USD"), ledger.mrrOn(d("2024-01-31")));
        assertEquals(Money.of("150000", "USD"), ledger.arrOn(d("2024-01-31")));
        assertEquals(150, ledger.payingCustomersOn(d("2024-01-31")));
    }

    @Test
    void quarterlyMrrKeepsTwelveDecimalPlaces() {
        MrrLedger ledger = MrrLedger.build(List.of(SubscriptionEvent.start(ACME, "s", d("2024-01-01"),
                charge("p", eur("100"), 1, BillingInterval.QUARTERLY))));
        assertEquals(eur("33.333333333333"), ledger.mrrOn(d("2024-02-01")));
    }

    @Test
    void trialIsNotMrrAndItsConversionIsNewBusiness() {
        RecurringCharge trial = new RecurringCharge("p", eur("50"), 2, BillingInterval.MONTHLY, Discount.none(), true);
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), trial),
                SubscriptionEvent.change(ACME, "s", d("2024-01-15"), monthly("p", "50", 2))));
        List<MrrMovement> movements = ledger.movements();
        assertEquals(1, movements.size());
        assertEquals(MovementType.NEW, movements.get(0).type());
        assertEquals(d("2024-01-15"), movements.get(0).date());
        assertEquals(eur("100"), movements.get(0).amount());
        assertEquals(eur("0"), ledger.mrrOn(d("2024-01-14")));
    }

    @Test
    void discountEndingIsExpansion() {
        RecurringCharge discounted = new RecurringCharge("p", eur("100"), 1, BillingInterval.MONTHLY,
                Discount.percent(new BigDecimal("20")), false);
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), discounted),
                SubscriptionEvent.change(ACME, "s", d("2024-04-01"), monthly("p", "100", 1))));
        List<MrrMovement> movements = ledger.movements();
        assertEquals(List.of(MovementType.NEW, MovementType.EXPANSION), types(ledger));
        assertEquals(eur("80"), movements.get(0).amount());
        assertEquals(eur("20"), movements.get(1).amount());
    }

    @Test
    void subscriptionSwapOnOneDayIsOneMovementNotChurnAndNew() {
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(ACME, "basic", d("2024-01-01"), monthly("basic", "30", 1)),
                SubscriptionEvent.end(ACME, "basic", d("2024-03-01")),
                SubscriptionEvent.start(ACME, "pro", d("2024-03-01"), monthly("pro", "80", 1))));
        assertEquals(List.of(MovementType.NEW, MovementType.EXPANSION), types(ledger));
        assertEquals(eur("50"), ledger.movements().get(1).amount());
    }

    @Test
    void endingOneOfTwoSubscriptionsIsContraction() {
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(ACME, "a", d("2024-01-01"), monthly("a", "30", 1)),
                SubscriptionEvent.start(ACME, "b", d("2024-01-05"), monthly("b", "20", 1)),
                SubscriptionEvent.end(ACME, "a", d("2024-02-01")),
                SubscriptionEvent.end(ACME, "b", d("2024-03-01"))));
        assertEquals(List.of(MovementType.NEW, MovementType.EXPANSION, MovementType.CONTRACTION, MovementType.CHURN),
                types(ledger));
        assertEquals(eur("20"), ledger.movements().get(3).amount());
    }

    @Test
    void churnIsRecognisedWhenServiceEndsByDefaultAndAtTheRequestOnOption() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("p", "100", 1)),
                SubscriptionEvent.change(ACME, "s", d("2024-03-20"), monthly("p", "100", 2)),
                SubscriptionEvent.cancel(ACME, "s", d("2024-03-10"), d("2024-04-01")));

        MrrLedger atServiceEnd = MrrLedger.build(events);
        assertEquals(List.of(MovementType.NEW, MovementType.EXPANSION, MovementType.CHURN), types(atServiceEnd));
        assertEquals(d("2024-04-01"), atServiceEnd.movements().get(2).date());
        assertEquals(eur("200"), atServiceEnd.movements().get(2).amount());
        assertEquals(0, atServiceEnd.excludedEventCount());

        MrrLedger atRequest = MrrLedger.build(events,
                LedgerOptions.defaults().withChurnRecognition(ChurnRecognition.CANCELLATION_REQUEST));
        assertEquals(List.of(MovementType.NEW, MovementType.CHURN), types(atRequest));
        assertEquals(d("2024-03-10"), atRequest.movements().get(1).date());
        assertEquals(eur("100"), atRequest.movements().get(1).amount());
        assertEquals(1, atRequest.excludedEventCount(), "the change after the request is reported, not dropped");
    }

    @Test
    void returnAfterTheReactivationWindowIsNewBusiness() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("p", "100", 1)),
                SubscriptionEvent.end(ACME, "s", d("2024-02-01")),
                SubscriptionEvent.start(ACME, "s2", d("2024-05-01"), monthly("p", "100", 1)));
        // 2024-02-01 to 2024-05-01 is 90 days.
        assertEquals(MovementType.REACTIVATION, MrrLedger.build(events).movements().get(2).type());
        assertEquals(MovementType.REACTIVATION, MrrLedger.build(events,
                LedgerOptions.defaults().withReactivationWindow(ReactivationWindow.ofDays(90))).movements().get(2).type());
        assertEquals(MovementType.NEW, MrrLedger.build(events,
                LedgerOptions.defaults().withReactivationWindow(ReactivationWindow.ofDays(89))).movements().get(2).type());
    }

    @Test
    void monthlySummariesCountMovementsAndChainStartToEnd() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-10"), monthly("p", "100", 1)),
                SubscriptionEvent.start(AccountId.of("beta"), "s", d("2024-02-05"), monthly("p", "40", 1)),
                SubscriptionEvent.change(ACME, "s", d("2024-02-20"), monthly("p", "100", 3)),
                SubscriptionEvent.end(AccountId.of("beta"), "s", d("2024-03-01")));
        List<PeriodSummary> months = MrrLedger.build(events).summaries(ReportingPeriod.MONTH, d("2024-01-01"), d("2024-03-31"));

        assertEquals(3, months.size());
        PeriodSummary feb = months.get(1);
        assertEquals(DateRange.of(d("2024-02-01"), d("2024-03-01")), feb.period());
        assertEquals(eur("100"), feb.startMrr());
        assertEquals(eur("40"), feb.newMrr());
        assertEquals(eur("200"), feb.expansionMrr());
        assertEquals(eur("340"), feb.endMrr());
        assertEquals(1, feb.startCustomers());
        assertEquals(2, feb.endCustomers());
        PeriodSummary mar = months.get(2);
        assertEquals(eur("40"), mar.churnedMrr());
        assertEquals(1, mar.churnCount());
        assertEquals(eur("300"), mar.endMrr());
        assertEquals(eur("3600"), mar.endArr());
    }

    @Test
    void converterBringsChargesIntoTheReportingCurrency() {
        MoneyConverter usdToEur = (amount, target, date) -> Money.of(amount.amount().multiply(new BigDecimal("0.9")), target);
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(ACME, "a", d("2024-01-01"), monthly("p", "100", 1)),
                SubscriptionEvent.start(ACME, "b", d("2024-01-01"), charge("p", Money.of("100", "USD"), 1, BillingInterval.MONTHLY))),
                LedgerOptions.defaults().withConversion(EUR, usdToEur));
        assertEquals(eur("190"), ledger.mrrOn(d("2024-01-01")));
    }

    @Test
    void emptyLedgerWithACurrencyHasZeroMrrAndEmptySummaries() {
        MrrLedger ledger = MrrLedger.build(List.of(), LedgerOptions.defaults().withCurrency(EUR));
        PeriodSummary january = ledger.summary(ReportingPeriod.MONTH.containing(d("2024-01-01")));
        assertEquals(eur("0"), january.endMrr());
        assertEquals(0, january.endCustomers());
        assertTrue(ledger.firstMovementDate().isEmpty());
    }

    @Test
    void neverPayingAccountIsCountedAsExcluded() {
        RecurringCharge trial = new RecurringCharge("p", eur("50"), 1, BillingInterval.MONTHLY, Discount.none(), true);
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("p", "10", 1)),
                SubscriptionEvent.start(AccountId.of("trialist"), "s", d("2024-01-01"), trial)));
        assertEquals(2, ledger.accounts().size());
        assertEquals(1, ledger.accountsWithoutPaidMrr());
        assertEquals(1, ledger.payingCustomersOn(d("2024-01-02")));
    }

    @Test
    void subscriptionChangesTellCrossSellFromUpsell() {
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(ACME, "core", d("2024-01-01"), monthly("core", "100", 1)),
                SubscriptionEvent.change(ACME, "core", d("2024-02-01"), monthly("core", "100", 2)),
                SubscriptionEvent.start(ACME, "addon", d("2024-02-10"), monthly("analytics", "30", 1)),
                SubscriptionEvent.start(ACME, "core-2", d("2024-02-15"), monthly("core", "100", 1))));
        List<SubscriptionChange> february = ledger.subscriptionChanges(ReportingPeriod.MONTH.containing(d("2024-02-01")));
        assertEquals(3, february.size());
        assertEquals(eur("100"), february.get(0).change());
        assertEquals(eur("100"), february.get(0).customerMrrBefore());
        assertTrue(february.get(1).planNewToCustomer(), "analytics is a new plan: a cross-sell");
        assertEquals(false, february.get(2).planNewToCustomer(), "a second core subscription is more of the same plan");
    }

    @Test
    void amountsBeyondTheLongFastPathStayExact() {
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("p", "9999999.99", 2)),
                SubscriptionEvent.start(AccountId.of("beta"), "s", d("2024-01-01"), monthly("p", "9000000.000000000001", 1)),
                SubscriptionEvent.change(ACME, "s", d("2024-02-01"), monthly("p", "9999999.99", 1))));
        assertEquals(eur("28999999.980000000001"), ledger.mrrOn(d("2024-01-31")));
        PeriodSummary february = ledger.summary(ReportingPeriod.MONTH.containing(d("2024-02-01")));
        assertEquals(eur("9999999.99"), february.contractionMrr());
        assertEquals(eur("19000000.000000000001").minus(eur("0.01")), february.endMrr());
    }

    // ---- bad input ----

    @Test
    void mixedCurrenciesWithoutAConverterAreRejectedNamingTheEvent() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "a", d("2024-01-01"), monthly("p", "100", 1)),
                SubscriptionEvent.start(ACME, "b", d("2024-01-02"), charge("p", Money.of("100", "USD"), 1, BillingInterval.MONTHLY)));
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class, () -> MrrLedger.build(events));
        assertTrue(e.getMessage().contains("events[1]"), e.getMessage());
        assertTrue(e.getMessage().contains("USD") && e.getMessage().contains("EUR"), e.getMessage());
    }

    @Test
    void converterReturningAnotherCurrencyIsRejected() {
        MoneyConverter broken = (amount, target, date) -> amount;
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "b", d("2024-01-02"), charge("p", Money.of("100", "USD"), 1, BillingInterval.MONTHLY)));
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> MrrLedger.build(events, LedgerOptions.defaults().withConversion(EUR, broken)));
        assertTrue(e.getMessage().contains("converter returned 100.00 USD"), e.getMessage());
    }

    @Test
    void changeBeforeItsStartIsOutOfOrder() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-02-01"), monthly("p", "100", 1)),
                SubscriptionEvent.change(ACME, "s", d("2024-01-15"), monthly("p", "100", 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MrrLedger.build(events));
        assertEquals("events[1]: CHANGE of subscription 's' of account 'acme' effective 2024-01-15 is out of order:"
                + " it comes before the subscription's START on 2024-02-01", e.getMessage());
    }

    @Test
    void changeAfterTheEndIsOutOfOrder() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("p", "100", 1)),
                SubscriptionEvent.end(ACME, "s", d("2024-02-01")),
                SubscriptionEvent.change(ACME, "s", d("2024-03-01"), monthly("p", "100", 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MrrLedger.build(events));
        assertTrue(e.getMessage().startsWith("events[2]: CHANGE of subscription 's'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("is out of order: the subscription ended on 2024-02-01"), e.getMessage());
    }

    @Test
    void eventOfAnUnknownSubscriptionIsRejected() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("p", "100", 1)),
                SubscriptionEvent.cancel(ACME, "ghost", d("2024-01-10"), d("2024-02-01")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MrrLedger.build(events));
        assertEquals("events[1]: CANCEL of subscription 'ghost' of account 'acme' effective 2024-02-01 is for an unknown"
                + " subscription: it has no START event", e.getMessage());
    }

    @Test
    void eventsWithoutAnyStartAreRejectedAsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MrrLedger.build(List.of(SubscriptionEvent.end(ACME, "s", d("2024-02-01")))));
        assertEquals("events[0]: END of subscription 's' of account 'acme' effective 2024-02-01 is for an unknown"
                + " subscription: it has no START event", e.getMessage());
    }

    @Test
    void secondStartOfAnActiveSubscriptionIsRejected() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("p", "100", 1)),
                SubscriptionEvent.start(ACME, "s", d("2024-02-01"), monthly("p", "100", 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MrrLedger.build(events));
        assertTrue(e.getMessage().contains("events[1]") && e.getMessage().contains("already active since 2024-01-01"),
                e.getMessage());
    }

    @Test
    void twoChangesOnOneDayAreAmbiguousAndRejected() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "s", d("2024-01-01"), monthly("p", "100", 1)),
                SubscriptionEvent.change(ACME, "s", d("2024-02-01"), monthly("p", "100", 2)),
                SubscriptionEvent.change(ACME, "s", d("2024-02-01"), monthly("p", "100", 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MrrLedger.build(events));
        assertTrue(e.getMessage().contains("is a duplicate"), e.getMessage());
    }

    @Test
    void emptyEventsWithoutACurrencyAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MrrLedger.build(List.of()));
        assertTrue(e.getMessage().startsWith("events: the list is empty and options.currency is not set"), e.getMessage());
    }

    @Test
    void summaryBreakingTheBridgeIsRejected() {
        Money z = eur("0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PeriodSummary(
                DateRange.of(d("2024-01-01"), d("2024-02-01")), eur("100"), eur("10"), z, z, z, z, eur("100"),
                1, 1, 0, 0, 0, 0, 2));
        assertTrue(e.getMessage().startsWith("endMrr: 100.00 EUR breaks the bridge"), e.getMessage());
    }

    @Test
    void movementWhoseTypeContradictsItsMrrIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MrrMovement(ACME,
                d("2024-01-01"), MovementType.EXPANSION, eur("10"), eur("0"), eur("10")));
        assertEquals("type: EXPANSION cannot take MRR from 0.00 EUR to 10.00 EUR", e.getMessage());
    }

    @Test
    void negativeReactivationWindowIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReactivationWindow.ofDays(-1));
        assertEquals("reactivationWindow.maxDays: -1 must be >= 0", e.getMessage());
        IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
                () -> ReactivationWindow.of(java.time.Duration.ofHours(36)));
        assertTrue(partial.getMessage().contains("whole number of days"), partial.getMessage());
    }
}
