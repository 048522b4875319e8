package dev.kizuna.core;

import dev.kizuna.core.internal.Checks;

/**
 * The host's identifier of an account: 1 to 256 characters, no control characters, no surrounding white space.
 *
 * @param value the identifier
 */
public record AccountId(String value) implements Comparable<AccountId> {

    /** Validates the identifier. */
    public AccountId {
        Checks.identifier(value, "accountId");
    }

    /** Returns the id for the given value. */
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
