package dev.kizuna.health.backtest;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.outcome.Labels;
import dev.kizuna.health.outcome.Outcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A snapshot's label is exactly "a target outcome in (t, t + horizon]", and its censoring "t + horizon after the end
 * of observation": nothing before t, after the horizon, or of another type ever changes it.
 */
class LabelProperties {
    private static final LocalDate START = LocalDate.parse("2025-01-01");

    record Case(List<SignalSnapshot> snapshots, List<Outcome> outcomes, int horizonDays, int endDay) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<SignalSnapshot> snapshot = Combinators.combine(Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 23))
                .as((a, day, hour) -> SignalSnapshot.empty(AccountId.of("a" + a),
                        START.plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * hour)));
        Arbitrary<Outcome> outcome = Combinators.combine(Arbitraries.integers().between(0, 5),
                        Arbitraries.of(Outcome.Type.values()), Arbitraries.integers().between(-30, 260))
                .as((a, type, day) -> new Outcome(AccountId.of("a" + a), type, START.plusDays(day)));
        return Combinators.combine(snapshot.list().ofMaxSize(30), outcome.list().ofMaxSize(20),
                Arbitraries.integers().between(1, 120), Arbitraries.integers().between(0, 300)).as(Case::new);
    }

    @Property
    void aLabelIsATargetOutcomeWithinTheHorizonAfterT(@ForAll("cases") Case c) {
        LocalDate end = START.plusDays(c.endDay());
        Backtest b = Backtest.builder(Period.ofDays(c.horizonDays())).observedUntil(end).build();
        Labels labels = b.labelling().label(SignalFrame.of(c.snapshots()), c.outcomes());
        Instant endInstant = end.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Integer> expectedEvents = new ArrayList<>();
        for (int i = 0; i < c.snapshots().size(); i++) {
            SignalSnapshot s = c.snapshots().get(i);
            Instant horizonEnd = s.at().plusSeconds(86_400L * c.horizonDays());
            boolean censored = horizonEnd.isAfter(endInstant);
            boolean event = false;
            for (Outcome o : c.outcomes()) {
                event |= o.account().equals(s.account()) && o.type() == Outcome.Type.CHURNED
                        && o.instant().isAfter(s.at()) && !o.instant().isAfter(horizonEnd);
            }
            assertEquals(censored, labels.isCensored(i), "censoring of " + s);
            assertEquals(event && !censored, labels.isEvent(i), "label of " + s);
            if (event && !censored) {
                expectedEvents.add(i);
            }
        }
        assertEquals(expectedEvents.size(), labels.events());
    }
}
