package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.testing.Portfolios;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MrrLedgerProperties {
    private static final LocalDate FIRST = Portfolios.BASE;
    private static final LocalDate LAST = Portfolios.BASE.plusYears(2).minusDays(1);

    private static LedgerOptions options(boolean atRequest) {
        return atRequest ? LedgerOptions.defaults().withChurnRecognition(ChurnRecognition.CANCELLATION_REQUEST)
                : LedgerOptions.defaults();
    }

    @Property
    void bridgeHoldsEveryMonthAndMatchesANaiveReplay(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes, @ForAll boolean atRequest) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        LedgerOptions options = options(atRequest);
        MrrLedger ledger = MrrLedger.build(events, options);
        for (ReportingPeriod unit : List.of(ReportingPeriod.MONTH, ReportingPeriod.QUARTER)) {
            for (PeriodSummary s : ledger.summaries(unit, FIRST, LAST)) {
                // PeriodSummary's constructor has checked start + movements = end; here both ends meet a naive replay.
                BigDecimal start = Portfolios.naiveTotal(events, s.period().start().minusDays(1), options.churnRecognition());
                BigDecimal end = Portfolios.naiveTotal(events, s.period().lastDay(), options.churnRecognition());
                assertEquals(0, start.compareTo(s.startMrr().amount()), () -> "start of " + s.period());
                assertEquals(0, end.compareTo(s.endMrr().amount()), () -> "end of " + s.period());
            }
        }
    }

    @Property
    void bridgeHoldsForEveryCustomerAndCustomersAddUpToTheTotal(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes,
            @ForAll @IntRange(min = 0, max = 700) int startDay, @ForAll @IntRange(min = 1, max = 200) int days) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        MrrLedger ledger = MrrLedger.build(events);
        DateRange range = DateRange.of(FIRST.plusDays(startDay), FIRST.plusDays(startDay + days));
        PeriodSummary total = ledger.summary(range);
        Money start = Money.zero(ledger.currency());
        Money churn = Money.zero(ledger.currency());
        Money end = Money.zero(ledger.currency());
        long endCustomers = 0;
        for (CustomerHistory history : ledger.histories()) {
            PeriodSummary one = history.summary(range);
            assertEquals(0, one.endMrr().compareTo(history.mrrOn(range.lastDay())));
            start = start.plus(one.startMrr());
            churn = churn.plus(one.churnedMrr());
            end = end.plus(one.endMrr());
            endCustomers += one.endCustomers();
        }
        assertEquals(total.startMrr(), start);
        assertEquals(total.churnedMrr(), churn);
        assertEquals(total.endMrr(), end);
        assertEquals(total.endCustomers(), endCustomers);
    }

    @Property
    void resultsDoNotDependOnInputOrder(@ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes,
                                        @ForAll long seed, @ForAll boolean atRequest) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        MrrLedger ordered = MrrLedger.build(events, options(atRequest));
        MrrLedger shuffled = MrrLedger.build(Portfolios.shuffled(events, seed), options(atRequest));
        assertEquals(ordered.movements(), shuffled.movements());
        assertEquals(ordered.summaries(ReportingPeriod.MONTH, FIRST, LAST), shuffled.summaries(ReportingPeriod.MONTH, FIRST, LAST));
        DateRange year = DateRange.of(FIRST, FIRST.plusYears(1));
        assertEquals(ordered.subscriptionChanges(year), shuffled.subscriptionChanges(year));
    }

    @Property
    void addingACustomerWhoNeverPaysChangesNothing(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        List<SubscriptionEvent> more = new ArrayList<>(events);
        more.addAll(Portfolios.neverPaying("zz-trialist"));
        MrrLedger base = MrrLedger.build(events);
        MrrLedger withTrialist = MrrLedger.build(more);
        assertEquals(base.movements(), withTrialist.movements());
        assertEquals(base.summaries(ReportingPeriod.WEEK, FIRST, LAST), withTrialist.summaries(ReportingPeriod.WEEK, FIRST, LAST));
        assertEquals(base.accountsWithoutPaidMrr() + 1, withTrialist.accountsWithoutPaidMrr());
    }

    @Property
    void everyCustomerStartsWithNewBusinessAndMovementsChainTheirMrr(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        MrrLedger ledger = MrrLedger.build(events);
        for (CustomerHistory history : ledger.histories()) {
            List<MrrMovement> movements = history.movements();
            Money mrr = Money.zero(ledger.currency());
            for (int i = 0; i < movements.size(); i++) {
                MrrMovement m = movements.get(i);
                if (i == 0) {
                    assertEquals(MovementType.NEW, m.type());
                }
                assertEquals(mrr, m.mrrBefore());
                mrr = m.mrrAfter();
            }
            AccountId account = history.account();
            BigDecimal naive = Portfolios.naiveMrr(events, LAST.plusYears(5), ChurnRecognition.SERVICE_END)
                    .getOrDefault(account, BigDecimal.ZERO);
            assertEquals(0, naive.compareTo(mrr.amount()));
        }
    }
}
