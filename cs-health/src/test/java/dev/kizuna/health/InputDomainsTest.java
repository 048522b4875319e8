package dev.kizuna.health;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.kizuna.health.Fixtures.NOW;
import static dev.kizuna.health.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InputDomainsTest {
    private static final SignalName DEPENDENTS = SignalName.of("custom.dependents");
    private static final SignalName SEATS = SignalName.of("custom.seats");
    private static final ScorecardDefinition CARD = ScorecardDefinition.builder(ModelId.of("d", "1"))
            .add(Measure.of("nps", SignalName.SENTIMENT_NPS, 1, Normaliser.linear(-100, 100)))
            .add(Measure.of("dependents", DEPENDENTS, 1, Normaliser.linear(0, 1)))
            .add(Measure.of("seats", SEATS, 1, Normaliser.linear(0, 50)))
            .add(Measure.of("open", SignalName.SUPPORT_OPEN_TICKETS, 1, Normaliser.linear(10, 0)))
            .build();
    private static final DeclaredDomainModel.Definition DECLARED = new DeclaredDomainModel.Definition(CARD,
            Map.of(DEPENDENTS, SignalDomain.FLAG, SEATS, SignalDomain.COUNT));

    @Test
    void eachInputHasItsDefinitionsDomain() {
        InputDomains domains = InputDomains.of(DECLARED);
        assertEquals(SignalDomain.FLAG, domains.of(DEPENDENTS));
        assertEquals(SignalDomain.between(-100, 100), domains.of(SignalName.SENTIMENT_NPS));
        assertEquals(SignalDomain.ANY, domains.of(SignalName.of("custom.unread")));
        assertEquals(CARD.inputs(), domains.domains().keySet());
    }

    @Test
    void aValueOutsideADeclaredDomainIsRejectedNamingSignalValueAndDomain() {
        InputDomains domains = InputDomains.of(DECLARED);
        SignalSnapshot seven = snapshot("custom.dependents", 7, "custom.seats", 2.5);
        assertEquals(Optional.of("7 is outside the domain of custom.dependents: 0 or 1"), domains.problem(seven));
        var e = assertThrows(IllegalArgumentException.class, () -> domains.check(seven));
        assertEquals("7 is outside the domain of custom.dependents: 0 or 1", e.getMessage());
        assertEquals(Optional.of("2.5 is outside the domain of custom.seats: a whole number from 0 up"),
                domains.problem(snapshot("custom.dependents", 1, "custom.seats", 2.5)));
        SignalSnapshot fine = snapshot("custom.dependents", 1, "custom.seats", 3, "custom.unread", -5);
        assertSame(fine, domains.check(fine));
    }

    @Test
    void withoutDeclarationsEverySnapshotPasses() {
        InputDomains domains = InputDomains.of(CARD);
        SignalSnapshot any = snapshot("custom.dependents", 7, "sentiment.nps", -100);
        assertSame(any, domains.check(any));
    }

    @Test
    void aLeversDomainIsTheInputsNarrowedByTheSnapshot() {
        InputDomains domains = InputDomains.of(DECLARED);
        SignalSnapshot s = snapshot("support.open_tickets", 6, "support.escalated_tickets", 2, "custom.seats", 4);
        assertEquals(new SignalDomain(2, Double.MAX_VALUE, true), domains.leverDomain(SignalName.SUPPORT_OPEN_TICKETS,
                s));
        assertEquals(SignalDomain.COUNT, domains.leverDomain(SEATS, s));
        assertEquals(SignalDomain.FLAG, domains.leverDomain(DEPENDENTS, s));
    }

    @Test
    void everyModelRejectsAValueOutsideItsInputsDomainWithTheSameWords() {
        HealthModel model = DeclaredDomainModel.of(CARD, Map.of(DEPENDENTS, SignalDomain.FLAG));
        SignalSnapshot seven = snapshot("sentiment.nps", 10, "custom.dependents", 7);
        assertEquals("7 is outside the domain of custom.dependents: 0 or 1",
                assertThrows(IllegalArgumentException.class, () -> model.score(seven, NOW)).getMessage());
        assertEquals("7 is outside the domain of custom.dependents: 0 or 1",
                assertThrows(IllegalArgumentException.class, () -> model.explain(seven, NOW)).getMessage());
    }
}
