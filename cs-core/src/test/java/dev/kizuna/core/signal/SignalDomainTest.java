package dev.kizuna.core.signal;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalDomainTest {

    @Test
    void everyWellKnownSignalHasARestrictedDomainDescribedInWords() {
        for (SignalName name : SignalName.catalogue()) {
            SignalDomain d = name.domain();
            assertTrue(d.hasMin() || d.hasMax() || d.whole(), name + " has no restriction");
        }
        assertEquals("a number from -100 to 100", SignalName.SENTIMENT_NPS.domain().describe());
        assertEquals("a number from 1 to 7", SignalName.SENTIMENT_CES.domain().describe());
        assertEquals("a whole number from 0 up", SignalName.SUPPORT_OPEN_TICKETS.domain().describe());
        assertEquals("0 or 1", SignalName.RELATIONSHIP_EXECUTIVE_SPONSOR.domain().describe());
        assertEquals("a number from -1 up", SignalName.COMMERCIAL_MRR_CHANGE_90D.domain().describe());
        assertEquals("any whole number", SignalName.COMMERCIAL_DAYS_TO_RENEWAL.domain().describe());
        assertEquals("any finite number", SignalName.of("custom.x").domain().describe());
    }

    @Test
    void intersectKeepsTheCommonValues() {
        assertEquals(Optional.of(new SignalDomain(2, 4, true)),
                SignalDomain.COUNT.intersect(SignalDomain.between(2, 4)));
        assertEquals(Optional.of(SignalDomain.FLAG), SignalDomain.SHARE.intersect(SignalDomain.WHOLE));
        assertEquals(Optional.empty(), SignalDomain.SHARE.intersect(SignalDomain.atLeast(2)));
        assertEquals(Optional.empty(), SignalDomain.between(0.2, 0.8).intersect(SignalDomain.WHOLE));
        assertEquals(Optional.of(SignalDomain.ANY), SignalDomain.ANY.intersect(SignalDomain.ANY));
    }

    @Test
    void infiniteAndNanValuesAreNeverInADomain() {
        for (SignalDomain d : new SignalDomain[] {SignalDomain.ANY, SignalDomain.WHOLE, SignalDomain.COUNT}) {
            assertFalse(d.contains(Double.POSITIVE_INFINITY));
            assertFalse(d.contains(Double.NEGATIVE_INFINITY));
            assertFalse(d.contains(Double.NaN));
        }
        assertTrue(SignalDomain.COUNT.contains(-0.0));
    }
}
