package dev.kizuna.health.properties;

import dev.kizuna.health.BandScheme;
import dev.kizuna.health.internal.BandRanks;
import dev.kizuna.health.internal.Branchless;
import dev.kizuna.core.internal.Numbers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The branch-free comparisons the batch path's vector loops use decide exactly what the comparisons they replace
 * decide: for every finite double, subnormals and signed zeros included; and rounding and band ranks computed on whole
 * blocks equal {@link Numbers#round2} and {@link BandRanks#rank} bit for bit.
 */
class BranchlessProperties {

    @Provide
    Arbitrary<Double> finite() {
        return Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
                        Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, -1e-300, 0.5, -0.5),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite));
    }

    @Property
    void atLeastZeroIsTheComparison(@ForAll("finite") double d) {
        assertEquals(d >= 0 ? 1.0 : 0.0, Branchless.atLeastZero(d), "d = " + d);
    }

    @Property
    void aboveZeroIsTheComparison(@ForAll("finite") double d) {
        assertEquals(d > 0 ? 1.0 : 0.0, Branchless.aboveZero(d), "d = " + d);
    }

    @Property
    void round2OnABlockIsNumbersRound2(@ForAll @DoubleRange(min = 0, max = 100) double a,
                                       @ForAll @DoubleRange(min = 0, max = 100) double b) {
        // Ties and near-ties: values a hair either side of x.xx5.
        double tie = Math.floor(a * 100) / 100 + 0.005;
        double[] values = {a, b, tie, Math.nextUp(tie), Math.nextDown(tie), 0.0, 100.0, 40.125, 0.49999999999999994};
        double[] expected = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = Numbers.round2(values[i]);
        }
        Branchless.round2(values, values.length);
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(values[i]),
                    "value " + i + ": " + expected[i] + " vs " + values[i]);
        }
    }

    @Property
    void rankAllIsRank(@ForAll @DoubleRange(min = 0, max = 100) double v) {
        BandScheme scheme = BandScheme.standard();
        BandRanks ranks = new BandRanks(scheme);
        double[] values = {v, 50.0, Math.nextDown(50.0), 75.0, Math.nextDown(75.0), 0.0, 100.0};
        double[] out = new double[values.length];
        ranks.rankAll(values, values.length, out);
        for (int i = 0; i < values.length; i++) {
            assertEquals(ranks.rank(values[i]), (byte) out[i], "value " + values[i]);
        }
    }

    @Provide
    Arbitrary<BandScheme> schemes() {
        return HealthArbitraries.bands();
    }

    @Property
    void rankAllHonoursEveryBandsInclusivity(@ForAll("schemes") BandScheme scheme) {
        BandRanks ranks = new BandRanks(scheme);
        List<Double> probes = new ArrayList<>();
        scheme.bands().forEach(b -> {
            probes.add(b.from());
            probes.add(Math.nextUp(b.from()));
            probes.add(Math.nextDown(Math.max(b.from(), Double.MIN_VALUE)));
        });
        double[] values = probes.stream().mapToDouble(Double::doubleValue).filter(x -> x >= 0 && x <= 100).toArray();
        double[] out = new double[values.length];
        ranks.rankAll(values, values.length, out);
        for (int i = 0; i < values.length; i++) {
            assertEquals(ranks.rank(values[i]), (byte) out[i], "value " + values[i]);
        }
    }
}
