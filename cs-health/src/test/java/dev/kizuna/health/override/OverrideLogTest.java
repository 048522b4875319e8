package dev.kizuna.health.override;

import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.kizuna.health.Fixtures.ACME;
import static dev.kizuna.health.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverrideLogTest {
    private static final Instant DAY = NOW;
    private static final Instant WEEK_LATER = NOW.plus(Duration.ofDays(7));

    static HealthScore score(double value) {
        return HealthScore.scored(ACME, ModelId.of("m", "1"), NOW, NOW, value, BandScheme.standard(),
                List.of(new Contribution("a", "a", Contribution.Kind.INPUT, Optional.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), 1, value, 0)), 1, List.of());
    }

    private static ScoreOverride valueOverride(String id, double value, Instant from, Instant to) {
        return ScoreOverride.ofValue(id, ACME, value, "kim@example.com", "renewal signed yesterday", from, to);
    }

    @Test
    void overrideAppliesBesideTheOriginalScoreUntilItExpires() {
        OverrideLog log = OverrideLog.empty().set(valueOverride("o1", 80, DAY, WEEK_LATER));
        EffectiveScore during = log.apply(score(40), BandScheme.standard(), DAY.plus(Duration.ofDays(1)));
        assertTrue(during.isOverridden());
        assertEquals(80.0, during.value().getAsDouble());
        assertEquals("green", during.band().orElseThrow().name());
        assertEquals(40.0, during.original().value().getAsDouble(), "the original stays visible");

        EffectiveScore after = log.apply(score(40), BandScheme.standard(), WEEK_LATER);
        assertFalse(after.isOverridden(), "an expired override stops applying by itself");
        assertEquals(40.0, after.value().getAsDouble());
    }

    @Test
    void overrideDoesNotApplyBeforeItWasSet() {
        OverrideLog log = OverrideLog.empty().set(valueOverride("o1", 80, DAY, WEEK_LATER));
        assertFalse(log.apply(score(40), BandScheme.standard(), DAY.minusSeconds(1)).isOverridden());
    }

    @Test
    void bandOverrideKeepsTheValueAndSetsTheBand() {
        OverrideLog log = OverrideLog.empty().set(ScoreOverride.ofBand("o1", ACME, "red", "kim", "champion left",
                DAY, WEEK_LATER));
        EffectiveScore e = log.apply(score(90), BandScheme.standard(), DAY);
        assertEquals(90.0, e.value().getAsDouble());
        assertEquals("red", e.band().orElseThrow().name());
    }

    @Test
    void bandOverrideToAnUnknownBandIsRejected() {
        OverrideLog log = OverrideLog.empty().set(ScoreOverride.ofBand("o1", ACME, "purple", "kim", "why",
                DAY, WEEK_LATER));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> log.apply(score(90), BandScheme.standard(), DAY));
        assertTrue(e.getMessage().startsWith("override o1.band: 'purple' is not one of the bands"), e.getMessage());
    }

    @Test
    void revokedOverrideStopsAtItsRevocationAndStaysInTheAudit() {
        Instant revokedAt = DAY.plus(Duration.ofDays(2));
        OverrideLog log = OverrideLog.empty().set(valueOverride("o1", 80, DAY, WEEK_LATER))
                .revoke("o1", "lee", "set by mistake", revokedAt);
        assertTrue(log.inForce(ACME, revokedAt.minusSeconds(1)).isPresent());
        assertTrue(log.inForce(ACME, revokedAt).isEmpty());
        List<OverrideEvent> history = log.history(ACME);
        assertEquals(2, history.size());
        assertEquals(OverrideEvent.Kind.REVOKED, history.get(1).kind());
        assertEquals("lee", history.get(1).author());
        assertEquals("set by mistake", history.get(1).reason());
    }

    @Test
    void latestOverrideInForceWins() {
        OverrideLog log = OverrideLog.empty()
                .set(valueOverride("o1", 80, DAY, WEEK_LATER))
                .set(valueOverride("o2", 20, DAY.plus(Duration.ofDays(1)), WEEK_LATER));
        assertEquals("o1", log.inForce(ACME, DAY).orElseThrow().id());
        assertEquals("o2", log.inForce(ACME, DAY.plus(Duration.ofDays(3))).orElseThrow().id());
    }

    @Test
    void overrideNeedsExactlyOneOfValueAndBand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScoreOverride("o1", ACME,
                OptionalDouble.of(50), Optional.of("red"), "kim", "why", DAY, WEEK_LATER));
        assertEquals("override o1: give exactly one of value and band", e.getMessage());
    }

    @Test
    void overrideMustExpireAfterItIsCreated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> valueOverride("o1", 50, DAY, DAY));
        assertTrue(e.getMessage().startsWith("override o1.expiresAt: "), e.getMessage());
    }

    @Test
    void overrideValueMustBeAScore() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> valueOverride("o1", 120, DAY, WEEK_LATER));
        assertEquals("override o1.value: 120 must be between 0 and 100", e.getMessage());
    }

    @Test
    void overrideIdsAreUniqueAndRevocationNeedsAKnownOverride() {
        OverrideLog log = OverrideLog.empty().set(valueOverride("o1", 80, DAY, WEEK_LATER));
        assertThrows(IllegalArgumentException.class, () -> log.set(valueOverride("o1", 10, DAY, WEEK_LATER)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> log.revoke("o9", "lee", "why", DAY));
        assertEquals("override.id: 'o9' is not in the log", e.getMessage());
    }
}
