package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.ActivityRecord;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.UsagePeriod;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.plan.Milestone;
import dev.kizuna.core.plan.MilestoneKind;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engagement and lifecycle calculators read cs-core's activity and usage records and success plans. */
class CoreInputsTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final AccountId BETA = AccountId.of("beta");
    private static final DateRange JAN = ReportingPeriod.MONTH.containing(LocalDate.of(2024, 1, 1));
    private static final Set<String> DEMO_FEATURES = Set.of("alerts", "api", "automation", "dashboards",
            "integrations", "mobile", "reports", "sso");
    private static final Portfolio DEMO = DemoPortfolio.generate();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static ActivityRecord act(AccountId account, String user, String instant) {
        return ActivityRecord.of(account, user, Instant.parse(instant), "login");
    }

    private static UsageRecord month(AccountId account, String first, int users, int seats, long logins,
                                     Map<String, Long> features) {
        UsageRecord.Builder b = UsageRecord.builder(account, d(first), UsagePeriod.MONTH).activeUsers(users)
                .logins(logins).licensedSeats(seats);
        features.forEach(b::featureUse);
        return b.build();
    }

    @Test
    void activityRecordsCountOnTheCalendarDayOfTheGivenZone() {
        List<ActivityRecord> records = List.of(act(ACME, "u1", "2024-01-31T23:30:00Z"),
                act(ACME, "u2", "2024-01-15T12:00:00Z"), act(BETA, "u1", "2024-02-01T00:30:00Z"));
        assertEquals(2, ActiveUsers.count(records, JAN, ZoneOffset.UTC));
        // In Tokyo (UTC+9) the first one is on 1 February and the last one is still on 1 February.
        assertEquals(1, ActiveUsers.count(records, JAN, ZoneId.of("Asia/Tokyo")));
        // In New York (UTC-5) the last one is on 31 January.
        assertEquals(Map.of(ACME, 2L, BETA, 1L), ActiveUsers.byAccount(records, JAN, ZoneId.of("America/New_York")));
        UserActivity one = UserActivity.from(ActivityRecord.ofFeature(ACME, "u3", Instant.parse("2024-01-02T08:00:00Z"),
                "report.export", "reports"), ZoneOffset.UTC);
        assertEquals(UserActivity.ofFeature(ACME, "u3", d("2024-01-02"), "reports"), one);
    }

    @Test
    void stickinessFromActivityRecordsIsDauOverMau() {
        DateRange twoDays = DateRange.of(d("2024-01-01"), d("2024-01-03"));
        List<ActivityRecord> records = List.of(act(ACME, "u1", "2024-01-01T09:00:00Z"),
                act(ACME, "u2", "2024-01-01T10:00:00Z"), act(ACME, "u1", "2024-01-02T09:00:00Z"),
                act(ACME, "u1", "2024-01-02T17:00:00Z"));
        Stickiness s = Stickiness.of(records, twoDays, ZoneOffset.UTC);
        assertEquals(new BigDecimal("0.75"), s.ratio().orElseThrow().value());
        assertEquals(new BigDecimal("0.5"), Stickiness.onDay(records, d("2024-01-02"), ZoneOffset.UTC)
                .ratio().orElseThrow().value());
        List<ActivityRecord> withNull = new ArrayList<>(records);
        withNull.add(null);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Stickiness.of(withNull, twoDays, ZoneOffset.UTC));
        assertEquals("records[4]: null record", e.getMessage());
    }

    @Test
    void featureAdoptionFromActivityRecordsCountsUsersPerFeature() {
        List<ActivityRecord> records = List.of(
                ActivityRecord.ofFeature(ACME, "u1", Instant.parse("2024-01-02T09:00:00Z"), "use", "reports"),
                ActivityRecord.ofFeature(ACME, "u1", Instant.parse("2024-01-03T09:00:00Z"), "use", "reports"),
                ActivityRecord.ofFeature(ACME, "u2", Instant.parse("2024-01-03T09:00:00Z"), "use", "alerts"),
                act(ACME, "u3", "2024-01-04T09:00:00Z"));
        FeatureAdoption a = FeatureAdoption.of(records, JAN, Set.of("reports", "sso"), ZoneOffset.UTC);
        assertEquals(3, a.activeUsers());
        assertEquals(Ratio.of(1, 2).orElseThrow(), a.breadth());
        assertEquals(Ratio.of(2, 1), a.depth("reports"));
        assertEquals(1, a.otherFeatureUses());
        assertEquals(1, a.activitiesWithoutFeature());
    }

    @Test
    void licenceUtilisationFromUsageRecordsTakesEachAccountsRecordOfTheWindow() {
        List<UsageRecord> usage = List.of(month(ACME, "2024-01-01", 12, 10, 40, Map.of()),
                month(ACME, "2024-02-01", 5, 10, 20, Map.of()),
                UsageRecord.builder(BETA, d("2024-01-01"), UsagePeriod.MONTH).activeUsers(3).logins(9).build());
        Map<AccountId, LicenceUtilisation> jan = LicenceUtilisation.byAccount(usage, JAN);
        assertEquals(new LicenceUtilisation(12, 10), jan.get(ACME));
        assertTrue(jan.get(ACME).overDeployed());
        assertTrue(jan.get(BETA).ratio().isEmpty(), "an account not licensed by seat is shown, with no ratio");
        assertEquals(new LicenceUtilisation(5, 10), LicenceUtilisation.of(usage.get(1)));
    }

    @Test
    void usageRecordsOfTwoPeriodsOfOneAccountAreNotAddedAsDistinctUsers() {
        List<UsageRecord> weeks = List.of(
                UsageRecord.builder(ACME, d("2024-01-01"), UsagePeriod.WEEK).activeUsers(4).logins(9).build(),
                UsageRecord.builder(ACME, d("2024-01-08"), UsagePeriod.WEEK).activeUsers(5).logins(9).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LicenceUtilisation.byAccount(weeks, JAN));
        assertTrue(e.getMessage().startsWith("records[1]: account 'acme' already has records[0] in the window"
                + " [2024-01-01, 2024-02-01)"), e.getMessage());
        List<UsageRecord> straddling = List.of(
                UsageRecord.builder(ACME, d("2024-01-29"), UsagePeriod.WEEK).activeUsers(4).logins(9).build());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> UsageTrend.ofUsage(straddling, List.of(JAN)));
        assertTrue(s.getMessage().startsWith("records[0]: the WEEK record of account 'acme' from 2024-01-29 straddles"
                + " the window [2024-01-01, 2024-02-01)"), s.getMessage());
    }

    @Test
    void usageAdoptionGivesBreadthAdoptionAndDepthFromUsageCounts() {
        List<UsageRecord> usage = List.of(
                month(ACME, "2024-01-01", 10, 10, 40, Map.of("reports", 30L, "sso", 0L, "beta-lab", 4L)),
                month(BETA, "2024-01-01", 10, 20, 40, Map.of("reports", 10L)),
                month(BETA, "2024-02-01", 10, 20, 40, Map.of("alerts", 10L)));
        UsageAdoption jan = UsageAdoption.of(usage, JAN, Set.of("reports", "sso", "alerts"));
        assertEquals(2, jan.records());
        assertEquals(20, jan.activeUsers());
        assertEquals(Ratio.of(1, 3).orElseThrow(), jan.breadth());
        assertEquals(Ratio.of(2, 2), jan.adoption("reports"));
        assertEquals(Ratio.of(0, 2), jan.adoption("sso"));
        assertEquals(Ratio.of(40, 20), jan.depth("reports"));
        assertEquals(4, jan.otherFeatureUses());
        assertEquals(new UsageAdoption.FeatureTotal("sso", 0, 0, 1), jan.features().get(2));
        Map<AccountId, UsageAdoption> byAccount = UsageAdoption.byAccount(usage,
                DateRange.of(d("2024-01-01"), d("2024-03-01")), Set.of("reports", "alerts"));
        assertEquals(Ratio.of(2, 2).orElseThrow(), byAccount.get(BETA).breadth());
        assertEquals(Ratio.of(1, 2), byAccount.get(BETA).adoption("alerts"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> jan.depth("api"));
        assertEquals("feature: 'api' is not a key feature", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UsageAdoption.of(usage, JAN, Set.of()));
    }

    @Test
    void usageTrendFromUsageRecordsSumsAccountsPerWindow() {
        List<UsageRecord> usage = List.of(month(ACME, "2024-01-01", 10, 10, 40, Map.of()),
                month(BETA, "2024-01-01", 2, 10, 1, Map.of()), month(ACME, "2024-02-01", 8, 10, 30, Map.of()),
                month(ACME, "2024-03-01", 6, 10, 20, Map.of()));
        UsageTrend trend = UsageTrend.ofUsage(usage, ReportingPeriod.MONTH, d("2024-01-01"), d("2024-03-31"));
        assertEquals(List.of(12L, 8L, 6L), trend.points().stream().map(UsageTrend.Point::activeUsers).toList());
        assertEquals(List.of(41L, 30L, 20L), trend.points().stream().map(UsageTrend.Point::activities).toList());
        assertEquals(Ratio.of(-6, 12), trend.change());
        assertEquals(0, new BigDecimal("-3").compareTo(trend.slope().orElseThrow().value()));
    }

    @Test
    void onboardingAndTimeToValueComeFromPlanMilestones() {
        LocalDate start = d("2024-01-10");
        SuccessPlan done = SuccessPlan.builder("p1", ACME)
                .milestone(Milestone.of("First value", MilestoneKind.FIRST_VALUE, d("2024-02-01"), CsRole.CUSTOMER_SUCCESS_MANAGER)
                        .completed(d("2024-01-30")))
                .milestone(Milestone.of("Onboarded", MilestoneKind.ONBOARDING_COMPLETE, d("2024-03-01"),
                        CsRole.CUSTOMER_SUCCESS_MANAGER).completed(d("2024-03-05")))
                .build();
        SuccessPlan open = SuccessPlan.builder("p2", BETA)
                .milestone(Milestone.of("First value", MilestoneKind.FIRST_VALUE, d("2024-02-01"), CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(Milestone.of("Onboarded", MilestoneKind.ONBOARDING_COMPLETE, d("2024-03-01"),
                        CsRole.CUSTOMER_SUCCESS_MANAGER))
                .build();
        SuccessPlan renewal = SuccessPlan.builder("p3", AccountId.of("gamma"))
                .milestone(Milestone.of("Renewal", MilestoneKind.RENEWAL, d("2024-12-01"), CsRole.SALES)).build();
        Map<AccountId, LocalDate> starts = Map.of(ACME, start, BETA, d("2024-01-20"));
        assertEquals(Optional.of(new Onboarding(ACME, start, Optional.of(d("2024-03-05")))), Onboarding.of(done, start));
        assertEquals(Optional.empty(), Onboarding.of(renewal, start));
        List<Onboarding> onboardings = Onboarding.fromPlans(List.of(done, open, renewal), starts);
        assertEquals(2, onboardings.size());
        assertEquals(Ratio.of(1, 2), Onboarding.completion(onboardings, JAN, d("2024-06-01")).rate());
        TimeToValue ttv = TimeToValue.ofPlans(List.of(done, open, renewal), starts);
        assertEquals(List.of(20L), ttv.days());
        assertEquals(1, ttv.pending());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TimeToValue.ofPlans(List.of(done), Map.of()));
        assertEquals("contractStarts: no contract start for account 'acme' of plan 'p1'", missing.getMessage());
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> Onboarding.of(done, d("2024-04-01")));
        assertEquals("plan 'p1' of account 'acme': onboarding completed on 2024-03-05, before it started on 2024-04-01",
                early.getMessage());
    }

    @Test
    void demoLicenceUtilisationAndBreadthMatchTheDemoSignals() {
        // The demo writes each month's utilisation and breadth into its month-end signal snapshot, from the same
        // numbers as the usage record: the calculators must agree with them.
        LocalDate lastMonth = DEMO.asOf().minusMonths(1);
        DateRange window = ReportingPeriod.MONTH.containing(lastMonth);
        Instant monthEnd = window.end().atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<AccountId, SignalSnapshot> signals = new HashMap<>();
        DEMO.signals().stream().filter(s -> s.at().equals(monthEnd)).forEach(s -> signals.put(s.account(), s));
        Map<AccountId, LicenceUtilisation> utilisation = LicenceUtilisation.byAccount(DEMO.usage(), window);
        Map<AccountId, UsageAdoption> adoption = UsageAdoption.byAccount(DEMO.usage(), window, DEMO_FEATURES);
        assertTrue(utilisation.size() > 500, "most demo customers have a record last month");
        assertEquals(signals.keySet(), utilisation.keySet());
        for (Map.Entry<AccountId, LicenceUtilisation> e : utilisation.entrySet()) {
            SignalSnapshot s = signals.get(e.getKey());
            assertEquals(s.value(SignalName.ENGAGEMENT_LICENCE_UTILISATION).orElseThrow(),
                    e.getValue().ratio().orElseThrow().doubleValue(), 1e-12, e.getKey().toString());
            assertEquals(s.value(SignalName.ADOPTION_FEATURE_BREADTH).orElseThrow(),
                    adoption.get(e.getKey()).breadth().doubleValue(), 1e-12, e.getKey().toString());
        }
    }

    @Test
    void demoUsageTrendSumsEachMonthsRecords() {
        UsageTrend trend = UsageTrend.ofUsage(DEMO.usage(), ReportingPeriod.MONTH, DEMO.start(), DEMO.asOf().minusDays(1));
        Map<LocalDate, Long> users = DEMO.usage().stream().collect(Collectors.groupingBy(UsageRecord::date, TreeMap::new,
                Collectors.summingLong(UsageRecord::activeUsers)));
        assertEquals(36, trend.points().size());
        assertEquals(List.copyOf(users.values()), trend.points().stream().map(UsageTrend.Point::activeUsers).toList());
    }

    @Test
    void demoTimeToValueAndOnboardingFollowTheOnboardingPlans() {
        // Onboarding plans start with the account's first subscription, so that is the contract start here.
        Map<AccountId, LocalDate> firstStart = new HashMap<>();
        for (SubscriptionEvent e : DEMO.subscriptionEvents()) {
            if (e.kind() == SubscriptionEvent.Kind.START) {
                firstStart.merge(e.account(), e.effectiveDate(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<SuccessPlan> onboardingPlans = DEMO.plans().stream().filter(p -> p.milestones().stream()
                .anyMatch(m -> m.kind() == MilestoneKind.FIRST_VALUE)).toList();
        assertTrue(onboardingPlans.size() > 20, "the demo has onboarding plans");
        TimeToValue ttv = TimeToValue.ofPlans(DEMO.plans(), firstStart);
        assertEquals(onboardingPlans.size(), ttv.days().size() + ttv.pending());
        long[] expected = onboardingPlans.stream().flatMap(p -> p.milestones().stream()
                        .filter(m -> m.kind() == MilestoneKind.FIRST_VALUE && m.completedOn().isPresent())
                        .map(m -> ChronoUnit.DAYS.between(firstStart.get(p.account()), m.completedOn().get())))
                .mapToLong(Long::longValue).sorted().toArray();
        assertEquals(Arrays.stream(expected).boxed().toList(), ttv.days().stream().sorted().toList());
        BigDecimal median = expected.length % 2 == 1 ? BigDecimal.valueOf(expected[expected.length / 2])
                : BigDecimal.valueOf(expected[expected.length / 2 - 1] + expected[expected.length / 2])
                        .divide(BigDecimal.valueOf(2));
        assertEquals(0, median.compareTo(ttv.medianDays().orElseThrow()));

        List<Onboarding> onboardings = Onboarding.fromPlans(DEMO.plans(), firstStart);
        long completed = onboardingPlans.stream().filter(p -> p.milestones().stream()
                .filter(m -> m.kind() == MilestoneKind.ONBOARDING_COMPLETE).allMatch(Milestone::isCompleted)).count();
        Onboarding.Completion all = Onboarding.completion(onboardings, DateRange.of(DEMO.start(), DEMO.asOf()),
                DEMO.asOf());
        assertEquals(onboardingPlans.size(), all.started());
        assertEquals(completed, all.completed());
    }
}
