package dev.kizuna.health.outcome;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.SubscriptionEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened to an account on a date, against which health scores are judged. Immutable and
 * thread-safe.
 *
 * <p>An outcome counts from the start of its date, in UTC: a snapshot taken at {@code t} is followed by the outcomes
 * whose {@link #instant()} is after {@code t}. For churn, the date is the day the customer left (the first day
 * without service), as the MRR movements recognise churn by default.
 *
 * @param account the account
 * @param type    what happened
 * @param date    the day it happened
 */
public record Outcome(AccountId account, Type type, LocalDate date) {

    /** What happened. */
    public enum Type {
        /** The customer left: its last paid subscription ended. */
        CHURNED,
        /** The customer stayed but pays less. */
        CONTRACTED,
        /** The customer pays more. */
        EXPANDED
    }

    /** Validates the parts. */
    public Outcome {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
    }

    /** Returns the outcome that {@code account} churned on {@code date}. */
    public static Outcome churned(AccountId account, LocalDate date) {
        return new Outcome(account, Type.CHURNED, date);
    }

    /** Returns the outcome that {@code account} contracted on {@code date}. */
    public static Outcome contracted(AccountId account, LocalDate date) {
        return new Outcome(account, Type.CONTRACTED, date);
    }

    /** Returns the outcome that {@code account} expanded on {@code date}. */
    public static Outcome expanded(AccountId account, LocalDate date) {
        return new Outcome(account, Type.EXPANDED, date);
    }

    /**
     * Returns the churns of a subscription history: an account churns each time its last subscription ends, on the
     * effective date of the {@code CANCEL} or {@code END} that leaves it without any (its first day without
     * service). A later {@code START} makes it a customer again, and it can churn again. Events may come in any
     * order; they are read by effective date, then account, then subscription id, so the result is deterministic.
     * A {@code CANCEL} or {@code END} of a subscription that was never started changes nothing.
     *
     * @return the churns, by date, then account
     */
    public static List<Outcome> churnsOf(Collection<SubscriptionEvent> events) {
        Objects.requireNonNull(events, "events");
        List<SubscriptionEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(SubscriptionEvent::effectiveDate).thenComparing(SubscriptionEvent::account)
                .thenComparing(SubscriptionEvent::subscriptionId));
        Map<AccountId, Set<String>> active = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        for (SubscriptionEvent e : ordered) {
            Set<String> subscriptions = active.computeIfAbsent(e.account(), a -> new HashSet<>());
            if (e.kind() == SubscriptionEvent.Kind.START || e.kind() == SubscriptionEvent.Kind.CHANGE) {
                subscriptions.add(e.subscriptionId());
            } else if (subscriptions.remove(e.subscriptionId()) && subscriptions.isEmpty()) {
                out.add(churned(e.account(), e.effectiveDate()));
            }
        }
        return List.copyOf(out);
    }

    /** Returns the instant the outcome counts from: the start of its date in UTC. */
    public Instant instant() {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
