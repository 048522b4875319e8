package dev.kizuna.core.plan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static dev.kizuna.core.plan.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MilestoneTest {
    private static final LocalDate DUE = LocalDate.of(2024, 3, 1);
    private static final Milestone KICKOFF = Milestone.of("Kickoff", MilestoneKind.KICKOFF, DUE, CsRole.CUSTOMER_SUCCESS_MANAGER);

    @Test
    void blankNameIsRejected() {
        assertRejected("milestone.name", () -> Milestone.of("", MilestoneKind.QBR, DUE, CsRole.CS_LEAD), "blank");
    }

    @Test
    void missingPartsAreRejectedByName() {
        assertEquals("milestone.kind", assertThrows(NullPointerException.class,
                () -> Milestone.of("m", null, DUE, CsRole.CS_LEAD)).getMessage());
        assertEquals("milestone.dueDate", assertThrows(NullPointerException.class,
                () -> Milestone.of("m", MilestoneKind.QBR, null, CsRole.CS_LEAD)).getMessage());
        assertEquals("milestone.completedOn", assertThrows(NullPointerException.class,
                () -> new Milestone("m", MilestoneKind.QBR, DUE, null, CsRole.CS_LEAD)).getMessage());
        assertEquals("milestone.ownerRole", assertThrows(NullPointerException.class,
                () -> Milestone.of("m", MilestoneKind.QBR, DUE, null)).getMessage());
    }

    @Test
    void openMilestoneIsOverdueFromTheDayAfterItsDueDate() {
        assertFalse(KICKOFF.isOverdue(DUE));
        assertTrue(KICKOFF.isOverdue(DUE.plusDays(1)));
        assertEquals(0, KICKOFF.daysOverdue(DUE));
        assertEquals(1, KICKOFF.daysOverdue(DUE.plusDays(1)));
        assertEquals(31, KICKOFF.daysOverdue(DUE.plusDays(31)));
    }

    @Test
    void completedMilestoneIsNeverOverdue() {
        Milestone late = KICKOFF.completed(DUE.plusDays(10));
        assertTrue(late.isCompleted());
        assertFalse(late.isOverdue(DUE.plusDays(40)));
        assertEquals(0, late.daysOverdue(DUE.plusDays(40)));
    }

    @Test
    void aCompletionAfterTheEvaluatedDayDoesNotCount() {
        Milestone late = KICKOFF.completed(DUE.plusDays(10));
        assertFalse(late.isCompletedBy(DUE.plusDays(9)));
        assertTrue(late.isOverdue(DUE.plusDays(9)), "on day 9 it was still open");
        assertTrue(late.isCompletedBy(DUE.plusDays(10)));
    }

    @Test
    void completedKeepsEveryOtherPart() {
        Milestone done = KICKOFF.completed(DUE);
        assertEquals(new Milestone("Kickoff", MilestoneKind.KICKOFF, DUE, Optional.of(DUE), CsRole.CUSTOMER_SUCCESS_MANAGER), done);
    }
}
