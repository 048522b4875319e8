package dev.kizuna.core;

import dev.kizuna.core.event.ActivityRecord;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SupportTicket;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsagePeriod;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.journey.StageEntry;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.plan.GoalTemplate;
import dev.kizuna.core.plan.Milestone;
import dev.kizuna.core.plan.MilestoneKind;
import dev.kizuna.core.plan.MilestoneTemplate;
import dev.kizuna.core.plan.SmartGoal;
import dev.kizuna.core.plan.Touchpoint;
import dev.kizuna.core.plan.TouchpointChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every value type with a date or an instant keeps it within the supported range, and says so when it is not. */
class ValueDatesTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final LocalDate FAR = LocalDate.of(999_999_999, 12, 31);
    private static final LocalDate BEFORE = LocalDate.of(0, 12, 31);
    private static final Instant FAR_INSTANT = Instant.parse("+1000000000-12-31T23:59:59Z");
    private static final Instant EARLY_INSTANT = Instant.parse("-1000000000-01-01T00:00:00Z");
    private static final String DATES = " is outside the supported dates, from 0001-01-01 to 9999-12-31";
    private static final String INSTANTS = " is outside the supported instants, 0001-01-01T00:00:00Z to"
            + " 9999-12-31T23:59:59.999999999Z";
    private static final RecurringCharge CHARGE = RecurringCharge.monthly("pro", Money.of("10", "EUR"), 1);

    private static void rejects(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void eventDatesOutsideTheRangeAreRejectedWithTheRange() {
        assertAll(
                () -> rejects("effectiveDate: +999999999-12-31" + DATES,
                        () -> SubscriptionEvent.start(ACME, "s", FAR, CHARGE)),
                () -> rejects("recordedOn: 0000-12-31" + DATES, () -> new SubscriptionEvent(ACME, "s",
                        SubscriptionEvent.Kind.END, LocalDate.of(2024, 1, 1), BEFORE, Optional.empty())),
                () -> rejects("date: +999999999-12-31" + DATES, () -> Purchase.of(ACME, FAR, Money.of("1", "EUR"))),
                () -> rejects("date: 0000-12-31" + DATES,
                        () -> UsageRecord.builder(ACME, BEFORE, UsagePeriod.DAY).activeUsers(1).logins(1).build()),
                () -> rejects("at: +1000000000-12-31T23:59:59Z" + INSTANTS,
                        () -> ActivityRecord.of(ACME, "u", FAR_INSTANT, "login")),
                () -> rejects("answeredAt: -1000000000-01-01T00:00:00Z" + INSTANTS,
                        () -> SurveyResponse.nps(ACME, "r", EARLY_INSTANT, 9)),
                () -> rejects("openedAt: -1000000000-01-01T00:00:00Z" + INSTANTS,
                        () -> SupportTicket.open("t", ACME, EARLY_INSTANT, SupportTicket.Priority.LOW)),
                () -> rejects("closedAt: +1000000000-12-31T23:59:59Z" + INSTANTS,
                        () -> SupportTicket.open("t", ACME, Instant.EPOCH, SupportTicket.Priority.LOW)
                                .withStatus(SupportTicket.Status.SOLVED, FAR_INSTANT)),
                () -> rejects("enteredAt: +1000000000-12-31T23:59:59Z" + INSTANTS,
                        () -> StageEntry.of(JourneyStage.ADVOCACY, FAR_INSTANT)));
    }

    @Test
    void planDatesOutsideTheRangeAreRejectedWithTheRange() {
        assertAll(
                () -> rejects("milestone.dueDate: +999999999-12-31" + DATES,
                        () -> Milestone.of("Kickoff", MilestoneKind.KICKOFF, FAR, CsRole.CUSTOMER_SUCCESS_MANAGER)),
                () -> rejects("milestone.completedOn: 0000-12-31" + DATES,
                        () -> Milestone.of("Kickoff", MilestoneKind.KICKOFF, LocalDate.of(2024, 1, 1),
                                CsRole.CUSTOMER_SUCCESS_MANAGER).completed(BEFORE)),
                () -> rejects("goal.dueDate: +999999999-12-31" + DATES,
                        () -> SmartGoal.of("g", "m", 0, 1, LocalDate.of(2024, 1, 1), FAR)),
                () -> rejects("touchpoint.date: 0000-12-31" + DATES, () -> Touchpoint.of(TouchpointChannel.CALL, BEFORE)),
                () -> rejects("contract.renewalDate: +999999999-12-31" + DATES,
                        () -> new Contract(LocalDate.of(2024, 1, 1), FAR, Period.ofYears(1))));
    }

    @Test
    void bothEndsOfTheRangeAreAccepted() {
        assertEquals(Dates.LATEST, SubscriptionEvent.start(ACME, "s", Dates.LATEST, CHARGE).effectiveDate());
        assertEquals(Dates.EARLIEST, Purchase.of(ACME, Dates.EARLIEST, Money.of("1", "EUR")).date());
        assertEquals(Dates.LATEST_INSTANT, ActivityRecord.of(ACME, "u", Dates.LATEST_INSTANT, "login").at());
        assertEquals(Dates.EARLIEST_INSTANT, SurveyResponse.nps(ACME, "r", Dates.EARLIEST_INSTANT, 9).answeredAt());
        // A month that starts on the last supported month ends (exclusively) on the day after the range.
        UsageRecord december = UsageRecord.builder(ACME, LocalDate.of(9999, 12, 1), UsagePeriod.MONTH)
                .activeUsers(1).logins(1).build();
        assertEquals(LocalDate.of(10_000, 1, 1), december.endExclusive());
        assertEquals(true, december.covers(Dates.LATEST));
    }

    @Test
    void aContractTermThatRunsPastTheCalendarIsRejectedNotOverflowed() {
        rejects("contract.term: P10Y after contract.startDate 9999-06-01 ends on +10009-06-01, after the last"
                + " supported date 9999-12-31", () -> Contract.starting(LocalDate.of(9999, 6, 1), Period.ofYears(10)));
        rejects("contract.term: P2147483647Y is longer than the supported calendar, 0001-01-01 to 9999-12-31",
                () -> Contract.starting(LocalDate.of(2024, 1, 1), Period.ofYears(Integer.MAX_VALUE)));
        rejects("contract.term: P2147483647M2147483647D is longer than the supported calendar, 0001-01-01 to"
                + " 9999-12-31", () -> new Contract(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1),
                Period.of(0, Integer.MAX_VALUE, Integer.MAX_VALUE)));
        rejects("contract.term: P1Y-1M must be positive, with no negative part",
                () -> Contract.starting(LocalDate.of(2024, 1, 1), Period.of(1, -1, 0)));
        rejects("contract.startDate: +999999999-12-31" + DATES, () -> Contract.starting(FAR, Period.ofYears(1)));
        assertEquals(LocalDate.of(9999, 12, 31),
                Contract.starting(LocalDate.of(9998, 12, 31), Period.ofYears(1)).renewalDate());
    }

    @Test
    void templatesSayWhichOffsetRunsPastTheCalendar() {
        rejects("goal.dueInDays: 90 days after the start 9999-12-01 is +10000-02-29, after the last supported date"
                + " 9999-12-31", () -> GoalTemplate.of("g", "m", 0, 1, 90).instantiate(LocalDate.of(9999, 12, 1), 0));
        rejects("milestone.dueInDays: 2147483647 days after the start 2024-01-01 is +5881634-07-11, after the last"
                + " supported date 9999-12-31", () -> MilestoneTemplate.of("m", MilestoneKind.KICKOFF,
                Integer.MAX_VALUE, CsRole.CUSTOMER_SUCCESS_MANAGER).instantiate(LocalDate.of(2024, 1, 1)));
        rejects("start: +999999999-12-31" + DATES, () -> MilestoneTemplate.of("m", MilestoneKind.KICKOFF, 0,
                CsRole.CUSTOMER_SUCCESS_MANAGER).instantiate(FAR));
    }
}
