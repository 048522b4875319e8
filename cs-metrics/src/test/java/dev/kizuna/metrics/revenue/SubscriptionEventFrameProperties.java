package dev.kizuna.metrics.revenue;

import dev.kizuna.core.Money;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.testing.Portfolios;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The frame path builds the ledger the object path builds, and fails with the same messages. */
class SubscriptionEventFrameProperties {
    private static final LocalDate FIRST = Portfolios.BASE;
    private static final LocalDate LAST = Portfolios.BASE.plusYears(2).minusDays(1);

    private static LedgerOptions options(boolean atRequest) {
        return atRequest ? LedgerOptions.defaults().withChurnRecognition(ChurnRecognition.CANCELLATION_REQUEST)
                : LedgerOptions.defaults();
    }

    static void assertSameLedger(MrrLedger objects, MrrLedger frame) {
        assertEquals(objects.currency(), frame.currency());
        assertEquals(objects.accounts(), frame.accounts());
        assertEquals(objects.eventCount(), frame.eventCount());
        assertEquals(objects.movementCount(), frame.movementCount());
        assertEquals(objects.excludedEventCount(), frame.excludedEventCount());
        assertEquals(objects.accountsWithoutPaidMrr(), frame.accountsWithoutPaidMrr());
        assertEquals(objects.movements(), frame.movements());
        for (ReportingPeriod unit : List.of(ReportingPeriod.MONTH, ReportingPeriod.QUARTER)) {
            assertEquals(objects.summaries(unit, FIRST, LAST), frame.summaries(unit, FIRST, LAST));
        }
        DateRange all = DateRange.of(FIRST.minusYears(1), LAST.plusYears(3));
        assertEquals(objects.subscriptionChanges(all), frame.subscriptionChanges(all));
        for (int r = 0; r < objects.accounts().size(); r++) {
            CustomerHistory h = objects.histories().get(r);
            assertEquals(h.movements(), frame.history(h.account()).orElseThrow().movements());
        }
    }

    @Property
    void frameLedgerEqualsTheObjectLedger(@ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes,
                                          @ForAll long seed, @ForAll boolean shuffle, @ForAll boolean atRequest) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        if (shuffle) {
            events = Portfolios.shuffled(events, seed); // accounts interleaved: the counting sort moves rows
        }
        LedgerOptions options = options(atRequest);
        assertSameLedger(MrrLedger.build(events, options), MrrLedger.build(SubscriptionEventFrame.of(events), options));
    }

    @Property
    void frameLedgerConvertsAsTheObjectLedgerDoes(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes, @ForAll long seed) {
        List<SubscriptionEvent> events = Portfolios.shuffled(Portfolios.decode(genes), seed);
        MoneyConverter toUsd = (amount, target, date) -> Money.of(amount.amount().multiply(
                new java.math.BigDecimal("1.0" + date.getDayOfMonth())), target);
        LedgerOptions options = LedgerOptions.defaults().withConversion(Currency.getInstance("USD"), toUsd);
        assertSameLedger(MrrLedger.build(events, options), MrrLedger.build(SubscriptionEventFrame.of(events), options));
    }

    @Property
    void brokenHistoriesFailAlikeNamingTheSameRow(
            @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes,
            @ForAll @IntRange(min = 0, max = 1000) int victim, @ForAll @IntRange(min = -120, max = 120) int shift,
            @ForAll boolean drop, @ForAll long seed, @ForAll boolean atRequest) {
        List<SubscriptionEvent> events = new ArrayList<>(Portfolios.decode(genes));
        int i = victim % events.size();
        SubscriptionEvent e = events.get(i);
        if (drop) {
            events.remove(i);
        } else {
            events.set(i, new SubscriptionEvent(e.account(), e.subscriptionId(), e.kind(), e.effectiveDate().plusDays(shift),
                    e.recordedOn().plusDays(shift), e.charge()));
        }
        List<SubscriptionEvent> input = Portfolios.shuffled(events, seed);
        LedgerOptions options = options(atRequest);
        Optional<String> objectError = error(() -> MrrLedger.build(input, options));
        Optional<String> frameError = error(() -> MrrLedger.build(SubscriptionEventFrame.of(input), options));
        if (objectError.isEmpty()) {
            assertEquals(Optional.empty(), frameError);
            assertSameLedger(MrrLedger.build(input, options), MrrLedger.build(SubscriptionEventFrame.of(input), options));
            return;
        }
        String expected = objectError.get().replaceFirst(":events\\[", ":rows[")
                .replace(":events: the list is empty", ":frame: the frame is empty");
        String actual = frameError.orElseThrow();
        if (new HashSet<>(input).size() != input.size()) {
            // The object path names the first of equal events; the frame names the row itself.
            expected = expected.replaceFirst(":rows\\[\\d+]", ":");
            actual = actual.replaceFirst(":rows\\[\\d+]", ":");
        }
        assertEquals(expected, actual);
    }

    private static Optional<String> error(Runnable build) {
        try {
            build.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getClass().getSimpleName() + ":" + e.getMessage());
        }
    }

    @Property(tries = 50)
    void framesOfTheSameEventsAreReadBackAsThoseEvents(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        SubscriptionEventFrame frame = SubscriptionEventFrame.of(events);
        assertEquals(events.size(), frame.rows());
        for (int r = 0; r < events.size(); r++) {
            SubscriptionEvent e = events.get(r);
            assertEquals(e.account(), frame.account(r));
            assertEquals(e.subscriptionId(), frame.subscriptionId(r));
            assertEquals(e.kind(), frame.kind(r));
            assertEquals(e.effectiveDate(), frame.effectiveDate(r));
            assertEquals(e.recordedOn(), frame.recordedOn(r));
            assertEquals(e.charge().map(c -> c.plan()), frame.plan(r));
            assertEquals(e.charge().map(c -> c.mrr()), frame.mrr(r));
        }
    }

    @Property
    void assertionsAreNotVacuous(@ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes) {
        // A frame missing its last row must give a different ledger (or fail): the comparison can fail.
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        List<SubscriptionEvent> fewer = events.subList(0, events.size() - 1);
        MrrLedger objects = MrrLedger.build(events, LedgerOptions.defaults().withCurrency(Currency.getInstance("EUR")));
        MrrLedger frame = MrrLedger.build(SubscriptionEventFrame.of(fewer),
                LedgerOptions.defaults().withCurrency(Currency.getInstance("EUR")));
        assertThrows(AssertionError.class, () -> assertSameLedger(objects, frame));
    }
}
