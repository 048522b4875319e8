package dev.kizuna.health.properties;

import dev.kizuna.health.BandLever;
import dev.kizuna.health.scorecard.Normaliser;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NormaliserProperties {

    @Provide
    Arbitrary<Normaliser> normalisers() {
        return HealthArbitraries.normaliser();
    }

    @Property
    void everyNormaliserIsMonotoneAndWithinZeroToHundred(@ForAll("normalisers") Normaliser n,
                                                         @ForAll @DoubleRange(min = -1e4, max = 1e4) double a,
                                                         @ForAll @DoubleRange(min = -1e4, max = 1e4) double b) {
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        double sLow = n.score(low);
        double sHigh = n.score(high);
        assertTrue(sLow >= 0 && sLow <= 100 && sHigh >= 0 && sHigh <= 100, n.describe());
        if (n.direction() > 0) {
            assertTrue(sLow <= sHigh + 1e-9, n.describe() + ": " + low + " -> " + sLow + ", " + high + " -> " + sHigh);
        } else if (n.direction() < 0) {
            assertTrue(sLow >= sHigh - 1e-9, n.describe() + ": " + low + " -> " + sLow + ", " + high + " -> " + sHigh);
        } else {
            assertTrue(sLow == sHigh, n.describe());
        }
    }

    @Property
    void theInverseReachesTheSubscoreItPromises(@ForAll("normalisers") Normaliser n,
                                                @ForAll @DoubleRange(min = 0, max = 100) double wanted,
                                                @ForAll @DoubleRange(min = -1e3, max = 1e3) double current) {
        Optional<BandLever.Target> target = n.atLeast(wanted, current);
        if (target.isEmpty()) {
            // Impossible only if no raw value scores that much; check a wide sweep.
            for (double r = -1e5; r <= 1e5; r += 7.3) {
                assertTrue(n.score(r) < wanted, n.describe() + " reaches " + wanted + " at " + r);
            }
            return;
        }
        BandLever.Target t = target.get();
        double probe = t.relation() == BandLever.Relation.BELOW ? Math.nextDown(t.value())
                : t.relation() == BandLever.Relation.ABOVE ? Math.nextUp(t.value()) : t.value();
        assertTrue(n.score(probe) >= wanted - 1e-6, n.describe() + " at " + probe + " scores " + n.score(probe)
                + " < " + wanted);
    }
}
