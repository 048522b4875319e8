package dev.kizuna.metrics.retention;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionTest {
    private static final DateRange MARCH = ReportingPeriod.MONTH.containing(LocalDate.of(2024, 3, 1));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static RecurringCharge plan(String monthlyPrice) {
        return RecurringCharge.monthly("p", usd(monthlyPrice), 1);
    }

    private static AccountId id(String name) {
        return AccountId.of(name);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aReturnAfterTheReactivationWindowStillCountsForTheFollowedGroup() {
        // a pays 100 from January, churns on 1 March and is back on 1 June at 100: with a 30-day window the ledger
        // calls the return new business, but a is one of the customers followed over the year, so its return is a
        // reactivation of the group and NRR is 100%.
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(id("a"), "s1", d("2024-01-01"), plan("100")),
                SubscriptionEvent.end(id("a"), "s1", d("2024-03-01")),
                SubscriptionEvent.start(id("a"), "s2", d("2024-06-01"), plan("100")));
        MrrLedger ledger = MrrLedger.build(events, LedgerOptions.defaults()
                .withReactivationWindow(dev.kizuna.metrics.revenue.ReactivationWindow.ofDays(30)));
        RevenueRetention year = RevenueRetention.of(ledger, DateRange.of(d("2024-02-01"), d("2025-01-01")));
        assertEquals(usd("100"), year.reactivationMrr());
        assertEquals(usd("100"), year.endMrr());
        assertEquals(Optional.of(dec("1")), year.nrr().map(Ratio::value));
        assertEquals(Optional.of(dec("0")), year.grr().map(Ratio::value));
        assertEquals(0, year.newCustomersExcluded());
    }

    @Test
    void grossAndNetMrrChurnMatchChartMogulsExample() {
        // help.chartmogul.com, "Gross MRR Churn Rate" and "Net MRR Churn Rate": $100 MRR at the start of the month,
        // $10 lost to churn, $10 to contraction, one customer expands by $10: gross 20%, net 10%.
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(id("a"), "s", d("2024-01-01"), plan("50")),
                SubscriptionEvent.start(id("b"), "s", d("2024-01-01"), plan("10")),
                SubscriptionEvent.start(id("c"), "s", d("2024-01-01"), plan("40")),
                SubscriptionEvent.change(id("a"), "s", d("2024-03-05"), plan("60")),
                SubscriptionEvent.end(id("b"), "s", d("2024-03-10")),
                SubscriptionEvent.change(id("c"), "s", d("2024-03-20"), plan("30")));
        PeriodSummary march = MrrLedger.build(events).summary(MARCH);
        assertEquals(dec("0.2"), MrrChurn.gross(march).orElseThrow().value());
        assertEquals(dec("0.1"), MrrChurn.net(march).orElseThrow().value());
        assertEquals(dec("0.1"), MrrChurn.netExcludingReactivation(march).orElseThrow().value());
    }

    @Test
    void logoChurnFollowsChartMogulsStandardFormulaAndItsAlternatives() {
        // help.chartmogul.com, "Churn rate formulas", Standard (B2B): 100 customers at the start of the month; 12
        // churn, one of whom reactivates and one of whom joined during the month: the churn rate is 10%.
        List<SubscriptionEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(SubscriptionEvent.start(id("c" + i), "s", d("2024-01-15"), plan("20")));
        }
        for (int i = 0; i < 11; i++) {
            events.add(SubscriptionEvent.end(id("c" + i), "s", d("2024-03-0" + (1 + i % 9))));
        }
        events.add(SubscriptionEvent.start(id("c0"), "s2", d("2024-03-25"), plan("20")));
        events.add(SubscriptionEvent.start(id("newcomer"), "s", d("2024-03-05"), plan("20")));
        events.add(SubscriptionEvent.end(id("newcomer"), "s", d("2024-03-20")));
        MrrLedger ledger = MrrLedger.build(events);

        LogoChurn standard = LogoChurn.of(ledger, MARCH);
        assertEquals(12, ledger.summary(MARCH).churnCount());
        assertEquals(10, standard.lost());
        assertEquals(100, standard.base());
        assertEquals(1, standard.joinedAndLeft());
        assertEquals(1, standard.churnedAndReactivated());
        assertEquals(dec("0.1"), standard.rate().orElseThrow().value());
        assertEquals(dec("0.9"), standard.retentionRate().orElseThrow().value());

        LogoChurn stripe = LogoChurn.of(ledger, MARCH, LogoChurnConvention.INCLUDING_NEW);
        assertEquals(11, stripe.lost());
        assertEquals(101, stripe.base());

        LogoChurn baremetrics = LogoChurn.of(ledger, MARCH, LogoChurnConvention.ALL_LOST_OVER_START);
        assertEquals(dec("0.11"), baremetrics.rate().orElseThrow().value());
    }

    @Test
    void grrAndNrrMatchAPublishedWorkedExample() {
        // superleap.com/blog/sales/gross-revenue-retention: starting MRR $100,000, downgrades $6,000, churn $8,000:
        // GRR = 86%; $8,000 of expansion from the same customers does not change GRR. NRR of the same figures is
        // (100,000 - 6,000 - 8,000 + 8,000) / 100,000 = 94%.
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(id("a"), "s", d("2023-06-01"), plan("70000")),
                SubscriptionEvent.start(id("b"), "s", d("2023-06-01"), plan("20000")),
                SubscriptionEvent.start(id("c"), "s", d("2023-06-01"), plan("8000")),
                SubscriptionEvent.start(id("d"), "s", d("2023-06-01"), plan("2000")),
                SubscriptionEvent.change(id("a"), "s", d("2024-03-10"), plan("78000")),
                SubscriptionEvent.change(id("b"), "s", d("2024-03-12"), plan("14000")),
                SubscriptionEvent.end(id("c"), "s", d("2024-03-15")),
                SubscriptionEvent.start(id("new"), "s", d("2024-03-20"), plan("5000")));
        RevenueRetention march = RevenueRetention.of(MrrLedger.build(events), MARCH);

        assertEquals(usd("100000"), march.startMrr());
        assertEquals(4, march.customers());
        assertEquals(1, march.newCustomersExcluded());
        assertEquals(dec("0.86"), march.grr().orElseThrow().value());
        assertEquals(dec("0.86"), march.grr(GrrMethod.PER_CUSTOMER_CAP).orElseThrow().value());
        assertEquals(dec("0.94"), march.nrr().orElseThrow().value());
    }

    @Test
    void cappedGrrDoesNotCountAContractionThatOnlyUndidAnExpansion() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(id("a"), "s", d("2024-01-01"), plan("100")),
                SubscriptionEvent.change(id("a"), "s", d("2024-03-05"), plan("150")),
                SubscriptionEvent.change(id("a"), "s", d("2024-03-25"), plan("100")));
        RevenueRetention march = RevenueRetention.of(MrrLedger.build(events), MARCH);
        assertEquals(dec("0.5"), march.grr(GrrMethod.MOVEMENTS).orElseThrow().value());
        assertEquals(dec("1"), march.grr(GrrMethod.PER_CUSTOMER_CAP).orElseThrow().value());
        assertEquals(dec("1"), march.nrr().orElseThrow().value());
    }

    @Test
    void cohortRetentionFollowsCustomersFromTheirFirstPaidMrr() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(id("a"), "s", d("2024-01-10"), plan("100")),
                SubscriptionEvent.start(id("b"), "s", d("2024-01-20"), plan("100")),
                SubscriptionEvent.change(id("a"), "s", d("2024-01-25"), plan("150")),
                SubscriptionEvent.end(id("b"), "s", d("2024-02-15")),
                SubscriptionEvent.start(id("later"), "s", d("2024-02-01"), plan("999")));
        RevenueRetention cohort = RevenueRetention.ofCohort(MrrLedger.build(events),
                ReportingPeriod.MONTH.containing(d("2024-01-01")), d("2024-03-31"));
        assertEquals(2, cohort.customers());
        assertEquals(usd("200"), cohort.startMrr());
        assertEquals(usd("150"), cohort.endMrr());
        assertEquals(dec("0.75"), cohort.nrr().orElseThrow().value());
        assertEquals(dec("0.5"), cohort.grr(GrrMethod.PER_CUSTOMER_CAP).orElseThrow().value());
    }

    @Test
    void trailingTwelveMonthsFollowsTheCustomersOfAYearAgo() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(id("a"), "s", d("2023-06-01"), plan("100")),
                SubscriptionEvent.change(id("a"), "s", d("2024-06-01"), plan("120")),
                SubscriptionEvent.start(id("b"), "s", d("2024-02-01"), plan("500")));
        RevenueRetention t12m = RevenueRetention.trailingTwelveMonths(MrrLedger.build(events), d("2025-01-01"));
        assertEquals(DateRange.of(d("2024-01-01"), d("2025-01-01")), t12m.measured());
        assertEquals(dec("1.2"), t12m.nrr().orElseThrow().value());
        assertEquals(dec("1"), t12m.grr().orElseThrow().value());
        assertEquals(1, t12m.newCustomersExcluded());
    }

    @Test
    void quickRatioWithAndWithoutReactivation() {
        Money z = usd("0");
        // Gains 10 new + 5 expansion + 5 reactivation; losses 2 contraction + 3 churn.
        PeriodSummary s = new PeriodSummary(MARCH, usd("100"), usd("10"), usd("5"), usd("5"), usd("2"), usd("3"),
                usd("115"), 10, 1, 1, 1, 1, 1, 11);
        assertEquals(dec("4"), QuickRatio.of(s).orElseThrow().value());
        assertEquals(dec("3"), QuickRatio.excludingReactivation(s).orElseThrow().value());
        PeriodSummary noLoss = new PeriodSummary(MARCH, usd("100"), usd("10"), z, z, z, z, usd("110"), 1, 1, 0, 0, 0, 0, 2);
        assertTrue(QuickRatio.of(noLoss).isEmpty());
    }

    @Test
    void ltvMatchesChartMogulsExampleAndFollowsTheZeroChurnPolicy() {
        // help.chartmogul.com, "Customer Lifetime Value": an ARPA of $100 and a 5% customer churn rate give an LTV
        // of $2,000 (ChartMogul applies no margin: a margin of 1 reproduces it).
        Ratio fivePercent = Ratio.of(5, 100).orElseThrow();
        assertEquals(Optional.of(usd("2000")), UnitEconomics.ltv(usd("100"), BigDecimal.ONE, fivePercent, ZeroChurnPolicy.undefined()));
        assertEquals(Optional.of(usd("1600")), UnitEconomics.ltv(usd("100"), dec("0.8"), fivePercent, ZeroChurnPolicy.undefined()));
        Ratio zero = Ratio.of(0, 40).orElseThrow();
        assertTrue(UnitEconomics.ltv(usd("100"), BigDecimal.ONE, zero, ZeroChurnPolicy.undefined()).isEmpty());
        assertEquals(Optional.of(usd("6000")), UnitEconomics.ltv(usd("100"), BigDecimal.ONE, zero, ZeroChurnPolicy.cappedAt(60)));
        assertEquals(Optional.of(usd("1000")), UnitEconomics.ltv(usd("100"), BigDecimal.ONE, fivePercent, ZeroChurnPolicy.cappedAt(10)));
    }

    @Test
    void arpaCacLtvToCacAndPayback() {
        assertEquals(Optional.of(usd("50")), UnitEconomics.arpa(usd("500"), 10));
        assertTrue(UnitEconomics.arpa(usd("500"), 0).isEmpty());
        assertEquals(Optional.of(usd("1200")), UnitEconomics.cac(usd("12000"), 10));
        assertTrue(UnitEconomics.cac(usd("12000"), 0).isEmpty());
        assertEquals(dec("3"), UnitEconomics.ltvToCac(usd("3600"), usd("1200")).orElseThrow().value());
        assertEquals(Optional.of(dec("15")), UnitEconomics.cacPaybackMonths(usd("1200"), usd("100"), dec("0.8")));
        assertTrue(UnitEconomics.cacPaybackMonths(usd("1200"), usd("0"), dec("0.8")).isEmpty());
    }

    @Test
    void churnFloorTradeOffProjectsBothLevers() {
        GrowthAssumptions observed = new GrowthAssumptions(usd("1000"), dec("0.02"), dec("0.01"), usd("100"));
        RevenueProjection baseline = observed.project(2);
        // MRR(1) = 1000 x 0.99 + 100 = 1090; MRR(2) = 1090 x 0.99 + 100 = 1179.1
        assertEquals(List.of(usd("1090"), usd("1179.1")), baseline.monthlyMrr());
        assertEquals(usd("2269.1"), baseline.revenue());

        ChurnFloorTradeOff nearFloor = ChurnFloorTradeOff.compare(
                new GrowthAssumptions(usd("100000"), dec("0.01"), dec("0.02"), usd("0")), dec("0.005"), dec("0.5"), 24);
        assertEquals(ChurnFloorTradeOff.Lever.EXPANSION, nearFloor.betterLever(),
                "half a point off a 1% churn is worth less than +50% on a 2% expansion");
        ChurnFloorTradeOff highChurn = ChurnFloorTradeOff.compare(
                new GrowthAssumptions(usd("100000"), dec("0.06"), dec("0.01"), usd("0")), dec("0.03"), dec("0.5"), 24);
        assertEquals(ChurnFloorTradeOff.Lever.CHURN_REDUCTION, highChurn.betterLever());
        ChurnFloorTradeOff none = ChurnFloorTradeOff.compare(observed, BigDecimal.ZERO, BigDecimal.ZERO, 12);
        assertEquals(ChurnFloorTradeOff.Lever.EQUAL, none.betterLever());
    }

    @Test
    void growthAssumptionsAreObservedFromMonthlySummaries() {
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(id("a"), "s", d("2024-01-01"), plan("100")),
                SubscriptionEvent.start(id("b"), "s", d("2024-01-01"), plan("100")),
                SubscriptionEvent.change(id("a"), "s", d("2024-02-10"), plan("110")),
                SubscriptionEvent.end(id("b"), "s", d("2024-03-10")),
                SubscriptionEvent.start(id("c"), "s", d("2024-03-12"), plan("60")));
        List<PeriodSummary> months = MrrLedger.build(events).summaries(ReportingPeriod.MONTH, d("2024-02-01"), d("2024-03-31"));
        GrowthAssumptions observed = GrowthAssumptions.observed(months).orElseThrow();
        assertEquals(usd("170"), observed.startMrr());
        assertEquals(dec("100").divide(dec("410"), 12, java.math.RoundingMode.HALF_EVEN), observed.monthlyChurn());
        assertEquals(usd("30"), observed.monthlyNewMrr());
    }

    @Test
    void emptyPeriodGivesEmptyRatesNotDivisionByZero() {
        MrrLedger empty = MrrLedger.build(List.of(), LedgerOptions.defaults().withCurrency(Currency.getInstance("USD")));
        assertTrue(LogoChurn.of(empty, MARCH).rate().isEmpty());
        assertTrue(RevenueRetention.of(empty, MARCH).grr().isEmpty());
        assertTrue(RevenueRetention.of(empty, MARCH).nrr().isEmpty());
        PeriodSummary summary = empty.summary(MARCH);
        assertTrue(MrrChurn.gross(summary).isEmpty());
        assertTrue(MrrChurn.net(summary).isEmpty());
        assertTrue(UnitEconomics.arpa(summary).isEmpty());
        assertTrue(GrowthAssumptions.observed(List.of(summary)).isEmpty());
        assertTrue(LogoChurn.trailingMonthlyAverage(empty, d("2024-07-01"), 6, LogoChurnConvention.START_OF_PERIOD).isEmpty());
    }

    // ---- bad input ----

    @Test
    void grossMarginAboveOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitEconomics.ltv(usd("100"), dec("1.5"), Ratio.of(1, 20).orElseThrow(), ZeroChurnPolicy.undefined()));
        assertEquals("grossMargin: 1.5 must be from 0 to 1", e.getMessage());
    }

    @Test
    void churnAboveOneIsRejectedForLtv() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitEconomics.ltv(usd("100"), BigDecimal.ONE, Ratio.of(3, 2).orElseThrow(), ZeroChurnPolicy.undefined()));
        assertEquals("monthlyChurn: 1.5 (3/2) must be from 0 to 1", e.getMessage());
    }

    @Test
    void cohortMeasuredBeforeItEndsIsRejected() {
        MrrLedger ledger = MrrLedger.build(List.of(SubscriptionEvent.start(id("a"), "s", d("2024-01-10"), plan("100"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RevenueRetention.ofCohort(
                ledger, ReportingPeriod.MONTH.containing(d("2024-01-01")), d("2024-01-15")));
        assertEquals("asOf: 2024-01-15 must not be before the cohort's last day 2024-01-31", e.getMessage());
    }

    @Test
    void nonPositiveLifetimeCapIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZeroChurnPolicy.cappedAt(0));
        assertEquals("maxLifetimeMonths: 0 must be > 0", e.getMessage());
    }

    @Test
    void negativeChurnReductionIsRejected() {
        GrowthAssumptions a = new GrowthAssumptions(usd("1000"), dec("0.02"), dec("0.01"), usd("100"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.withChurnReducedBy(dec("-0.01")));
        assertEquals("points: -0.01 must be >= 0", e.getMessage());
    }
}
