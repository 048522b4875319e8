package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer-success-qualified lead: an account handed to sales for expansion on a day.
 *
 * <p>Immutable and thread-safe.
 *
 * @param account     the account
 * @param qualifiedOn the day it qualified
 */
public record CsqlLead(AccountId account, LocalDate qualifiedOn) {

    /** Validates the parts. */
    public CsqlLead {
        Objects.requireNonNull(account, "account");
        Dates.check("qualifiedOn", qualifiedOn);
    }
}
