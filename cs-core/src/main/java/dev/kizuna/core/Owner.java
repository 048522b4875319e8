package dev.kizuna.core;

import dev.kizuna.core.internal.Checks;

/**
 * The person who owns an account or a task: one owner each, as CS practice requires.
 *
 * @param id   the host's identifier of the person (an e-mail address or a user id)
 * @param name the person's display name
 */
public record Owner(String id, String name) {

    /** Validates both parts. */
    public Owner {
        Checks.identifier(id, "owner.id");
        Checks.nonBlank(name, "owner.name");
    }

    /** Returns the owner with the given id and display name. */
    public static Owner of(String id, String name) {
        return new Owner(id, name);
    }
}
