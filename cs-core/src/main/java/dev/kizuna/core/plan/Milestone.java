package dev.kizuna.core.plan;

import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A key moment of the customer's journey (kickoff, onboarding done, first value, a business review, renewal), due
 * on a date and owned by one role.
 *
 * <p>A milestone is overdue on a day after its due date when it was not completed by that day. Completion may be
 * recorded on any date, early or late; evaluating a past day ignores a completion recorded after it, so a plan's
 * status can be replayed as it stood then. Both dates lie within {@link Dates the supported range}.
 *
 * @param name        the milestone's name, unique within its plan
 * @param kind        what kind of moment it is
 * @param dueDate     the day it is due
 * @param completedOn the day it was completed, or empty while it is open
 * @param ownerRole   the role that owns it
 */
public record Milestone(
        String name,
        MilestoneKind kind,
        LocalDate dueDate,
        Optional<LocalDate> completedOn,
        CsRole ownerRole) {

    /** Validates every part. */
    public Milestone {
        Checks.nonBlank(name, "milestone.name");
        Objects.requireNonNull(kind, "milestone.kind");
        Dates.check("milestone.dueDate", dueDate);
        Objects.requireNonNull(completedOn, "milestone.completedOn");
        completedOn.ifPresent(day -> Dates.check("milestone.completedOn", day));
        Objects.requireNonNull(ownerRole, "milestone.ownerRole");
    }

    /** Returns an open milestone. */
    public static Milestone of(String name, MilestoneKind kind, LocalDate dueDate, CsRole ownerRole) {
        return new Milestone(name, kind, dueDate, Optional.empty(), ownerRole);
    }

    /** Returns this milestone completed on {@code date}. */
    public Milestone completed(LocalDate date) {
        return new Milestone(name, kind, dueDate, Optional.of(Objects.requireNonNull(date, "date")), ownerRole);
    }

    /** Returns whether a completion is recorded. */
    public boolean isCompleted() {
        return completedOn.isPresent();
    }

    /** Returns whether the milestone was completed on or before {@code asOf}. */
    public boolean isCompletedBy(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return completedOn.isPresent() && !completedOn.get().isAfter(asOf);
    }

    /** Returns whether, on {@code asOf}, the due date has passed (strictly) without the milestone completed. */
    public boolean isOverdue(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return asOf.isAfter(dueDate) && !isCompletedBy(asOf);
    }

    /**
     * Returns the days the milestone is overdue on {@code asOf}: the days from the due date to {@code asOf} when it
     * is {@linkplain #isOverdue overdue}, else 0. A milestone due yesterday is 1 day overdue today.
     */
    public long daysOverdue(LocalDate asOf) {
        return isOverdue(asOf) ? ChronoUnit.DAYS.between(dueDate, asOf) : 0;
    }
}
