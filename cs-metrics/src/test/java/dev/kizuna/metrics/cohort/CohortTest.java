package dev.kizuna.metrics.cohort;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.ConfidenceLevel;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.MrrLedger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortTest {

    /**
     * Remission times in weeks of the 21 leukemia patients on 6-MP (Freireich et al. 1963, Blood 21:699); a '+'
     * marks a censored time: 6, 6, 6, 6+, 7, 9+, 10, 10+, 11+, 13, 16, 17+, 19+, 20+, 22, 23, 25+, 32+, 32+, 34+, 35+.
     */
    private static List<SurvivalObservation> sixMp() {
        List<SurvivalObservation> obs = new ArrayList<>();
        for (int t : new int[] {6, 6, 6, 7, 10, 13, 16, 22, 23}) {
            obs.add(SurvivalObservation.event(t));
        }
        for (int t : new int[] {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
            obs.add(SurvivalObservation.censored(t));
        }
        return obs;
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void kaplanMeierReproducesTheSixMpRemissionCurve() {
        // S(t) from Kleinbaum and Klein, "Survival Analysis: A Self-Learning Text", ch. 2 (remission data, group 1):
        // 0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482 at weeks 6, 7, 10, 13, 16, 22, 23. Standard errors
        // and the 95% band are those R's survival::survfit prints for the same data (conf.type "log", the default):
        // e.g. week 6: std.err 0.0764, band 0.720 to 1.000; week 23: 0.1346, 0.249 to 0.807; median 23, lower 16.
        KaplanMeier km = KaplanMeier.fit(sixMp());
        List<SurvivalStep> events = km.steps().stream().filter(s -> s.events() > 0).toList();
        double[] times = {6, 7, 10, 13, 16, 22, 23};
        long[] atRisk = {21, 17, 15, 12, 11, 7, 6};
        double[] survival = {0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482};
        double[] stdErr = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346};
        double[] lower = {0.720, 0.653, 0.586, 0.510, 0.439, 0.337, 0.249};
        double[] upper = {1.000, 0.996, 0.968, 0.935, 0.896, 0.858, 0.807};
        assertEquals(7, events.size());
        for (int i = 0; i < 7; i++) {
            SurvivalStep s = events.get(i);
            assertEquals(times[i], s.time());
            assertEquals(atRisk[i], s.atRisk());
            assertEquals(survival[i], s.survival(), 5e-5);
            assertEquals(stdErr[i], s.standardError(), 5e-5);
            assertEquals(lower[i], s.lower(), 5e-4);
            assertEquals(upper[i], s.upper(), 5e-4);
        }
        assertEquals(23, km.median().orElseThrow());
        assertEquals(16, km.medianLower().orElseThrow());
        assertTrue(km.medianUpper().isEmpty());
        assertEquals(9, km.events());
        assertEquals(12, km.censored());
        assertEquals(0.6275, km.survivalAt(20), 5e-5);
        assertEquals(1, km.survivalAt(5.99));
    }

    @Test
    void kaplanMeierOfThePlaceboGroupHasMedianEightWeeks() {
        // Kleinbaum and Klein, ch. 2: the 21 placebo patients (no censoring) relapse at 1, 1, 2, 2, 3, 4, 4, 5, 5, 8,
        // 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23 weeks; the median remission time is 8 weeks.
        List<SurvivalObservation> obs = new ArrayList<>();
        for (int t : new int[] {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23}) {
            obs.add(SurvivalObservation.event(t));
        }
        KaplanMeier km = KaplanMeier.fit(obs);
        assertEquals(8, km.median().orElseThrow());
        assertEquals(0, km.survivalAt(23));
        SurvivalStep last = km.steps().get(km.steps().size() - 1);
        assertEquals(0, last.standardError());
        assertEquals(0, last.upper());
    }

    @Test
    void bandsNestAroundTheCurve() {
        for (ConfidenceBand band : ConfidenceBand.values()) {
            KaplanMeier km = KaplanMeier.fit(sixMp(), ConfidenceLevel.NINETY, band);
            for (SurvivalStep s : km.steps()) {
                assertTrue(s.lower() <= s.survival() && s.survival() <= s.upper(), band + " at " + s.time());
            }
        }
        // Plain band at week 6: 0.8571 - 1.959964 x 0.0764 = 0.7074.
        SurvivalStep week6 = KaplanMeier.fit(sixMp(), ConfidenceLevel.NINETY_FIVE, ConfidenceBand.PLAIN).steps().get(0);
        assertEquals(0.7074, week6.lower(), 5e-4);
        assertEquals(1, week6.upper());
    }

    @Test
    void customerLifetimesComeFromTheLedgerWithCensoring() {
        Money price = Money.of("10", "EUR");
        MrrLedger ledger = MrrLedger.build(List.of(
                SubscriptionEvent.start(AccountId.of("a"), "s", d("2024-01-01"), RecurringCharge.monthly("p", price, 1)),
                SubscriptionEvent.end(AccountId.of("a"), "s", d("2024-01-31")),
                SubscriptionEvent.start(AccountId.of("a"), "s2", d("2024-03-01"), RecurringCharge.monthly("p", price, 1)),
                SubscriptionEvent.start(AccountId.of("b"), "s", d("2024-01-11"), RecurringCharge.monthly("p", price, 1)),
                SubscriptionEvent.end(AccountId.of("b"), "s", d("2024-06-01")),
                SubscriptionEvent.start(AccountId.of("c"), "s", d("2024-05-01"), RecurringCharge.monthly("p", price, 1))));
        List<SurvivalObservation> lifetimes = KaplanMeier.customerLifetimes(ledger, d("2024-03-31"));
        assertEquals(List.of(SurvivalObservation.event(30), SurvivalObservation.censored(81)), lifetimes);
    }

    @Test
    void cohortMatrixFollowsEachStartMonth() {
        Money price = Money.of("100", "EUR");
        List<SubscriptionEvent> events = List.of(
                SubscriptionEvent.start(AccountId.of("old"), "s", d("2023-11-05"), RecurringCharge.monthly("p", price, 1)),
                SubscriptionEvent.start(AccountId.of("a"), "s", d("2024-01-05"), RecurringCharge.monthly("p", price, 1)),
                SubscriptionEvent.start(AccountId.of("b"), "s", d("2024-01-20"), RecurringCharge.monthly("p", price, 1)),
                SubscriptionEvent.change(AccountId.of("a"), "s", d("2024-02-10"), RecurringCharge.monthly("p", price, 3)),
                SubscriptionEvent.end(AccountId.of("b"), "s", d("2024-03-01")),
                SubscriptionEvent.start(AccountId.of("c"), "s", d("2024-02-14"), RecurringCharge.monthly("p", price, 2)));
        CohortMatrix matrix = CohortMatrix.of(MrrLedger.build(events), ReportingPeriod.MONTH, d("2024-01-01"), d("2024-03-31"));
        assertEquals(1, matrix.earlierCustomers());
        assertEquals(3, matrix.rows().size());
        CohortRow january = matrix.rows().get(0);
        assertEquals(2, january.customers());
        assertEquals(Money.of("200", "EUR"), january.initialMrr());
        assertEquals(3, january.cells().size());
        CohortCell febOfJanuary = january.cells().get(1);
        assertEquals(Money.of("400", "EUR"), febOfJanuary.mrr());
        assertEquals(Optional.of(new BigDecimal("2")), febOfJanuary.netMrrRetention().map(Ratio::value));
        assertEquals(Optional.of(new BigDecimal("1")), febOfJanuary.grossMrrRetention().map(Ratio::value));
        CohortCell marOfJanuary = january.cells().get(2);
        assertEquals(Ratio.of(1, 2), marOfJanuary.logoRetention());
        assertEquals(Optional.of(new BigDecimal("1.5")), marOfJanuary.netMrrRetention().map(Ratio::value));
        assertEquals(Optional.of(new BigDecimal("0.5")), marOfJanuary.grossMrrRetention().map(Ratio::value));
        CohortRow march = matrix.rows().get(2);
        assertEquals(0, march.customers());
        assertTrue(march.cells().get(0).logoRetention().isEmpty(), "an empty cohort has no rates, not NaN");
    }

    // ---- bad input ----

    @Test
    void negativeOrInfiniteTimesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurvivalObservation.event(-1));
        assertEquals("time: -1.0 must be a finite number >= 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SurvivalObservation.censored(Double.NaN));
    }

    @Test
    void emptyInputGivesAnEmptyCurve() {
        KaplanMeier km = KaplanMeier.fit(List.of());
        assertTrue(km.steps().isEmpty());
        assertTrue(km.median().isEmpty());
        assertEquals(1, km.survivalAt(100));
    }
}
