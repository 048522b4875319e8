package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.metrics.Ratio;

import java.util.Objects;
import java.util.Optional;

/**
 * What an account's usage and health say about its readiness to expand: the input of {@link CsqlRule}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param account            the account
 * @param licenceUtilisation active users over licensed seats ({@link LicenceUtilisation#ratio()}); empty without seats
 * @param healthScore        the account's health score, on whatever scale the rule's threshold uses; finite
 */
public record ExpansionSignals(AccountId account, Optional<Ratio> licenceUtilisation, double healthScore) {

    /** Validates the parts. */
    public ExpansionSignals {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(licenceUtilisation, "licenceUtilisation");
        if (!Double.isFinite(healthScore)) {
            throw new IllegalArgumentException("healthScore: " + healthScore + " must be a finite number");
        }
    }
}
