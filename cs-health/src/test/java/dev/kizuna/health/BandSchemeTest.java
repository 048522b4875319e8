package dev.kizuna.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandSchemeTest {

    @Test
    void standardSchemeIsRedBelow50YellowTo75GreenFrom75() {
        BandScheme bands = BandScheme.standard();
        assertEquals("red", bands.bandOf(0).name());
        assertEquals("red", bands.bandOf(49.99).name());
        assertEquals("yellow", bands.bandOf(50).name());
        assertEquals("yellow", bands.bandOf(74.99).name());
        assertEquals("green", bands.bandOf(75).name());
        assertEquals("green", bands.bandOf(100).name());
    }

    @Test
    void boundaryInclusivityIsExplicit() {
        HealthBand band = HealthBand.of("mid", "(50, 75]");
        assertFalse(band.contains(50));
        assertTrue(band.contains(75));
        assertEquals("mid (50, 75]", band.toString());
        assertEquals(50.01, BandScheme.lowestScoreIn(band));
        assertEquals(50.0, BandScheme.lowestScoreIn(HealthBand.of("m", "[50, 75)")));
    }

    @Test
    void anyNumberOfBandsInAnyOrder() {
        BandScheme five = BandScheme.of(HealthBand.of("e", "[90, 100]"), HealthBand.of("a", "[0, 20)"),
                HealthBand.of("c", "[40, 70)"), HealthBand.of("b", "[20, 40)"), HealthBand.of("d", "[70, 90)"));
        assertEquals(List.of("a", "b", "c", "d", "e"), five.bands().stream().map(HealthBand::name).toList());
        assertEquals("d", five.above(five.bandOf(50)).orElseThrow().name());
        assertTrue(five.above(five.bandOf(95)).isEmpty());
    }

    @Test
    void overlappingBandsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BandScheme.of(
                HealthBand.of("red", "[0, 50]"), HealthBand.of("green", "[50, 100]")));
        assertEquals("bands: red [0, 50] and green [50, 100] overlap", e.getMessage());
    }

    @Test
    void gapsAreRejectedIncludingAtTheEnds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BandScheme.of(
                HealthBand.of("red", "(0, 50)"), HealthBand.of("green", "(50, 100)")));
        assertEquals("bands: gap: 0 is not in any band; the lowest band is red (0, 50); "
                + "bands: gap: 100 is not in any band; the highest band is green (50, 100); "
                + "bands: gap between red (0, 50) and green (50, 100)", e.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BandScheme.of(
                HealthBand.of("x", "[0, 50)"), HealthBand.of("x", "[50, 100]")));
        assertEquals("bands: the name 'x' is used twice", e.getMessage());
    }

    @Test
    void malformedRangeIsRejectedNamingTheBand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HealthBand.of("x", "0-50"));
        assertTrue(e.getMessage().startsWith("band x.range: '0-50' is not an interval"), e.getMessage());
        IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class,
                () -> HealthBand.of("x", "[60, 50)"));
        assertEquals("band x: from 60 must be below to 50", reversed.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> HealthBand.of("x", "[0, 150)"));
        assertEquals("band x.to: 150 must be between 0 and 100", outside.getMessage());
    }

    @Test
    void valueOutsideTheRangeHasNoBand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BandScheme.standard().bandOf(101));
        assertEquals("value: 101.0 must be between 0 and 100", e.getMessage());
    }
}
