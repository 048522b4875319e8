package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.journey.StageEntry;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.MrrLedger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngagementTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final AccountId BETA = AccountId.of("beta");
    private static final DateRange JAN = ReportingPeriod.MONTH.containing(LocalDate.of(2024, 1, 1));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static UserActivity use(AccountId account, String user, String day, String feature) {
        return UserActivity.ofFeature(account, user, d(day), feature);
    }

    private static UserActivity seen(AccountId account, String user, String day) {
        return UserActivity.of(account, user, d(day));
    }

    private static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    @Test
    void activeUsersAreDistinctPerAccountAndUser() {
        List<UserActivity> activity = List.of(seen(ACME, "u1", "2024-01-02"), seen(ACME, "u1", "2024-01-03"),
                seen(BETA, "u1", "2024-01-03"), seen(ACME, "u2", "2024-02-01"));
        assertEquals(2, ActiveUsers.count(activity, JAN));
        assertEquals(Map.of(ACME, 1L, BETA, 1L), ActiveUsers.byAccount(activity, JAN));
    }

    @Test
    void stickinessIsMeanDailyActiveOverWindowActive() {
        DateRange twoDays = DateRange.of(d("2024-01-01"), d("2024-01-03"));
        List<UserActivity> activity = List.of(seen(ACME, "u1", "2024-01-01"), seen(ACME, "u2", "2024-01-01"),
                seen(ACME, "u1", "2024-01-02"), seen(ACME, "u1", "2024-01-02"));
        Stickiness s = Stickiness.of(activity, twoDays);
        assertEquals(dec("1.5"), s.meanDailyActive().value());
        assertEquals(dec("0.75"), s.ratio().orElseThrow().value());
        Stickiness oneDay = Stickiness.onDay(activity, d("2024-01-02"));
        assertEquals(dec("0.5"), oneDay.ratio().orElseThrow().value());
        assertTrue(Stickiness.of(List.of(), twoDays).ratio().isEmpty());
    }

    @Test
    void licenceUtilisationShowsAccountsWithoutSeatsAndOverDeployment() {
        List<UserActivity> activity = List.of(seen(ACME, "u1", "2024-01-02"), seen(ACME, "u2", "2024-01-02"),
                seen(ACME, "u3", "2024-01-02"), seen(BETA, "u1", "2024-01-05"));
        Map<AccountId, LicenceUtilisation> byAccount = LicenceUtilisation.byAccount(activity, JAN,
                Map.of(ACME, 2, AccountId.of("idle"), 10));
        assertEquals(dec("1.5"), byAccount.get(ACME).ratio().orElseThrow().value());
        assertTrue(byAccount.get(ACME).overDeployed());
        assertEquals(dec("0"), byAccount.get(AccountId.of("idle")).ratio().orElseThrow().value());
        assertTrue(byAccount.get(BETA).ratio().isEmpty(), "activity without seats is visible, not dropped");
    }

    @Test
    void featureAdoptionBreadthAndDepth() {
        List<UserActivity> activity = List.of(use(ACME, "u1", "2024-01-02", "reports"), use(ACME, "u1", "2024-01-03", "reports"),
                use(ACME, "u2", "2024-01-03", "reports"), use(ACME, "u2", "2024-01-04", "export"),
                use(ACME, "u3", "2024-01-04", "chat"), seen(ACME, "u4", "2024-01-05"));
        FeatureAdoption adoption = FeatureAdoption.of(activity, JAN, Set.of("reports", "export", "alerts"));
        assertEquals(4, adoption.activeUsers());
        assertEquals(Ratio.of(2, 3).orElseThrow(), adoption.breadth());
        assertEquals(dec("0.5"), adoption.adoption("reports").orElseThrow().value());
        assertEquals(dec("1.5"), adoption.depth("reports").orElseThrow().value());
        assertTrue(adoption.depth("alerts").isEmpty());
        assertEquals(1, adoption.otherFeatureUses());
        assertEquals(1, adoption.activitiesWithoutFeature());
        assertEquals(Set.of(ACME), FeatureAdoption.byAccount(activity, JAN, Set.of("reports")).keySet());
    }

    @Test
    void usageTrendChangeAndSlope() {
        List<UserActivity> activity = List.of(seen(ACME, "u1", "2024-01-02"),
                seen(ACME, "u1", "2024-02-02"), seen(ACME, "u2", "2024-02-02"),
                seen(ACME, "u1", "2024-03-02"), seen(ACME, "u2", "2024-03-02"), seen(ACME, "u3", "2024-03-09"));
        UsageTrend trend = UsageTrend.of(activity, ReportingPeriod.MONTH, d("2024-01-01"), d("2024-03-31"));
        assertEquals(List.of(1L, 2L, 3L), trend.points().stream().map(UsageTrend.Point::activeUsers).toList());
        assertEquals(dec("2"), trend.change().orElseThrow().value());
        assertEquals(dec("1"), trend.slope().orElseThrow().value());
    }

    @Test
    void onboardingCompletionCountsTheWindowAsKnownOnADay() {
        List<Onboarding> onboardings = List.of(
                new Onboarding(ACME, d("2024-01-03"), Optional.of(d("2024-01-20"))),
                new Onboarding(BETA, d("2024-01-10"), Optional.of(d("2024-02-15"))),
                new Onboarding(AccountId.of("gamma"), d("2024-01-25"), Optional.empty()),
                new Onboarding(AccountId.of("later"), d("2024-02-05"), Optional.empty()));
        Onboarding.Completion asOfFebruary = Onboarding.completion(onboardings, JAN, d("2024-02-01"));
        assertEquals(3, asOfFebruary.started());
        assertEquals(1, asOfFebruary.completed());
        assertEquals(Ratio.of(2, 3), Onboarding.completion(onboardings, JAN, d("2024-03-01")).rate());
    }

    @Test
    void timeToValueMedianAndP90InterpolateLikeNumPy() {
        // numpy.org, numpy.percentile: the 50th percentile of [10, 7, 4, 3, 2, 1] is 3.5 (linear method, the default).
        List<TimeToValue.Milestone> milestones = new java.util.ArrayList<>();
        for (int days : new int[] {10, 7, 4, 3, 2, 1}) {
            milestones.add(new TimeToValue.Milestone(AccountId.of("a" + days), d("2024-01-01"),
                    Optional.of(d("2024-01-01").plusDays(days))));
        }
        milestones.add(new TimeToValue.Milestone(AccountId.of("waiting"), d("2024-01-01"), Optional.empty()));
        TimeToValue ttv = TimeToValue.of(milestones);
        assertEquals(dec("3.5"), ttv.medianDays().orElseThrow());
        assertEquals(dec("8.5"), ttv.p90Days().orElseThrow());
        assertEquals(1, ttv.pending());
        assertTrue(TimeToValue.of(List.of()).medianDays().isEmpty());
    }

    @Test
    void timeInStageAndStageConversion() {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        JourneyHistory fast = JourneyHistory.of(List.of(StageEntry.of(JourneyStage.CONVERSION, t0),
                StageEntry.of(JourneyStage.RETENTION, t0.plus(Duration.ofDays(10)))));
        JourneyHistory skipping = JourneyHistory.of(List.of(StageEntry.of(JourneyStage.CONVERSION, t0),
                StageEntry.of(JourneyStage.ADVOCACY, t0.plus(Duration.ofDays(30)))));
        JourneyHistory stuck = JourneyHistory.of(List.of(StageEntry.of(JourneyStage.CONVERSION, t0.plus(Duration.ofDays(5)))));
        JourneyHistory prospect = JourneyHistory.startingAt(JourneyStage.AWARENESS, t0);
        List<JourneyHistory> all = List.of(fast, skipping, stuck, prospect);
        Instant now = t0.plus(Duration.ofDays(45));

        StageMetrics.TimeInStage onboarding = StageMetrics.timeInStage(all, JourneyStage.CONVERSION, now);
        assertEquals(List.of(Duration.ofDays(10), Duration.ofDays(30), Duration.ofDays(40)), onboarding.durations());
        assertEquals(Optional.of(Duration.ofDays(30)), onboarding.median());
        assertEquals(Optional.of(Duration.ofDays(80).dividedBy(3)), onboarding.mean());
        assertEquals(1, onboarding.ongoing());
        assertEquals(1, onboarding.neverEntered());

        StageMetrics.StageConversion toRetention = StageMetrics.conversion(all, JourneyStage.CONVERSION, JourneyStage.RETENTION);
        assertEquals(3, toRetention.entered());
        assertEquals(2, toRetention.converted(), "skipping straight to advocacy still reaches retention");
        assertEquals(4, StageMetrics.funnel(all).size());
    }

    @Test
    void upsellAndCrossSellAmongCustomersPayingAtTheStart() {
        Money hundred = Money.of("100", "EUR");
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(ACME, "core", d("2023-12-01"), RecurringCharge.monthly("core", hundred, 1)),
                SubscriptionEvent.start(BETA, "core", d("2023-12-01"), RecurringCharge.monthly("core", hundred, 1)),
                SubscriptionEvent.start(AccountId.of("gamma"), "basic", d("2023-12-01"), RecurringCharge.monthly("basic", hundred, 1)),
                // acme buys more seats (upsell 100) and a new product (cross-sell 30)
                SubscriptionEvent.change(ACME, "core", d("2024-01-10"), RecurringCharge.monthly("core", hundred, 2)),
                SubscriptionEvent.start(ACME, "analytics", d("2024-01-12"), RecurringCharge.monthly("analytics", Money.of("30", "EUR"), 1)),
                // gamma replaces basic by pro the same day: a plan change, upsell of the net 50, not a cross-sell
                SubscriptionEvent.end(AccountId.of("gamma"), "basic", d("2024-01-15")),
                SubscriptionEvent.start(AccountId.of("gamma"), "pro", d("2024-01-15"), RecurringCharge.monthly("pro", Money.of("150", "EUR"), 1)),
                // a customer new in January grows: reported, not counted
                SubscriptionEvent.start(AccountId.of("new"), "core", d("2024-01-05"), RecurringCharge.monthly("core", hundred, 1)),
                SubscriptionEvent.change(AccountId.of("new"), "core", d("2024-01-20"), RecurringCharge.monthly("core", hundred, 3)));
        UpsellCrossSell january = UpsellCrossSell.of(MrrLedger.build(events), JAN);
        assertEquals(3, january.customersAtStart());
        assertEquals(2, january.upsellCustomers());
        assertEquals(Money.of("150", "EUR"), january.upsellMrr());
        assertEquals(1, january.crossSellCustomers());
        assertEquals(Money.of("30", "EUR"), january.crossSellMrr());
        assertEquals(1, january.newCustomerIncreases());
        assertEquals(Ratio.of(2, 3), january.upsellRate());
        assertEquals(Ratio.of(1, 3), january.crossSellRate());
    }

    @Test
    void csqlCountAndConversion() {
        CsqlRule rule = new CsqlRule(dec("0.8"), 70);
        List<ExpansionSignals> signals = List.of(
                new ExpansionSignals(ACME, Ratio.of(9, 10), 80),
                new ExpansionSignals(BETA, Ratio.of(9, 10), 50),
                new ExpansionSignals(AccountId.of("gamma"), Optional.empty(), 99),
                new ExpansionSignals(AccountId.of("delta"), Ratio.of(19, 20), 75));
        List<CsqlLead> leads = new java.util.ArrayList<>(rule.leads(signals, d("2024-01-10")));
        assertEquals(List.of(ACME, AccountId.of("delta")), leads.stream().map(CsqlLead::account).toList());
        leads.add(new CsqlLead(ACME, d("2024-01-20")));
        leads.add(new CsqlLead(AccountId.of("ghost"), d("2024-01-12")));

        Money hundred = Money.of("100", "EUR");
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(ACME, "s", d("2023-06-01"), RecurringCharge.monthly("p", hundred, 5)),
                SubscriptionEvent.change(ACME, "s", d("2024-02-01"), RecurringCharge.monthly("p", hundred, 8)),
                SubscriptionEvent.start(AccountId.of("delta"), "s", d("2023-06-01"), RecurringCharge.monthly("p", hundred, 5)),
                SubscriptionEvent.change(AccountId.of("delta"), "s", d("2024-06-01"), RecurringCharge.monthly("p", hundred, 8))));
        CsqlConversion conversion = CsqlConversion.of(leads, JAN, ledger, 90);
        assertEquals(3, conversion.count());
        assertEquals(1, conversion.converted(), "delta expanded after the 90-day window");
        assertEquals(Money.of("300", "EUR"), conversion.expansionMrr());
        assertEquals(1, conversion.repeatLeads());
        assertEquals(1, conversion.unknownAccounts());
        assertEquals(Ratio.of(1, 3), conversion.rate());
    }

    // ---- bad input ----

    @Test
    void completionBeforeStartIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Onboarding(ACME, d("2024-02-01"), Optional.of(d("2024-01-01"))));
        assertEquals("completed: 2024-01-01 is before started 2024-02-01 for account acme", e.getMessage());
    }

    @Test
    void firstValueBeforeContractStartIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimeToValue.Milestone(ACME, d("2024-02-01"), Optional.of(d("2024-01-01"))));
        assertEquals("firstValue: 2024-01-01 is before contractStart 2024-02-01 for account acme", e.getMessage());
    }

    @Test
    void blankUserAndUnknownFeatureAreRejected() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> UserActivity.of(ACME, " ", d("2024-01-01")));
        assertEquals("userId: must not be blank", blank.getMessage());
        FeatureAdoption adoption = FeatureAdoption.of(List.of(), JAN, Set.of("reports"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> adoption.adoption("chat"));
        assertEquals("feature: 'chat' is not a key feature", unknown.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> FeatureAdoption.of(List.of(), JAN, Set.of()));
        assertEquals("keyFeatures: at least one key feature is needed", none.getMessage());
    }

    @Test
    void conversionBackwardsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StageMetrics.conversion(List.of(), JourneyStage.RETENTION, JourneyStage.CONVERSION));
        assertEquals("to: CONVERSION must come after from RETENTION", e.getMessage());
    }

    @Test
    void negativeSeatsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LicenceUtilisation.byAccount(List.of(), JAN, Map.of(ACME, -1)));
        assertEquals("seats[acme]: -1 must be >= 0", e.getMessage());
    }
}
