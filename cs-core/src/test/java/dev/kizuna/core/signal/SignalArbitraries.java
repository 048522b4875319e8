package dev.kizuna.core.signal;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.EventArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Generators of valid signal values, shared by the property tests of the signal and JSON packages. */
public final class SignalArbitraries {
    private SignalArbitraries() {
    }

    /** Well-known and custom names. */
    public static Arbitrary<SignalName> names() {
        Arbitrary<String> part = Arbitraries.strings().withChars("abcxyz019_").ofMinLength(1).ofMaxLength(8);
        Arbitrary<SignalName> custom = Combinators.combine(
                        Arbitraries.strings().withChars("abcxyz").ofLength(1), part, part.list().ofMaxSize(3))
                .as((first, rest, more) -> SignalName.of(first + rest + (more.isEmpty() ? "" : "." + String.join(".", more))));
        return Arbitraries.oneOf(Arbitraries.of(SignalName.catalogue()), custom);
    }

    /** Finite doubles, including extremes and negative zero. */
    public static Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(0.0, -0.0, 1.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 42.0));
    }

    public static Arbitrary<SignalSnapshot> snapshots(AccountId account, Instant at) {
        return Arbitraries.maps(names(), values()).ofMaxSize(6).map(m -> SignalSnapshot.of(account, at, m));
    }

    public static Arbitrary<SignalSnapshot> snapshots() {
        return Combinators.combine(EventArbitraries.accountIds(), EventArbitraries.instants())
                .flatAs(SignalArbitraries::snapshots);
    }

    /** Histories of up to 8 snapshots at distinct instants. */
    public static Arbitrary<SignalHistory> histories() {
        return EventArbitraries.accountIds().flatMap(account -> EventArbitraries.instants().set().ofMaxSize(8)
                .flatMap(instants -> {
                    List<Arbitrary<SignalSnapshot>> parts = new ArrayList<>();
                    for (Instant at : new TreeSet<>(instants)) {
                        parts.add(snapshots(account, at));
                    }
                    return Combinators.combine(parts).as(list -> SignalHistory.of(account, list));
                }));
    }

    static TreeMap<SignalName, Double> valuesOf(Object... nameValue) {
        TreeMap<SignalName, Double> out = new TreeMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.put((SignalName) nameValue[i], (Double) nameValue[i + 1]);
        }
        return out;
    }
}
