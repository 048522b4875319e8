package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A support ticket of an account, as last seen: the input of the support signals (open and escalated tickets)
 * and of the risk playbooks that react to an escalation.
 *
 * <p>The status and the close instant agree: an {@link Status#OPEN} or {@link Status#PENDING} ticket has no
 * {@code closedAt}; a {@link Status#SOLVED} or {@link Status#CLOSED} ticket has one, not before {@code openedAt}.
 * {@code closedAt} is when the ticket was first resolved (solved, or closed without being solved). A ticket is open
 * from {@code openedAt} (inclusive) to {@code closedAt} (exclusive); see {@link #isOpenAt(Instant)}. Both instants lie
 * within {@link Dates the supported range}. Immutable and thread-safe.
 *
 * @param id        the host's id of the ticket
 * @param account   the account that raised it
 * @param openedAt  when it was opened
 * @param closedAt  when it was resolved, for a solved or closed ticket
 * @param priority  its priority
 * @param escalated whether it was escalated (to engineering, management or a red-account team)
 * @param status    its status
 */
public record SupportTicket(
        String id,
        AccountId account,
        Instant openedAt,
        Optional<Instant> closedAt,
        Priority priority,
        boolean escalated,
        Status status) {

    /** How urgent a ticket is. */
    public enum Priority {
        /** No time pressure. */
        LOW,
        /** The usual priority. */
        NORMAL,
        /** Hurts the customer's work. */
        HIGH,
        /** Stops the customer's work. */
        URGENT
    }

    /** Where a ticket stands. */
    public enum Status {
        /** Waiting for the support team. */
        OPEN,
        /** Waiting for the customer or a third party; still unresolved. */
        PENDING,
        /** Resolved; the customer may still reopen it. */
        SOLVED,
        /** Resolved and closed for good. */
        CLOSED;

        /** Returns whether a ticket in this status is resolved, and so has a close instant. */
        public boolean isResolved() {
            return this == SOLVED || this == CLOSED;
        }
    }

    /** Validates every part, and that the status agrees with the close instant. */
    public SupportTicket {
        Checks.identifier(id, "id");
        Objects.requireNonNull(account, "account");
        Dates.check("openedAt", openedAt);
        Objects.requireNonNull(closedAt, "closedAt");
        closedAt.ifPresent(closed -> Dates.check("closedAt", closed));
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        if (closedAt.isPresent() && closedAt.get().isBefore(openedAt)) {
            throw new IllegalArgumentException("closedAt: " + closedAt.get() + " must not be before openedAt "
                    + openedAt + " (ticket " + id + ")");
        }
        if (status.isResolved() && closedAt.isEmpty()) {
            throw new IllegalArgumentException("closedAt: a " + status + " ticket (" + id + ") needs a close instant");
        }
        if (!status.isResolved() && closedAt.isPresent()) {
            throw new IllegalArgumentException("closedAt: " + closedAt.get() + " is not allowed for a " + status
                    + " ticket (" + id + "); only SOLVED and CLOSED tickets have one");
        }
    }

    /** Returns a new, unescalated {@link Status#OPEN} ticket. */
    public static SupportTicket open(String id, AccountId account, Instant openedAt, Priority priority) {
        return new SupportTicket(id, account, openedAt, Optional.empty(), priority, false, Status.OPEN);
    }

    /** Returns this ticket, escalated. */
    public SupportTicket escalate() {
        return new SupportTicket(id, account, openedAt, closedAt, priority, true, status);
    }

    /**
     * Returns this ticket in {@code newStatus}: an unresolved status drops the close instant; a resolved status
     * keeps this ticket's close instant if it has one, else takes {@code at}.
     */
    public SupportTicket withStatus(Status newStatus, Instant at) {
        Objects.requireNonNull(newStatus, "status");
        Objects.requireNonNull(at, "at");
        Optional<Instant> closed = newStatus.isResolved() ? Optional.of(closedAt.orElse(at)) : Optional.empty();
        return new SupportTicket(id, account, openedAt, closed, priority, escalated, newStatus);
    }

    /** Returns whether the ticket was open at {@code instant}: opened at or before it and not yet resolved. */
    public boolean isOpenAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return !instant.isBefore(openedAt) && closedAt.map(instant::isBefore).orElse(true);
    }

    /** Returns the time from opening to resolution, or empty while the ticket is unresolved. */
    public Optional<Duration> resolutionTime() {
        return closedAt.map(closed -> Duration.between(openedAt, closed));
    }
}
