package dev.kizuna.health.rollup;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.kizuna.health.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RollupTest {
    private static final AccountId PARENT = AccountId.of("globex");
    private static final ModelId MODEL = ModelId.of("m", "1");

    static HealthScore scored(String account, double value) {
        return HealthScore.scored(AccountId.of(account), MODEL, NOW, NOW, value, BandScheme.standard(),
                List.of(new Contribution("a", "a", Contribution.Kind.INPUT, Optional.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), 1, value, 0)), 1, List.of());
    }

    @Test
    void parentGetsMeanArrWeightedWorstAndBandShares() {
        ParentHealth p = Rollup.of(PARENT, List.of(
                ChildHealth.of(scored("a", 80), Money.of("100", "EUR")),
                ChildHealth.of(scored("b", 40), Money.of("300", "EUR")),
                ChildHealth.of(HealthScore.insufficient(AccountId.of("c"), MODEL, NOW, NOW, "no data", 0, List.of()),
                        Money.of("100", "EUR"))));
        assertEquals(3, p.children());
        assertEquals(2, p.scored());
        assertEquals(60.0, p.mean().getAsDouble());
        assertEquals(50.0, p.arrWeighted().getAsDouble(), 1e-12); // (80·100 + 40·300) / 400
        assertEquals(AccountId.of("b"), p.worstChild().orElseThrow());
        assertEquals(List.of("red", "green", "insufficient-data"), p.bands().stream().map(BandShare::band).toList());
        BandShare red = p.band("red").orElseThrow();
        assertEquals(1.0 / 3, red.childShare(), 1e-12);
        assertEquals(0.6, red.arrShare(), 1e-12);
        assertEquals(0.2, p.band("insufficient-data").orElseThrow().arrShare(), 1e-12);
    }

    @Test
    void childrenWithoutArrLeaveTheArrWeightedMeanEmpty() {
        ParentHealth p = Rollup.of(PARENT, List.of(ChildHealth.of(scored("a", 70), 0)));
        assertEquals(70.0, p.mean().getAsDouble());
        assertEquals(OptionalDouble.empty(), p.arrWeighted());
    }

    @Test
    void arrInTwoCurrenciesIsRejected() {
        assertThrows(CurrencyMismatchException.class, () -> Rollup.of(PARENT, List.of(
                ChildHealth.of(scored("a", 80), Money.of("100", "EUR")),
                ChildHealth.of(scored("b", 40), Money.of("300", "USD")))));
    }

    @Test
    void negativeArrIsRejectedNamingTheChild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChildHealth.of(scored("a", 80), -5));
        assertEquals("child a.arr: -5 must be >= 0", e.getMessage());
    }

    @Test
    void aChildListedTwiceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Rollup.of(PARENT, List.of(
                ChildHealth.of(scored("a", 80), 1), ChildHealth.of(scored("a", 80), 1))));
    }
}
