package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.SupportTicket.Priority;
import dev.kizuna.core.event.SupportTicket.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupportTicketTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant OPENED = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant CLOSED = Instant.parse("2024-03-02T10:00:00Z");

    private static SupportTicket ticket(Optional<Instant> closedAt, Status status) {
        return new SupportTicket("t-1", ACME, OPENED, closedAt, Priority.HIGH, false, status);
    }

    @Test
    void closedBeforeOpenedIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ticket(Optional.of(OPENED.minusSeconds(1)), Status.SOLVED));
        assertEquals("closedAt: 2024-03-01T09:59:59Z must not be before openedAt 2024-03-01T10:00:00Z (ticket t-1)",
                e.getMessage());
    }

    @Test
    void closedAtTheOpeningInstantIsAllowed() {
        assertEquals(Optional.of(Duration.ZERO), ticket(Optional.of(OPENED), Status.CLOSED).resolutionTime());
    }

    @Test
    void resolvedStatusWithoutCloseInstantIsRejected() {
        var solved = assertThrows(IllegalArgumentException.class, () -> ticket(Optional.empty(), Status.SOLVED));
        assertEquals("closedAt: a SOLVED ticket (t-1) needs a close instant", solved.getMessage());
        var closed = assertThrows(IllegalArgumentException.class, () -> ticket(Optional.empty(), Status.CLOSED));
        assertEquals("closedAt: a CLOSED ticket (t-1) needs a close instant", closed.getMessage());
    }

    @Test
    void unresolvedStatusWithCloseInstantIsRejected() {
        var open = assertThrows(IllegalArgumentException.class, () -> ticket(Optional.of(CLOSED), Status.OPEN));
        assertEquals("closedAt: 2024-03-02T10:00:00Z is not allowed for a OPEN ticket (t-1); only SOLVED and CLOSED"
                + " tickets have one", open.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ticket(Optional.of(CLOSED), Status.PENDING));
    }

    @Test
    void blankIdIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SupportTicket.open("", ACME, OPENED, Priority.LOW));
        assertTrue(e.getMessage().startsWith("id: ''"), e.getMessage());
    }

    @Test
    void missingPriorityIsRejectedByName() {
        var e = assertThrows(NullPointerException.class, () -> SupportTicket.open("t-1", ACME, OPENED, null));
        assertEquals("priority", e.getMessage());
    }

    @Test
    void ticketIsOpenFromOpeningUntilItsCloseInstant() {
        SupportTicket solved = ticket(Optional.of(CLOSED), Status.SOLVED);
        assertFalse(solved.isOpenAt(OPENED.minusNanos(1)));
        assertTrue(solved.isOpenAt(OPENED));
        assertTrue(solved.isOpenAt(CLOSED.minusNanos(1)));
        assertFalse(solved.isOpenAt(CLOSED));
        SupportTicket pending = ticket(Optional.empty(), Status.PENDING);
        assertTrue(pending.isOpenAt(OPENED.plus(Duration.ofDays(365))));
        assertFalse(pending.isOpenAt(OPENED.minusSeconds(1)));
    }

    @Test
    void openTicketIsNewAndUnescalated() {
        SupportTicket t = SupportTicket.open("t-1", ACME, OPENED, Priority.URGENT);
        assertEquals(Status.OPEN, t.status());
        assertFalse(t.escalated());
        assertEquals(Optional.empty(), t.resolutionTime());
        assertTrue(t.escalate().escalated());
    }

    @Test
    void statusChangesKeepTheCloseInstantConsistent() {
        SupportTicket t = SupportTicket.open("t-1", ACME, OPENED, Priority.NORMAL);
        SupportTicket solved = t.withStatus(Status.SOLVED, CLOSED);
        assertEquals(Optional.of(CLOSED), solved.closedAt());
        SupportTicket closedLater = solved.withStatus(Status.CLOSED, CLOSED.plusSeconds(3600));
        assertEquals(Optional.of(CLOSED), closedLater.closedAt(), "first resolution is kept");
        SupportTicket reopened = solved.withStatus(Status.OPEN, CLOSED.plusSeconds(60));
        assertEquals(Optional.empty(), reopened.closedAt());
        assertEquals(Optional.of(Duration.ofDays(1)), solved.resolutionTime());
        assertThrows(IllegalArgumentException.class, () -> t.withStatus(Status.SOLVED, OPENED.minusSeconds(5)));
    }

    @Test
    void onlySolvedAndClosedAreResolved() {
        assertFalse(Status.OPEN.isResolved());
        assertFalse(Status.PENDING.isResolved());
        assertTrue(Status.SOLVED.isResolved());
        assertTrue(Status.CLOSED.isResolved());
    }
}
