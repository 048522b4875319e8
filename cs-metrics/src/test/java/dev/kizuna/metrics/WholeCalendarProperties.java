package dev.kizuna.metrics;

import dev.kizuna.core.Dates;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.cohort.CohortMatrix;
import dev.kizuna.metrics.cohort.KaplanMeier;
import dev.kizuna.metrics.engagement.Stickiness;
import dev.kizuna.metrics.engagement.UserActivity;
import dev.kizuna.metrics.retention.LogoChurn;
import dev.kizuna.metrics.retention.LogoChurnConvention;
import dev.kizuna.metrics.retention.RevenueRetention;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.metrics.revenue.SubscriptionEventFrame;
import dev.kizuna.metrics.testing.Portfolios;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dates anywhere in the supported calendar, both ends included, never crash the ledger, the periods, the cohorts or
 * survival: each either answers or throws its documented {@link IllegalArgumentException} saying why.
 */
class WholeCalendarProperties {
    private static final long FIRST = Dates.EARLIEST.toEpochDay();
    private static final long LAST = Dates.LATEST.toEpochDay();

    /** Where a portfolio's events are put: at the start of the calendar, at its end, or spread over all of it. */
    enum Placement { START, END, SPREAD }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(FIRST, LAST)
                .edgeCases(c -> c.includeOnly(FIRST, FIRST + 1, LAST - 1, LAST)).map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<LocalDate> anyDates() {
        return Arbitraries.oneOf(dates(), Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(0, 12, 31),
                LocalDate.of(10_000, 1, 1), LocalDate.of(-999_999_999, 1, 1)));
    }

    /** The portfolio of {@code genes}, its days moved by a strictly increasing map, so every event stays valid. */
    static List<SubscriptionEvent> placed(List<Integer> genes, Placement placement) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        long max = 1;
        for (SubscriptionEvent e : events) {
            max = Math.max(max, offset(e.effectiveDate()));
            max = Math.max(max, offset(e.recordedOn()));
        }
        long top = max;
        long scale = Math.max(1, (LAST - FIRST) / top);
        List<SubscriptionEvent> out = new ArrayList<>(events.size());
        for (SubscriptionEvent e : events) {
            out.add(new SubscriptionEvent(e.account(), e.subscriptionId(), e.kind(),
                    move(e.effectiveDate(), placement, top, scale), move(e.recordedOn(), placement, top, scale),
                    e.charge()));
        }
        return out;
    }

    private static long offset(LocalDate date) {
        return ChronoUnit.DAYS.between(Portfolios.BASE, date) + 200; // cancellations may be asked before BASE
    }

    private static LocalDate move(LocalDate date, Placement placement, long top, long scale) {
        long k = offset(date);
        return LocalDate.ofEpochDay(switch (placement) {
            case START -> FIRST + k;
            case END -> LAST - (top - k);
            case SPREAD -> FIRST + k * scale;
        });
    }

    @Property(tries = 200)
    void theLedgerAnswersForEveryDateOfTheCalendarAndBeyond(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 1000) Integer> genes, @ForAll Placement placement,
            @ForAll("anyDates") LocalDate asked) {
        List<SubscriptionEvent> events = placed(genes, placement);
        MrrLedger ledger = MrrLedger.build(events);
        MrrLedger framed = MrrLedger.build(SubscriptionEventFrame.of(events));
        assertEquals(ledger.movements(), framed.movements());
        ledger.mrrOn(asked);
        ledger.payingCustomersOn(asked);
        assertEquals(ledger.mrrOn(Dates.LATEST), ledger.mrrOn(LocalDate.MAX));
        assertEquals(0, ledger.mrrOn(LocalDate.MIN).amount().signum());
        ledger.histories().forEach(h -> h.isPayingOn(asked));
    }

    @Property(tries = 200)
    void periodsSummariesCohortsAndSurvivalAnswerOrSayWhy(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 1000) Integer> genes, @ForAll Placement placement,
            @ForAll ReportingPeriod unit, @ForAll("dates") LocalDate a, @ForAll("dates") LocalDate b) {
        MrrLedger ledger = MrrLedger.build(placed(genes, placement));
        LocalDate first = a.isBefore(b) ? a : b;
        LocalDate last = a.isBefore(b) ? b : a;
        try {
            List<PeriodSummary> summaries = ledger.summaries(unit, first, last);
            assertTrue(summaries.size() <= ReportingPeriod.MAX_PERIODS);
            assertTrue(summaries.get(summaries.size() - 1).period().end().compareTo(DateRange.END_OF_CALENDAR) <= 0);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("last: ") && e.getMessage().contains("over the limit of"),
                    e.getMessage());
        }
        try {
            CohortMatrix.of(ledger, unit, first, last);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("last: ") && e.getMessage().contains("over the limit of"),
                    e.getMessage());
        }
        KaplanMeier.fit(KaplanMeier.customerLifetimes(ledger, last));
        ledger.summary(unit.containing(last));
        try {
            RevenueRetention.trailingTwelveMonths(ledger, last);
        } catch (IllegalArgumentException e) {
            assertEquals("asOf: 0001-01-01 leaves no day before it to measure: the trailing twelve months end the day"
                    + " before asOf", e.getMessage());
        }
        if (!first.equals(last)) {
            RevenueRetention.ofCohort(ledger, DateRange.of(first, last), last);
        }
    }

    @Property
    void shiftingAPeriodLandsInTheCalendarOrSaysWhy(@ForAll ReportingPeriod unit, @ForAll("dates") LocalDate date,
                                                    @ForAll long count) {
        try {
            DateRange shifted = unit.shifted(date, count);
            assertTrue(Dates.isSupported(shifted.start()));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("count: " + count + " "), e.getMessage());
        }
    }

    @Property
    void trailingWindowsAreCutAtTheStartOfTheCalendar(@ForAll("dates") LocalDate day,
                                                      @ForAll @IntRange(min = 1) int days) {
        DateRange window = DateRange.trailing(day.plusDays(1), days);
        assertEquals(day, window.lastDay());
        assertTrue(window.days() <= days);
        Stickiness.onDay(List.of(UserActivity.of(dev.kizuna.core.AccountId.of("a"), "u", day)), day);
    }

    @Property
    void trailingChurnAveragesReachBackOnlyWithinTheCalendar(@ForAll("dates") LocalDate asOf,
                                                           @ForAll @IntRange(min = 1) int months) {
        MrrLedger ledger = MrrLedger.build(Portfolios.decode(List.of(1, 2, 3)));
        try {
            LogoChurn.trailingMonthlyAverage(ledger, asOf, months, LogoChurnConvention.START_OF_PERIOD);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("months: " + months + " months before"), e.getMessage());
        }
    }
}
