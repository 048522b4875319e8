package dev.kizuna.metrics.cohort;

import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.ConfidenceLevel;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.testing.Portfolios;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortProperties {
    private static final Ratio ONE = Ratio.of(1, 1).orElseThrow();

    private static List<SurvivalObservation> observations(List<Integer> genes) {
        List<SurvivalObservation> obs = new ArrayList<>();
        for (int g : genes) {
            obs.add(new SurvivalObservation(g % 40, g % 3 != 0));
        }
        return obs;
    }

    @Property
    void survivalIsNonIncreasingAndInsideItsBand(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 10_000) Integer> genes,
                                                @ForAll ConfidenceBand band) {
        KaplanMeier km = KaplanMeier.fit(observations(genes), ConfidenceLevel.NINETY_FIVE, band);
        double previous = 1;
        for (SurvivalStep s : km.steps()) {
            assertTrue(s.survival() <= previous);
            assertTrue(s.lower() <= s.survival() && s.survival() <= s.upper());
            previous = s.survival();
        }
        for (double t = 0; t <= 41; t += 0.5) {
            assertTrue(km.survivalAt(t) >= km.survivalAt(t + 0.5));
        }
        assertEquals(genes.size(), km.subjects());
    }

    @Property
    void withoutCensoringSurvivalIsTheShareStillAlive(@ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 50) Integer> times) {
        List<SurvivalObservation> obs = times.stream().map(t -> SurvivalObservation.event(t)).toList();
        KaplanMeier km = KaplanMeier.fit(obs);
        for (int t = 0; t <= 50; t++) {
            int at = t;
            double alive = (double) times.stream().filter(x -> x > at).count() / times.size();
            assertEquals(alive, km.survivalAt(t), 1e-9);
        }
    }

    @Property
    void curveDoesNotDependOnInputOrder(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 10_000) Integer> genes,
                                       @ForAll long seed) {
        List<SurvivalObservation> obs = observations(genes);
        List<SurvivalObservation> shuffled = new ArrayList<>(obs);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(KaplanMeier.fit(obs), KaplanMeier.fit(shuffled));
    }

    @Property
    void cohortRetentionStaysInBoundsAndIgnoresOrderAndNonPayers(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1000) Integer> genes, @ForAll long seed) {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        List<SubscriptionEvent> other = new ArrayList<>(Portfolios.shuffled(events, seed));
        other.addAll(Portfolios.neverPaying("zz-trialist"));
        LocalDate first = Portfolios.BASE;
        LocalDate last = Portfolios.BASE.plusMonths(17);
        CohortMatrix matrix = CohortMatrix.of(MrrLedger.build(events), ReportingPeriod.QUARTER, first, last);
        assertEquals(matrix, CohortMatrix.of(MrrLedger.build(other), ReportingPeriod.QUARTER, first, last));
        for (CohortRow row : matrix.rows()) {
            for (CohortCell cell : row.cells()) {
                cell.logoRetention().ifPresent(r -> assertTrue(r.compareTo(ONE) <= 0));
                cell.grossMrrRetention().ifPresent(g -> {
                    assertTrue(g.compareTo(ONE) <= 0);
                    assertTrue(g.compareTo(cell.netMrrRetention().orElseThrow()) <= 0);
                });
            }
        }
        assertEquals(KaplanMeier.fit(KaplanMeier.customerLifetimes(MrrLedger.build(events), last)),
                KaplanMeier.fit(KaplanMeier.customerLifetimes(MrrLedger.build(other), last)));
    }
}
