package dev.kizuna.core.signal;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.EventArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generators of valid signal values, shared by the property tests of the signal and JSON packages: every value lies
 * in its signal's domain and snapshots keep the escalated tickets at most the open ones. {@link #impossible()} gives
 * the values no snapshot may hold.
 */
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

    /** Finite doubles, including extremes and negative zero: the values of a custom signal. */
    public static Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(0.0, -0.0, 1.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 42.0));
    }

    /** Values inside {@code domain}: its bounds, values between them and, for an unbounded side, extremes. */
    public static Arbitrary<Double> valuesIn(SignalDomain domain) {
        if (domain.equals(SignalDomain.ANY)) {
            return values();
        }
        double low = domain.hasMin() ? domain.min() : -1e6;
        double high = domain.hasMax() ? domain.max() : Math.max(low, 0) + 1e6;
        Arbitrary<Double> between = domain.whole()
                ? Arbitraries.longs().between((long) Math.ceil(low), (long) Math.floor(high)).map(Long::doubleValue)
                : Arbitraries.doubles().between(low, high);
        List<Double> edges = new ArrayList<>();
        for (double edge : new double[] {domain.min(), domain.max(), 0.0, -0.0, 1.0}) {
            if (domain.contains(edge)) {
                edges.add(edge);
            }
        }
        return Arbitraries.oneOf(between, Arbitraries.of(edges));
    }

    /** A signal's values: within its domain. */
    public static Arbitrary<Double> valuesOf(SignalName name) {
        return valuesIn(name.domain());
    }

    /**
     * Well-known signals paired with a value outside their domain: below the lower bound, above the upper bound,
     * or, for whole numbers, a fraction within the bounds.
     */
    public static Arbitrary<Tuple2<SignalName, Double>> impossible() {
        return Arbitraries.of(SignalName.catalogue()).flatMap(name -> {
            SignalDomain d = name.domain();
            List<Arbitrary<Double>> outside = new ArrayList<>();
            if (d.hasMin()) {
                outside.add(Arbitraries.doubles().between(0.01, 1e6).map(x -> d.min() - x));
                outside.add(Arbitraries.just(Math.nextDown(d.min())));
            }
            if (d.hasMax()) {
                outside.add(Arbitraries.doubles().between(0.01, 1e6).map(x -> d.max() + x));
                outside.add(Arbitraries.just(Math.nextUp(d.max())));
            }
            if (d.whole()) {
                double low = d.hasMin() ? d.min() : -1e6;
                double high = d.hasMax() ? d.max() : 1e6;
                outside.add(Arbitraries.longs().between((long) low, (long) high - 1)
                        .flatMap(w -> Arbitraries.doubles().between(0.01, 0.99).map(f -> w + f)));
            }
            return Arbitraries.oneOf(outside).map(v -> Tuple.of(name, v));
        });
    }

    public static Arbitrary<SignalSnapshot> snapshots(AccountId account, Instant at) {
        return names().set().ofMaxSize(6).flatMap(set -> {
            List<SignalName> names = new ArrayList<>(set);
            List<Arbitrary<Double>> values = new ArrayList<>();
            for (SignalName name : names) {
                values.add(valuesOf(name));
            }
            return Combinators.combine(values).as(list -> {
                TreeMap<SignalName, Double> map = new TreeMap<>();
                for (int i = 0; i < names.size(); i++) {
                    map.put(names.get(i), list.get(i));
                }
                return SignalSnapshot.of(account, at, withinTickets(map));
            });
        });
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

    /** Returns the values with the escalated tickets lowered to the open tickets where they were more. */
    static TreeMap<SignalName, Double> withinTickets(TreeMap<SignalName, Double> values) {
        Double escalated = values.get(SignalName.SUPPORT_ESCALATED_TICKETS);
        Double open = values.get(SignalName.SUPPORT_OPEN_TICKETS);
        if (escalated != null && open != null && escalated > open) {
            values.put(SignalName.SUPPORT_ESCALATED_TICKETS, open);
        }
        return values;
    }

    static TreeMap<SignalName, Double> valuesOf(Object... nameValue) {
        TreeMap<SignalName, Double> out = new TreeMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.put((SignalName) nameValue[i], (Double) nameValue[i + 1]);
        }
        return out;
    }
}
