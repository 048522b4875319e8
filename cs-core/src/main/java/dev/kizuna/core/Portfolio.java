package dev.kizuna.core;

import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SupportTicket;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalSnapshot;

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
 * @param asOf               the day the portfolio is observed; everything in it happened before this day
 * @param accounts           the accounts, in id order
 * @param subscriptionEvents every subscription event, ordered by effective date, then account and subscription
 * @param usage              monthly usage records, ordered by month, then account
 * @param surveys            survey responses (NPS, CSAT, CES), ordered by time
 * @param tickets            support tickets, ordered by the time they were opened
 * @param signals            monthly signal snapshots of every account that was a customer that month, by time
 * @param plans              success plans of current customers, in account order
 */
public record Portfolio(
        LocalDate start,
        LocalDate asOf,
        List<Account> accounts,
        List<SubscriptionEvent> subscriptionEvents,
        List<UsageRecord> usage,
        List<SurveyResponse> surveys,
        List<SupportTicket> tickets,
        List<SignalSnapshot> signals,
        List<SuccessPlan> plans) {

    /** Validates the window and copies the lists. */
    public Portfolio {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(asOf, "asOf");
        if (!asOf.isAfter(start)) {
            throw new IllegalArgumentException("asOf: " + asOf + " must be after start " + start);
        }
        accounts = List.copyOf(accounts);
        subscriptionEvents = List.copyOf(subscriptionEvents);
        usage = List.copyOf(usage);
        surveys = List.copyOf(surveys);
        tickets = List.copyOf(tickets);
        signals = List.copyOf(signals);
        plans = List.copyOf(plans);
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

    /** Returns each account's latest signal snapshot, for the accounts that have one, in account order. */
    public List<SignalSnapshot> latestSignals() {
        Map<AccountId, SignalSnapshot> latest = new LinkedHashMap<>();
        for (SignalSnapshot s : signals) {
            latest.put(s.account(), s);
        }
        List<SignalSnapshot> out = new java.util.ArrayList<>(latest.size());
        for (Account a : accounts) {
            SignalSnapshot s = latest.get(a.id());
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
