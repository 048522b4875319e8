package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When an account is a customer-success-qualified lead (CSQL): its usage and health signal readiness for expansion.
 * <pre>
 * qualified = licence utilisation >= minUtilisation  and  health score >= minHealthScore
 * </pre>
 * An account without licensed seats has no utilisation and does not qualify.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minUtilisation the lowest licence utilisation that qualifies, for example 0.8; not negative
 * @param minHealthScore the lowest health score that qualifies; finite
 */
public record CsqlRule(BigDecimal minUtilisation, double minHealthScore) {

    /** Validates the thresholds. */
    public CsqlRule {
        Objects.requireNonNull(minUtilisation, "minUtilisation");
        if (minUtilisation.signum() < 0) {
            throw new IllegalArgumentException("minUtilisation: " + minUtilisation.toPlainString() + " must be >= 0");
        }
        if (!Double.isFinite(minHealthScore)) {
            throw new IllegalArgumentException("minHealthScore: " + minHealthScore + " must be a finite number");
        }
    }

    /** Returns whether the signals qualify the account. */
    public boolean qualifies(ExpansionSignals signals) {
        Objects.requireNonNull(signals, "signals");
        return signals.healthScore() >= minHealthScore
                && signals.licenceUtilisation().map(u -> u.value().compareTo(minUtilisation) >= 0).orElse(false);
    }

    /** Returns a lead, qualified on {@code on}, for each account whose signals qualify, in account order. */
    public List<CsqlLead> leads(Collection<ExpansionSignals> signals, LocalDate on) {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(on, "on");
        List<CsqlLead> leads = new ArrayList<>();
        for (ExpansionSignals s : signals) {
            if (qualifies(s)) {
                leads.add(new CsqlLead(s.account(), on));
            }
        }
        leads.sort(Comparator.comparing(CsqlLead::account, Comparator.<AccountId>naturalOrder()));
        return List.copyOf(leads);
    }
}
