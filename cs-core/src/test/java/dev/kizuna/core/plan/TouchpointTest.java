package dev.kizuna.core.plan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static dev.kizuna.core.plan.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TouchpointTest {
    private static final LocalDate DAY = LocalDate.of(2024, 5, 2);

    @Test
    void blankNoteIsRejected() {
        assertRejected("touchpoint.note", () -> Touchpoint.of(TouchpointChannel.CALL, DAY, "  "), "blank");
    }

    @Test
    void missingChannelAndDateAreRejectedByName() {
        assertEquals("touchpoint.channel", assertThrows(NullPointerException.class,
                () -> Touchpoint.of(null, DAY)).getMessage());
        assertEquals("touchpoint.date", assertThrows(NullPointerException.class,
                () -> Touchpoint.of(TouchpointChannel.EMAIL, null)).getMessage());
    }

    @Test
    void noteIsOptional() {
        assertEquals(Optional.empty(), Touchpoint.of(TouchpointChannel.SURVEY, DAY).note());
        assertEquals(Optional.of("NPS 9"), Touchpoint.of(TouchpointChannel.SURVEY, DAY, "NPS 9").note());
    }
}
