package dev.kizuna.health.properties;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.internal.Apportion;
import dev.kizuna.core.internal.Numbers;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.LogisticModel;
import dev.kizuna.health.logistic.Term;
import dev.kizuna.health.override.OverrideLog;
import dev.kizuna.health.override.ScoreOverride;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static dev.kizuna.health.properties.HealthArbitraries.NOW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvariantProperties {
    private static final HealthModels MODELS = HealthModels.load();

    @Provide
    Arbitrary<BandScheme> schemes() {
        return HealthArbitraries.bands();
    }

    @Property
    void everyValueIsInExactlyOneBand(@ForAll("schemes") BandScheme scheme,
                                      @ForAll @DoubleRange(min = 0, max = 100) double value) {
        int containing = 0;
        for (HealthBand band : scheme.bands()) {
            containing += band.contains(value) ? 1 : 0;
        }
        assertEquals(1, containing, scheme + " at " + value);
        assertTrue(scheme.bandOf(value).contains(value));
    }

    @Property
    void bandBoundariesAreInExactlyOneBand(@ForAll("schemes") BandScheme scheme) {
        for (HealthBand band : scheme.bands()) {
            for (double edge : new double[] {band.from(), band.to()}) {
                long containing = scheme.bands().stream().filter(b -> b.contains(edge)).count();
                assertEquals(1, containing, scheme + " at " + edge);
            }
        }
    }

    @Property
    void apportionedHundredthsAddUpAndStayWithinAHundredth(
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -50, max = 50) Double> parts) {
        double[] points = parts.stream().mapToDouble(Double::doubleValue).toArray();
        double total = 0;
        for (double p : points) {
            total += p;
        }
        long[] centi = Apportion.centi(points, points.length, total);
        long sum = 0;
        for (int i = 0; i < centi.length; i++) {
            sum += centi[i];
            assertTrue(Math.abs(centi[i] - points[i] * 100) < 1 + 1e-6, points[i] + " -> " + centi[i]);
        }
        assertEquals(Math.round(total * 100), sum);
    }

    /**
     * The largest-remainder method, written the plain way: rank by remainder, largest first, ties to the earlier
     * contribution, and give the missing hundredths to the first ranked.
     */
    @Property
    void apportioningGivesTheHundredthsToTheLargestRemaindersTiesToTheEarlier(
            @ForAll @Size(min = 1, max = 90) List<@IntRange(min = -4000, max = 4000) Integer> thousandths) {
        // Whole thousandths of a point make equal remainders (ties) common.
        double[] points = thousandths.stream().mapToDouble(t -> t / 1000.0).toArray();
        double total = 0;
        for (double p : points) {
            total += p;
        }
        long[] expected = new long[points.length];
        long floors = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            expected[i] = (long) Math.floor(points[i] * 100.0);
            floors += expected[i];
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(points[b] * 100.0 - expected[b], points[a] * 100.0 - expected[a]));
        long missing = Math.round(total * 100) - floors;
        if (missing < 0 || missing > points.length) {
            return;
        }
        for (int k = 0; k < missing; k++) {
            expected[order.get(k)]++;
        }
        assertArrayEquals(expected, Apportion.centi(points, points.length, total), parts(points));
    }

    private static String parts(double[] points) {
        return java.util.Arrays.toString(points);
    }

    @Property
    void fastRoundingIsExactlyMathRound(@ForAll double x, @ForAll @IntRange(min = -100_000, max = 100_000) int half) {
        assertEquals(Math.round(x), Numbers.round(x), "x = " + x);
        double tie = half + 0.5;
        for (double y : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie), half / 100.0 * 100.0}) {
            assertEquals(Math.round(y), Numbers.round(y), "y = " + y);
        }
    }

    @Property(tries = 1)
    void fastRoundingAgreesOnTheAwkwardValues() {
        double[] awkward = {0.49999999999999994, -0.49999999999999994, 0.5, -0.5, -1.5, 2.5, -0.0, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MIN_VALUE, -Double.MIN_VALUE, 4503599627370495.5, -4503599627370495.5, 9.223372036854776E18,
                -9.223372036854776E18, -1e-20, 1 - 1e-16};
        for (double x : awkward) {
            assertEquals(Math.round(x), Numbers.round(x), "x = " + x);
        }
    }

    @Provide
    Arbitrary<LogisticDefinition> logisticModels() {
        Arbitrary<Term> term = Combinators.combine(Arbitraries.integers().between(0, HealthArbitraries.SIGNALS - 1),
                        Arbitraries.doubles().between(-3, 3).ofScale(3),
                        Arbitraries.doubles().between(-10, 10).ofScale(2),
                        Arbitraries.doubles().between(0.1, 20).ofScale(2).optional())
                .as((s, c, mean, sd) -> new Term("t", "t", HealthArbitraries.signal(s), c,
                        sd.map(v -> dev.kizuna.health.logistic.Standardisation.of(mean, v))));
        return Combinators.combine(Arbitraries.doubles().between(-4, 4).ofScale(2), term.list().ofMinSize(1).ofMaxSize(6))
                .as((intercept, terms) -> {
                    List<Term> numbered = new ArrayList<>();
                    for (int i = 0; i < terms.size(); i++) {
                        Term t = terms.get(i);
                        numbered.add(new Term("t" + i, "term " + i, t.signal(), t.coefficient(), t.standardisation()));
                    }
                    return LogisticDefinition.of(ModelId.of("logit", "1"), intercept, numbered);
                });
    }

    @Provide
    Arbitrary<SignalSnapshot> snapshots() {
        return HealthArbitraries.snapshot();
    }

    @Property
    void logisticScoresAreInRangeAndTheirContributionsAddUp(@ForAll("logisticModels") LogisticDefinition definition,
                                                           @ForAll("snapshots") SignalSnapshot snapshot) {
        HealthScore score = LogisticModel.of(definition).score(snapshot, NOW);
        assertTrue(score.isScored());
        double v = score.value().getAsDouble();
        assertTrue(v >= 0 && v <= 100);
        long total = 0;
        for (Contribution c : score.contributions()) {
            total += Math.round(c.points() * 100);
        }
        assertEquals(Math.round(v * 100), total);
    }

    @Property
    void raisingARiskFactorNeverRaisesHealth(@ForAll("logisticModels") LogisticDefinition definition,
                                            @ForAll @DoubleRange(min = -20, max = 20) double x,
                                            @ForAll @DoubleRange(min = 0, max = 10) double increase) {
        Term t = definition.terms().get(0);
        LogisticModel model = LogisticModel.of(definition);
        double before = model.churnProbability(one(t.signal(), x)).getAsDouble();
        double after = model.churnProbability(one(t.signal(), x + increase)).getAsDouble();
        double slope = 0;
        for (Term other : definition.terms()) {
            slope += other.signal().equals(t.signal()) ? other.slope() : 0;
        }
        if (slope >= 0) {
            assertTrue(after >= before - 1e-12);
        } else {
            assertTrue(after <= before + 1e-12);
        }
    }

    @Property(tries = 100)
    void logisticDefinitionsRoundTrip(@ForAll("logisticModels") LogisticDefinition definition) {
        for (DefinitionFormat format : DefinitionFormat.values()) {
            assertEquals(definition, MODELS.read(MODELS.write(definition, format), format));
        }
    }

    @Property
    void overrideAppliesExactlyFromCreationUntilExpiry(@ForAll @IntRange(min = 0, max = 100) int created,
                                                      @ForAll @IntRange(min = 1, max = 100) int length,
                                                      @ForAll @IntRange(min = -10, max = 250) int asked) {
        Instant createdAt = NOW.plus(Duration.ofHours(created));
        Instant expiresAt = createdAt.plus(Duration.ofHours(length));
        Instant now = NOW.plus(Duration.ofHours(asked));
        AccountId account = AccountId.of("acct");
        OverrideLog log = OverrideLog.empty().set(ScoreOverride.ofValue("o", account, 10, "kim", "why", createdAt,
                expiresAt));
        boolean expected = !now.isBefore(createdAt) && now.isBefore(expiresAt);
        assertEquals(expected, log.inForce(account, now).isPresent());
    }

    private static SignalSnapshot one(SignalName name, double value) {
        TreeMap<SignalName, Double> values = new TreeMap<>();
        values.put(name, value);
        return SignalSnapshot.of(AccountId.of("acct"), NOW, values);
    }
}
