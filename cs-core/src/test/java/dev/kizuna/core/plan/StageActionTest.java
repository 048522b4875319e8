package dev.kizuna.core.plan;

import dev.kizuna.core.journey.JourneyStage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.kizuna.core.plan.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageActionTest {
    @Test
    void blankDescriptionIsRejected() {
        assertRejected("action.description",
                () -> StageAction.of(JourneyStage.CONVERSION, "", CsRole.CS_ASSOCIATE, List.of()), "blank");
    }

    @Test
    void blankResourceIsRejectedWithItsIndex() {
        assertRejected("action.resources[1]",
                () -> StageAction.of(JourneyStage.CONVERSION, "Train", CsRole.CS_ASSOCIATE, List.of("guide", " ")),
                "blank");
    }

    @Test
    void nullResourceIsRejectedWithItsIndex() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> StageAction.of(
                JourneyStage.CONVERSION, "Train", CsRole.CS_ASSOCIATE, Arrays.asList("guide", null)));
        assertEquals("action.resources[1]", e.getMessage());
    }

    @Test
    void handoffToTheOwnerItselfIsRejected() {
        assertRejected("action.handoffTo", () -> StageAction.handoff(JourneyStage.CONVERSION, "Hand over",
                CsRole.SALES, CsRole.SALES, List.of()), "SALES");
    }

    @Test
    void missingStageAndOwnerAreRejectedByName() {
        assertEquals("action.stage", assertThrows(NullPointerException.class,
                () -> StageAction.of(null, "x", CsRole.SALES, List.of())).getMessage());
        assertEquals("action.ownerRole", assertThrows(NullPointerException.class,
                () -> StageAction.of(JourneyStage.AWARENESS, "x", null, List.of())).getMessage());
        assertEquals("action.handoffTo", assertThrows(NullPointerException.class,
                () -> new StageAction(JourneyStage.AWARENESS, "x", CsRole.SALES, List.of(), null)).getMessage());
    }

    @Test
    void handoffNamesTheReceivingRole() {
        StageAction a = StageAction.handoff(JourneyStage.CONVERSION, "Hand over", CsRole.SALES,
                CsRole.CUSTOMER_SUCCESS_MANAGER, List.of("notes"));
        assertTrue(a.isHandoff());
        assertEquals(Optional.of(CsRole.CUSTOMER_SUCCESS_MANAGER), a.handoffTo());
        assertFalse(StageAction.of(JourneyStage.RETENTION, "QBR", CsRole.CUSTOMER_SUCCESS_MANAGER, List.of()).isHandoff());
    }
}
