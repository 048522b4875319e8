package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityRecordTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant AT = Instant.parse("2024-01-08T09:30:00Z");

    @Test
    void blankUserIdIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ActivityRecord.of(ACME, "", AT, "login"));
        assertTrue(e.getMessage().startsWith("userId: ''"), e.getMessage());
    }

    @Test
    void typeWithControlCharactersIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ActivityRecord.of(ACME, "u-1", AT, "log\nin"));
        assertEquals("type: 'log\uFFFDin' must not contain control characters (U+000A at character 4)", e.getMessage());
    }

    @Test
    void featureKeyWithSurroundingSpaceIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ActivityRecord.ofFeature(ACME, "u-1", AT, "use", " reports"));
        assertTrue(e.getMessage().startsWith("feature: ' reports'"), e.getMessage());
    }

    @Test
    void missingInstantIsRejectedByName() {
        var e = assertThrows(NullPointerException.class, () -> ActivityRecord.of(ACME, "u-1", null, "login"));
        assertEquals("at", e.getMessage());
    }

    @Test
    void factoriesSetTheFeature() {
        assertEquals(Optional.empty(), ActivityRecord.of(ACME, "u-1", AT, "login").feature());
        assertEquals(Optional.of("reports"), ActivityRecord.ofFeature(ACME, "u-1", AT, "use", "reports").feature());
    }
}
