package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.revenue.CustomerHistory;
import dev.kizuna.metrics.revenue.MovementType;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.MrrMovement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CSQL count and conversion: how many leads qualified in a window, and how many of them expanded within a number of
 * days of qualifying, read from an {@link MrrLedger}.
 * <pre>
 * CSQL count      = accounts qualified in the window (each once, at its first qualification)
 * converted       = of those, accounts with an expansion movement in (qualifiedOn, qualifiedOn + windowDays]
 * conversion rate = converted / CSQL count
 * </pre>
 * Repeated qualifications of an account in the window are counted in {@link #repeatLeads()}; leads for accounts the
 * ledger does not know are in the count (they cannot have converted) and in {@link #unknownAccounts()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param qualifiedIn     the window the leads qualified in
 * @param windowDays      the days after qualifying in which an expansion counts
 * @param count           the CSQL count
 * @param converted       leads that expanded in time
 * @param expansionMrr    the MRR of those expansions
 * @param repeatLeads     further qualifications of accounts already counted
 * @param unknownAccounts leads whose account has no events in the ledger
 */
public record CsqlConversion(DateRange qualifiedIn, int windowDays, long count, long converted, Money expansionMrr,
                             long repeatLeads, long unknownAccounts) {

    /** Validates the parts. */
    public CsqlConversion {
        Objects.requireNonNull(qualifiedIn, "qualifiedIn");
        Objects.requireNonNull(expansionMrr, "expansionMrr");
        if (windowDays <= 0) {
            throw new IllegalArgumentException("windowDays: " + windowDays + " must be > 0");
        }
        if (converted < 0 || converted > count || repeatLeads < 0 || unknownAccounts < 0 || unknownAccounts > count) {
            throw new IllegalArgumentException("converted " + converted + " and unknownAccounts " + unknownAccounts
                    + " must be from 0 to count " + count);
        }
    }

    /** Returns the count and conversion of the {@code leads} that qualified in {@code qualifiedIn}. */
    public static CsqlConversion of(Collection<CsqlLead> leads, DateRange qualifiedIn, MrrLedger ledger, int windowDays) {
        Objects.requireNonNull(leads, "leads");
        Objects.requireNonNull(qualifiedIn, "qualifiedIn");
        Objects.requireNonNull(ledger, "ledger");
        if (windowDays <= 0) {
            throw new IllegalArgumentException("windowDays: " + windowDays + " must be > 0");
        }
        Map<AccountId, LocalDate> first = new TreeMap<>();
        long repeats = 0;
        for (CsqlLead lead : leads) {
            Objects.requireNonNull(lead, "leads: null lead");
            if (!qualifiedIn.contains(lead.qualifiedOn())) {
                continue;
            }
            LocalDate earlier = first.get(lead.account());
            if (earlier != null) {
                repeats++;
                if (lead.qualifiedOn().isBefore(earlier)) {
                    first.put(lead.account(), lead.qualifiedOn());
                }
            } else {
                first.put(lead.account(), lead.qualifiedOn());
            }
        }
        long converted = 0;
        long unknown = 0;
        Money expansion = Money.zero(ledger.currency());
        for (Map.Entry<AccountId, LocalDate> e : first.entrySet()) {
            Optional<CustomerHistory> history = ledger.history(e.getKey());
            if (history.isEmpty()) {
                unknown++;
                continue;
            }
            LocalDate from = e.getValue();
            LocalDate to = from.plusDays(windowDays);
            boolean hit = false;
            for (MrrMovement m : history.get().movements()) {
                if (m.type() == MovementType.EXPANSION && m.date().isAfter(from) && !m.date().isAfter(to)) {
                    hit = true;
                    expansion = expansion.plus(m.amount());
                }
            }
            if (hit) {
                converted++;
            }
        }
        return new CsqlConversion(qualifiedIn, windowDays, first.size(), converted, expansion, repeats, unknown);
    }

    /** Returns {@code converted / count}, or empty when no lead qualified. */
    public Optional<Ratio> rate() {
        return Ratio.of(converted, count);
    }
}
