package dev.kizuna.core.plan;

import dev.kizuna.core.Owner;

import java.util.Objects;

/**
 * Who plays a role in a success plan: one person per role, so that every task owned by the role has one owner.
 *
 * @param role   the role
 * @param person the person who plays it
 */
public record RoleAssignment(CsRole role, Owner person) {

    /** Validates both parts. */
    public RoleAssignment {
        Objects.requireNonNull(role, "assignment.role");
        Objects.requireNonNull(person, "assignment.person");
    }

    /** Returns the assignment of {@code person} to {@code role}. */
    public static RoleAssignment of(CsRole role, Owner person) {
        return new RoleAssignment(role, person);
    }
}
