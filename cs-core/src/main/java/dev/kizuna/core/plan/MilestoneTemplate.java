package dev.kizuna.core.plan;

import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The template of a {@link Milestone}: its name, kind and owning role, and its due date as an offset from the
 * plan's start.
 *
 * @param name      the milestone's name, unique within its template
 * @param kind      what kind of moment it is
 * @param dueInDays the days from the plan's start to the milestone's due date; >= 0 (0 is the start day)
 * @param ownerRole the role that owns it
 */
public record MilestoneTemplate(String name, MilestoneKind kind, int dueInDays, CsRole ownerRole) {

    /** Validates every part. */
    public MilestoneTemplate {
        Checks.nonBlank(name, "milestone.name");
        Objects.requireNonNull(kind, "milestone.kind");
        Checks.nonNegative(dueInDays, "milestone.dueInDays");
        Objects.requireNonNull(ownerRole, "milestone.ownerRole");
    }

    /** Returns the milestone template with the given parts. */
    public static MilestoneTemplate of(String name, MilestoneKind kind, int dueInDays, CsRole ownerRole) {
        return new MilestoneTemplate(name, kind, dueInDays, ownerRole);
    }

    /**
     * Returns the open milestone of a plan that starts on {@code start}, due {@code dueInDays} later.
     *
     * @throws IllegalArgumentException if {@code start} or the due date is outside {@link Dates the supported range}
     */
    public Milestone instantiate(LocalDate start) {
        Dates.check("start", start);
        // start is at most 9999-12-31 and dueInDays an int: the sum stays far inside LocalDate's own range.
        LocalDate due = start.plusDays(dueInDays);
        if (!Dates.isSupported(due)) {
            throw new IllegalArgumentException("milestone.dueInDays: " + dueInDays + " days after the start " + start
                    + " is " + due + ", after the last supported date " + Dates.LATEST);
        }
        return Milestone.of(name, kind, due, ownerRole);
    }
}
