package dev.kizuna.core;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The contract of a contractual customer: when it started, when it comes up for renewal, and its term.
 *
 * <p>Non-contractual customers (repeat purchasers with nothing to cancel) have no contract at all; see
 * {@link Account#contract()}.
 *
 * <p>Both dates lie within {@link Dates the supported range}, and the term is no longer than that range.
 *
 * @param startDate   the first day of the current contract
 * @param renewalDate the day the contract renews or ends; after {@code startDate}
 * @param term        the contract's length, such as {@code P1Y}; positive, no part of it negative
 */
public record Contract(LocalDate startDate, LocalDate renewalDate, Period term) {

    /** Validates the dates and the term. */
    public Contract {
        Dates.check("contract.startDate", startDate);
        Dates.check("contract.renewalDate", renewalDate);
        checkTerm(term);
        if (!renewalDate.isAfter(startDate)) {
            throw new IllegalArgumentException("contract.renewalDate: " + renewalDate
                    + " must be after contract.startDate " + startDate);
        }
    }

    /**
     * Returns a contract that starts on {@code startDate} and renews after {@code term}.
     *
     * @throws IllegalArgumentException if the start date is outside the supported range, the term is not positive,
     *                                  or the renewal date would be after {@value Dates#LATEST_TEXT}
     */
    public static Contract starting(LocalDate startDate, Period term) {
        Dates.check("contract.startDate", startDate);
        checkTerm(term);
        // Both are bounded by now, so the sum stays far inside LocalDate's own range (no DateTimeException).
        LocalDate renewal = startDate.plus(term);
        if (!Dates.isSupported(renewal)) {
            throw new IllegalArgumentException("contract.term: " + term + " after contract.startDate " + startDate
                    + " ends on " + renewal + ", after the last supported date " + Dates.LATEST_TEXT);
        }
        return new Contract(startDate, renewal, term);
    }

    /**
     * Returns {@code term} if a contract may have it: positive, with no negative part, and no longer than the
     * supported calendar ({@value Dates#EARLIEST_TEXT} to {@value Dates#LATEST_TEXT}), so that adding it to a date
     * cannot overflow.
     *
     * @throws IllegalArgumentException starting with {@code contract.term}, saying why, if it may not
     */
    public static Period checkTerm(Period term) {
        Objects.requireNonNull(term, "contract.term");
        if (term.isZero() || term.isNegative()) {
            throw new IllegalArgumentException("contract.term: " + term + " must be positive, with no negative part");
        }
        // Checked part by part first, so that adding the term to a date cannot overflow.
        long days = Dates.EARLIEST.until(Dates.LATEST, java.time.temporal.ChronoUnit.DAYS);
        if (term.toTotalMonths() > days / 28 || term.getDays() > days
                || Dates.EARLIEST.plus(term).isAfter(Dates.LATEST)) {
            throw new IllegalArgumentException("contract.term: " + term + " is longer than the supported calendar, "
                    + Dates.EARLIEST_TEXT + " to " + Dates.LATEST_TEXT);
        }
        return term;
    }

    /** Returns the days from {@code today} to the renewal date; negative once the renewal date has passed. */
    public long daysToRenewal(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return ChronoUnit.DAYS.between(today, renewalDate);
    }
}
