package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Licence utilisation: active users over licensed seats.
 * <pre>
 * utilisation = active users in the window / licensed seats
 * </pre>
 * It can exceed 100% (more users than seats: shared logins or a stale seat count); that is reported, not capped.
 *
 * <p>Immutable and thread-safe.
 *
 * @param activeUsers   users active in the window
 * @param licensedSeats seats licensed
 */
public record LicenceUtilisation(long activeUsers, long licensedSeats) {

    /** Validates the counts. */
    public LicenceUtilisation {
        if (activeUsers < 0 || licensedSeats < 0) {
            throw new IllegalArgumentException("activeUsers " + activeUsers + " and licensedSeats " + licensedSeats
                    + " must be >= 0");
        }
    }

    /**
     * Returns each account's utilisation in {@code window}: every account with seats, and every account with activity
     * but no seats (its ratio is then empty, so it is visible rather than dropped), in account order.
     */
    public static Map<AccountId, LicenceUtilisation> byAccount(Collection<UserActivity> activities, DateRange window,
                                                               Map<AccountId, Integer> seats) {
        Objects.requireNonNull(seats, "seats");
        Map<AccountId, Long> active = ActiveUsers.byAccount(activities, window);
        Map<AccountId, LicenceUtilisation> result = new TreeMap<>();
        seats.forEach((account, count) -> {
            Objects.requireNonNull(account, "seats: null account");
            Objects.requireNonNull(count, () -> "seats[" + account + "]: null");
            if (count < 0) {
                throw new IllegalArgumentException("seats[" + account + "]: " + count + " must be >= 0");
            }
            result.put(account, new LicenceUtilisation(active.getOrDefault(account, 0L), count));
        });
        active.forEach((account, users) -> result.putIfAbsent(account, new LicenceUtilisation(users, 0)));
        return result;
    }

    /**
     * Returns the utilisation of one cs-core {@link UsageRecord}: its active users over its licensed seats; an account
     * not licensed by seat has zero seats here, so its ratio is empty.
     */
    public static LicenceUtilisation of(UsageRecord record) {
        Objects.requireNonNull(record, "record");
        return new LicenceUtilisation(record.activeUsers(), record.licensedSeats().orElse(0));
    }

    /**
     * Returns each account's utilisation in {@code window} from cs-core {@link UsageRecord}s, in account order: the
     * one record of each account whose period lies in the window (a monthly record for a calendar-month window).
     * Records outside the window are not read.
     *
     * @throws IllegalArgumentException naming the record, if an account has two records in the window (distinct users
     *                                  of two periods cannot be added) or a record straddles the window
     */
    public static Map<AccountId, LicenceUtilisation> byAccount(Collection<UsageRecord> usage, DateRange window) {
        Map<AccountId, LicenceUtilisation> result = new TreeMap<>();
        for (UsageRecord r : UsageWindows.inside(usage, window, true)) {
            result.put(r.account(), of(r));
        }
        return result;
    }

    /** Returns {@code activeUsers / licensedSeats}, or empty when no seats are licensed. */
    public Optional<Ratio> ratio() {
        return Ratio.of(activeUsers, licensedSeats);
    }

    /** Returns whether more users were active than seats are licensed. */
    public boolean overDeployed() {
        return activeUsers > licensedSeats;
    }
}
