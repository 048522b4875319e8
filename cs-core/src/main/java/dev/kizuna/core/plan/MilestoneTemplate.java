package dev.kizuna.core.plan;

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
     * @throws java.time.DateTimeException if the due date is beyond the supported range of dates
     */
    public Milestone instantiate(LocalDate start) {
        Objects.requireNonNull(start, "start");
        return Milestone.of(name, kind, start.plusDays(dueInDays), ownerRole);
    }
}
