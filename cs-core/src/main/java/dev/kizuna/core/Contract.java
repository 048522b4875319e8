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
 * @param startDate   the first day of the current contract
 * @param renewalDate the day the contract renews or ends; after {@code startDate}
 * @param term        the contract's length, such as {@code P1Y}; positive
 */
public record Contract(LocalDate startDate, LocalDate renewalDate, Period term) {

    /** Validates the dates and the term. */
    public Contract {
        Objects.requireNonNull(startDate, "contract.startDate");
        Objects.requireNonNull(renewalDate, "contract.renewalDate");
        Objects.requireNonNull(term, "contract.term");
        if (!renewalDate.isAfter(startDate)) {
            throw new IllegalArgumentException("contract.renewalDate: " + renewalDate
                    + " must be after contract.startDate " + startDate);
        }
        if (term.isZero() || term.isNegative()) {
            throw new IllegalArgumentException("contract.term: " + term + " must be positive");
        }
    }

    /** Returns a contract that starts on {@code startDate} and renews after {@code term}. */
    public static Contract starting(LocalDate startDate, Period term) {
        Objects.requireNonNull(startDate, "contract.startDate");
        Objects.requireNonNull(term, "contract.term");
        return new Contract(startDate, startDate.plus(term), term);
    }

    /** Returns the days from {@code today} to the renewal date; negative once the renewal date has passed. */
    public long daysToRenewal(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return ChronoUnit.DAYS.between(today, renewalDate);
    }
}
