package dev.kizuna.core.signal;

import dev.kizuna.core.AccountId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A snapshot holds only values inside their signals' domains, and every such value can be put in. */
class SignalDomainProperties {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant AT = Instant.parse("2024-04-01T00:00:00Z");

    @Provide
    Arbitrary<Tuple2<SignalName, Double>> impossible() {
        return SignalArbitraries.impossible();
    }

    @Provide
    Arbitrary<SignalSnapshot> snapshots() {
        return SignalArbitraries.snapshots();
    }

    @Provide
    Arbitrary<SignalName> names() {
        return SignalArbitraries.names();
    }

    @Provide
    Arbitrary<SignalDomain> domains() {
        Arbitrary<Double> bound = Arbitraries.oneOf(Arbitraries.doubles().between(-50, 50),
                Arbitraries.integers().between(-5, 5).map(Integer::doubleValue));
        return Arbitraries.oneOf(
                Arbitraries.of(SignalDomain.ANY, SignalDomain.WHOLE, SignalDomain.SHARE, SignalDomain.FLAG,
                        SignalDomain.COUNT, SignalDomain.NON_NEGATIVE, SignalDomain.RELATIVE_CHANGE),
                net.jqwik.api.Combinators.combine(bound, bound, Arbitraries.of(true, false))
                        .as((a, b, whole) -> new SignalDomain(Math.min(a, b), Math.max(a, b) + (whole ? 1 : 0),
                                whole)));
    }

    @Property
    void impossibleValuesAreRejectedEverywhereNamingSignalAndValue(
            @ForAll("impossible") Tuple2<SignalName, Double> pair) {
        SignalName name = pair.get1();
        double value = pair.get2();
        String expected = name.domain().problem(name, value).orElseThrow();
        assertTrue(expected.contains(name.value()), expected);
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> SignalSnapshot.of(ACME, AT, Map.of(name, value))).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> SignalSnapshot.builder(ACME, AT).put(name, value)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> SignalSnapshot.empty(ACME, AT).with(name, value)).getMessage());
    }

    @Property
    void everyValueOfASnapshotIsInsideItsDomain(@ForAll("snapshots") SignalSnapshot s) {
        for (int i = 0; i < s.size(); i++) {
            assertTrue(s.nameAt(i).domain().contains(s.valueAt(i)), s.nameAt(i) + " = " + s.valueAt(i));
            assertTrue(s.domainOf(s.nameAt(i)).contains(s.valueAt(i)), s.nameAt(i) + " = " + s.valueAt(i));
        }
        double escalated = s.value(SignalName.SUPPORT_ESCALATED_TICKETS).orElse(0);
        double open = s.value(SignalName.SUPPORT_OPEN_TICKETS).orElse(Double.MAX_VALUE);
        assertTrue(escalated <= open);
    }

    @Property
    void anyValueInsideTheSnapshotsDomainOfASignalCanBePutIn(@ForAll("snapshots") SignalSnapshot s,
                                                             @ForAll("names") SignalName name,
                                                             @ForAll double value) {
        SignalDomain domain = s.domainOf(name);
        if (domain.contains(value)) {
            assertEquals(value, s.with(name, value).value(name).getAsDouble());
        } else {
            assertThrows(IllegalArgumentException.class, () -> s.with(name, value));
        }
    }

    @Property
    void anIntersectionHoldsExactlyTheValuesOfBoth(@ForAll("domains") SignalDomain a,
                                                   @ForAll("domains") SignalDomain b, @ForAll double x) {
        Optional<SignalDomain> both = a.intersect(b);
        if (both.isPresent()) {
            assertEquals(a.contains(x) && b.contains(x), both.get().contains(x));
        } else {
            assertTrue(!a.contains(x) || !b.contains(x));
        }
    }
}
