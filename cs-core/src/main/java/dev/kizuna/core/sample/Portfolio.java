package dev.kizuna.core.sample;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.SubscriptionEvent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer portfolio: accounts and what happened to them between {@code start} and {@code asOf}.
 *
 * @param start              the first day of the history
 * @param asOf               the day the portfolio is observed; nothing in it happens on or after this day
 * @param accounts           the accounts, in id order
 * @param subscriptionEvents every subscription event, ordered by effective date, then account and subscription
 */
public record Portfolio(
        LocalDate start,
        LocalDate asOf,
        List<Account> accounts,
        List<SubscriptionEvent> subscriptionEvents) {

    /** Validates the window and copies the lists. */
    public Portfolio {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(asOf, "asOf");
        if (!asOf.isAfter(start)) {
            throw new IllegalArgumentException("asOf: " + asOf + " must be after start " + start);
        }
        accounts = List.copyOf(accounts);
        subscriptionEvents = List.copyOf(subscriptionEvents);
    }

    /** Returns the accounts by id, in id order. */
    public Map<AccountId, Account> accountsById() {
        Map<AccountId, Account> byId = new LinkedHashMap<>();
        for (Account a : accounts) {
            byId.put(a.id(), a);
        }
        return byId;
    }

    /** Returns the account with the given id. */
    public Optional<Account> account(AccountId id) {
        Objects.requireNonNull(id, "id");
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
