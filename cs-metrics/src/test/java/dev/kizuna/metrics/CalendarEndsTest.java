package dev.kizuna.metrics;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.ActivityRecord;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.cohort.CohortMatrix;
import dev.kizuna.metrics.cohort.KaplanMeier;
import dev.kizuna.metrics.engagement.Stickiness;
import dev.kizuna.metrics.engagement.UserActivity;
import dev.kizuna.metrics.retention.LogoChurn;
import dev.kizuna.metrics.retention.LogoChurnConvention;
import dev.kizuna.metrics.retention.RevenueRetention;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.SubscriptionEventFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The metrics at both ends of the supported calendar and beyond: answers, or rejections that say why. */
class CalendarEndsTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final RecurringCharge CHARGE = RecurringCharge.monthly("pro", Money.of("10", "EUR"), 1);

    private static void rejects(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static MrrLedger ledgerAtBothEnds() {
        return MrrLedger.build(List.of(SubscriptionEvent.start(ACME, "old", FIRST, CHARGE),
                SubscriptionEvent.end(ACME, "old", FIRST.plusDays(40)),
                SubscriptionEvent.start(ACME, "new", LAST.minusDays(3), CHARGE),
                SubscriptionEvent.start(AccountId.of("beta"), "x", LAST, CHARGE)));
    }

    @Test
    void theLedgerAnswersForAnyDateInsteadOfOverflowing() {
        // MrrLedger.day used Math.toIntExact(epochDay): +999999999-12-31 was "ArithmeticException: integer overflow".
        MrrLedger ledger = ledgerAtBothEnds();
        assertEquals(Money.of("20", "EUR"), ledger.mrrOn(LocalDate.of(999_999_999, 12, 31)));
        assertEquals(Money.of("20", "EUR"), ledger.mrrOn(LocalDate.MAX));
        assertEquals(Money.zero(ledger.currency()), ledger.mrrOn(LocalDate.MIN));
        assertEquals(Money.of("10", "EUR"), ledger.mrrOn(FIRST));
        assertEquals(2, ledger.payingCustomersOn(LAST));
        assertEquals(4, ledger.movements().size());
    }

    @Test
    void rangesLieInTheCalendarAndEndAtTheLatestTheDayAfterIt() {
        rejects("start: 0000-12-31 is outside the supported dates, from 0001-01-01 to 9999-12-31",
                () -> DateRange.of(LocalDate.of(0, 12, 31), FIRST));
        rejects("end: +10000-01-02 is after the end of the supported dates: a range ends (exclusively) on"
                + " +10000-01-01 at the latest", () -> DateRange.of(LAST, LAST.plusDays(2)));
        assertEquals(LAST, DateRange.inclusive(LAST, LAST).lastDay());
        assertEquals(DateRange.of(FIRST, FIRST.plusDays(10)), DateRange.trailing(FIRST.plusDays(10), 30));
        rejects("end: 0001-01-01 must be after start 0001-01-01 (the end of a range is excluded)",
                () -> DateRange.trailing(FIRST, 30));
        rejects("end: +999999999-12-31 is outside the supported dates, from 0001-01-01 to 9999-12-31 (+10000-01-01 as"
                + " the end of a period)", () -> DateRange.trailing(LocalDate.MAX, 30));
    }

    @Test
    void theLastWeekOfTheCalendarIsCutAtItsEnd() {
        assertEquals(DateRange.of(LocalDate.of(9999, 12, 27), DateRange.END_OF_CALENDAR),
                ReportingPeriod.WEEK.containing(LAST));
        assertEquals(DateRange.of(FIRST, LocalDate.of(1, 1, 8)), ReportingPeriod.WEEK.containing(FIRST));
        assertEquals(DateRange.of(LocalDate.of(9999, 1, 1), DateRange.END_OF_CALENDAR),
                ReportingPeriod.YEAR.containing(LAST));
        rejects("date: +999999999-12-31 is outside the supported dates, from 0001-01-01 to 9999-12-31",
                () -> ReportingPeriod.MONTH.containing(LocalDate.MAX));
    }

    @Test
    void shiftingBeyondTheCalendarIsRejectedNotOverflowed() {
        rejects("count: -9223372036854775808 day periods from the one containing 2024-01-01 is outside the supported"
                + " dates, from 0001-01-01 to 9999-12-31", () -> ReportingPeriod.DAY.shifted(LocalDate.of(2024, 1, 1),
                Long.MIN_VALUE));
        rejects("count: 1 quarter periods from the one containing 9999-12-31 is outside the supported dates, from"
                + " 0001-01-01 to 9999-12-31", () -> ReportingPeriod.QUARTER.shifted(LAST, 1));
        assertEquals(ReportingPeriod.MONTH.containing(FIRST), ReportingPeriod.MONTH.shifted(LAST, -119_987));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void reportsOfTheWholeCalendarAreBoundedInSize() {
        MrrLedger ledger = ledgerAtBothEnds();
        assertEquals(119_988, ledger.summaries(ReportingPeriod.MONTH, FIRST, LAST).size());
        assertEquals(10_000 - 1, ledger.summaries(ReportingPeriod.YEAR, FIRST, LAST).size());
        rejects("last: 0001-01-01 to 9999-12-31 holds 3652059 day periods, over the limit of 120000; report a shorter"
                + " span, or by a longer period", () -> ledger.summaries(ReportingPeriod.DAY, FIRST, LAST));
        rejects("last: 0001-01-01 to 9999-12-31 holds 119988 month periods, over the limit of 400 for a cohort"
                + " matrix; use a shorter span, or a longer period",
                () -> CohortMatrix.of(ledger, ReportingPeriod.MONTH, FIRST, LAST));
        assertEquals(400, CohortMatrix.of(ledger, ReportingPeriod.YEAR, LocalDate.of(9600, 1, 1), LAST).rows().size());
    }

    @Test
    void retentionAndSurvivalAtTheEndsOfTheCalendar() {
        MrrLedger ledger = ledgerAtBothEnds();
        RevenueRetention.trailingTwelveMonths(ledger, DateRange.END_OF_CALENDAR);
        RevenueRetention.trailingTwelveMonths(ledger, FIRST.plusDays(1));
        rejects("asOf: 0001-01-01 leaves no day before it to measure: the trailing twelve months end the day before"
                + " asOf", () -> RevenueRetention.trailingTwelveMonths(ledger, FIRST));
        rejects("asOf: +999999999-12-31 is outside the supported dates, from 0001-01-01 to 9999-12-31",
                () -> KaplanMeier.customerLifetimes(ledger, LocalDate.MAX));
        assertEquals(2, KaplanMeier.customerLifetimes(ledger, LAST).size());
        rejects("months: 2147483647 months before the month of 2024-06-15 start before 0001-01-01, the first"
                + " supported date", () -> LogoChurn.trailingMonthlyAverage(ledger, LocalDate.of(2024, 6, 15),
                Integer.MAX_VALUE, LogoChurnConvention.START_OF_PERIOD));
    }

    @Test
    void framesHoldOnlySupportedDaysAndAmounts() {
        SubscriptionEventFrame.Builder frame = SubscriptionEventFrame.builder().currency(Money.currency("EUR"));
        int a = frame.account(ACME);
        int s = frame.subscription("s");
        int p = frame.plan("pro");
        rejects("rows[0].effectiveDate: epoch day 2932897 (+10000-01-01) is outside the supported dates, from"
                + " 0001-01-01 to 9999-12-31", () -> frame.start(a, s, 2_932_897, p, 1L));
        rejects("rows[0].effectiveDate: epoch day -2147483648 (-5877641-06-23) is outside the supported dates, from"
                + " 0001-01-01 to 9999-12-31", () -> frame.end(a, s, Integer.MIN_VALUE));
        rejects("rows[0].mrr: 1E+999999999 is out of range: at most 18 digits before the decimal point",
                () -> frame.start(a, s, 0, p, new BigDecimal("1e999999999")));
        frame.start(a, s, (int) LAST.toEpochDay(), p, 1L).end(a, s, (int) LAST.toEpochDay());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void stickinessOverTheWholeCalendarCountsOnlyActiveDays() {
        // One set per day of the window was 3.6 million sets for this window.
        List<UserActivity> activity = new ArrayList<>();
        activity.add(UserActivity.of(ACME, "u1", FIRST));
        activity.add(UserActivity.of(ACME, "u1", LAST));
        activity.add(UserActivity.of(ACME, "u2", LAST));
        Stickiness all = Stickiness.of(activity, DateRange.inclusive(FIRST, LAST));
        for (int i = 1; i <= 100; i++) {
            // A set per day made each of these windows cost 3.6 million sets; now they cost what the activity costs.
            assertEquals(2, Stickiness.of(activity, DateRange.inclusive(FIRST.plusDays(i), LAST)).dailyActiveTotal());
        }
        assertEquals(2, all.windowActive());
        assertEquals(3, all.dailyActiveTotal());
        assertEquals(1, Stickiness.onDay(activity, FIRST).windowActive());
    }

    @Test
    void anActivityThatAZoneMovesPastTheCalendarIsRejectedWithTheZone() {
        ActivityRecord late = ActivityRecord.of(ACME, "u", Instant.parse("9999-12-31T20:00:00Z"), "login");
        rejects("at: 9999-12-31T20:00:00Z is +10000-01-01 in zone Asia/Tokyo, outside the supported dates, from"
                + " 0001-01-01 to 9999-12-31", () -> UserActivity.from(late, ZoneId.of("Asia/Tokyo")));
        assertEquals(LAST, UserActivity.from(late, ZoneId.of("UTC")).date());
    }
}
