package dev.kizuna.playbooks.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpliftTest {

    private static void interval(Uplift u, double lower, double upper) {
        assertEquals(lower, u.lower(), 5e-5, u.toString());
        assertEquals(upper, u.upper(), 5e-5, u.toString());
    }

    @Test
    void theIntervalMatchesNewcombesPublishedExamples() {
        // R. G. Newcombe, Statistics in Medicine 17 (1998) 873-890, Table II, method 10 (score, no continuity
        // correction), 95% intervals for the difference of two proportions.
        interval(Uplift.of(56, 70, 48, 80, 0.95), 0.0524, 0.3339);
        interval(Uplift.of(9, 10, 3, 10, 0.95), 0.1705, 0.8090);
        interval(Uplift.of(5, 56, 0, 29, 0.95), -0.0381, 0.1926);
    }

    @Test
    void theNormalQuantileMatchesTheTables() {
        // Standard normal table: z(0.975) = 1.959964, z(0.95) = 1.644854, z(0.995) = 2.575829.
        assertEquals(1.959964, Uplift.normalQuantile(0.975), 1e-6);
        assertEquals(1.644854, Uplift.normalQuantile(0.95), 1e-6);
        assertEquals(2.575829, Uplift.normalQuantile(0.995), 1e-6);
        assertEquals(-2.326348, Uplift.normalQuantile(0.01), 1e-6);
    }

    @Test
    void anIntervalThatExcludesZeroIsSignificant() {
        assertTrue(Uplift.of(56, 70, 48, 80, 0.95).isSignificant());
        assertFalse(Uplift.of(5, 56, 0, 29, 0.95).isSignificant());
        assertEquals(0.8, Uplift.of(56, 70, 48, 80, 0.95).treatedRate(), 1e-12);
        assertEquals(0.6, Uplift.of(56, 70, 48, 80, 0.95).controlRate(), 1e-12);
    }

    @Test
    void outcomesOfAccountsAreCountedByGroup() {
        List<Uplift.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            outcomes.add(new Uplift.Outcome(false, i < 56));
        }
        for (int i = 0; i < 80; i++) {
            outcomes.add(new Uplift.Outcome(true, i < 48));
        }
        assertEquals(Uplift.of(56, 70, 48, 80, 0.95), Uplift.of(outcomes, 0.95));
    }

    @Test
    void anEmptyGroupIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Uplift.of(0, 0, 1, 2, 0.95));
        assertEquals("treated: 0 must be > 0", e.getMessage());
    }

    @Test
    void moreSuccessesThanAccountsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Uplift.of(3, 2, 1, 2, 0.95));
        assertEquals("treatedSuccesses: 3 must be from 0 to 2", e.getMessage());
    }

    @Test
    void aConfidenceOutsideTheOpenUnitIntervalIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Uplift.of(1, 2, 1, 2, 1.0));
        assertEquals("confidence: 1.0 must be between 0 and 1, exclusive", e.getMessage());
    }
}
