package dev.kizuna.health.backtest;

import dev.kizuna.core.AccountId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

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

    /** Returns the instant the outcome counts from: the start of its date in UTC. */
    public Instant instant() {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
