package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The product usage of one account over one {@link UsagePeriod}: the input of the usage, adoption and engagement
 * signals (active users, licence utilisation, feature breadth and depth, usage trend).
 *
 * <p>A host sends one record per account per period; {@code date} is the period's first day (any day for
 * {@link UsagePeriod#DAY}, a Monday for {@link UsagePeriod#WEEK}, the 1st for {@link UsagePeriod#MONTH}), so that
 * records never overlap. Counts of distinct users cannot be added across periods; metrics that need a window of
 * distinct users (MAU) read {@link ActivityRecord}s instead.
 *
 * <p>{@code activeUsers} may exceed {@code licensedSeats}: that is over-deployment (shared logins, seats not yet
 * billed, a lenient licence check), a real and useful signal, not an input error. See
 * {@link #isOverDeployed()}.
 *
 * <p>Build one with {@link #builder(AccountId, LocalDate, UsagePeriod)}. Immutable and thread-safe.
 *
 * @param account       the account
 * @param date          the first day of the period, within {@link Dates the supported range}
 * @param period        the span the record covers
 * @param activeUsers   the distinct users active in the period, not negative
 * @param licensedSeats the seats the account pays for, at least 1; empty when the account is not licensed by seat
 * @param logins        the logins in the period, not negative
 * @param sessions      the sessions in the period, not negative; empty when the host does not track sessions
 * @param featureUse    the uses of each feature in the period, by feature key (an identifier), each not negative;
 *                      a feature absent from the map was not reported, a feature with 0 was reported unused
 */
public record UsageRecord(
        AccountId account,
        LocalDate date,
        UsagePeriod period,
        int activeUsers,
        OptionalInt licensedSeats,
        long logins,
        OptionalLong sessions,
        SortedMap<String, Long> featureUse) {

    /** Validates every part and copies the feature map. */
    public UsageRecord {
        Objects.requireNonNull(account, "account");
        Dates.check("date", date);
        Objects.requireNonNull(period, "period");
        if (!period.isStart(date)) {
            throw new IllegalArgumentException("date: " + date + " (" + date.getDayOfWeek() + ") cannot start a "
                    + period + " period; a WEEK starts on a Monday, a MONTH on the 1st");
        }
        Checks.nonNegative(activeUsers, "activeUsers");
        Objects.requireNonNull(licensedSeats, "licensedSeats");
        if (licensedSeats.isPresent()) {
            Checks.positive(licensedSeats.getAsInt(), "licensedSeats");
        }
        Checks.nonNegative(logins, "logins");
        Objects.requireNonNull(sessions, "sessions");
        if (sessions.isPresent()) {
            Checks.nonNegative(sessions.getAsLong(), "sessions");
        }
        Objects.requireNonNull(featureUse, "featureUse");
        TreeMap<String, Long> copy = new TreeMap<>();
        for (Map.Entry<String, Long> e : featureUse.entrySet()) {
            String key = Checks.identifier(e.getKey(), "featureUse key");
            Long count = Objects.requireNonNull(e.getValue(), "featureUse['" + key + "']");
            copy.put(key, Checks.nonNegative(count.longValue(), "featureUse['" + key + "']"));
        }
        featureUse = Collections.unmodifiableSortedMap(copy);
    }

    /** Returns a builder for the record of {@code account} over the {@code period} that starts on {@code date}. */
    public static Builder builder(AccountId account, LocalDate date, UsagePeriod period) {
        return new Builder(account, date, period);
    }

    /** Returns the first day after the period: its exclusive end. */
    public LocalDate endExclusive() {
        return period.endAfter(date);
    }

    /** Returns whether {@code day} falls in the period. */
    public boolean covers(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return !day.isBefore(date) && day.isBefore(endExclusive());
    }

    /** Returns the keys of the features used at least once in the period, sorted. */
    public SortedSet<String> featuresUsed() {
        TreeSet<String> used = new TreeSet<>();
        featureUse.forEach((key, count) -> {
            if (count > 0) {
                used.add(key);
            }
        });
        return Collections.unmodifiableSortedSet(used);
    }

    /** Returns the uses of a feature in the period, or empty if the feature was not reported. */
    public OptionalLong uses(String featureKey) {
        Objects.requireNonNull(featureKey, "featureKey");
        Long count = featureUse.get(featureKey);
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /**
     * Returns the licence utilisation, {@code activeUsers / licensedSeats}, or empty for an account not licensed by
     * seat. Above 1 when the account is over-deployed.
     */
    public OptionalDouble licenceUtilisation() {
        return licensedSeats.isPresent()
                ? OptionalDouble.of((double) activeUsers / licensedSeats.getAsInt())
                : OptionalDouble.empty();
    }

    /** Returns whether more users were active than seats are licensed; false for an account not licensed by seat. */
    public boolean isOverDeployed() {
        return licensedSeats.isPresent() && activeUsers > licensedSeats.getAsInt();
    }

    /**
     * Builds a {@link UsageRecord}. Active users and logins are required; seats, sessions and feature use are
     * optional. Not thread-safe; the record it builds is.
     */
    public static final class Builder {
        private final AccountId account;
        private final LocalDate date;
        private final UsagePeriod period;
        private @Nullable Integer activeUsers;
        private @Nullable Long logins;
        private OptionalInt licensedSeats = OptionalInt.empty();
        private OptionalLong sessions = OptionalLong.empty();
        private final TreeMap<String, Long> featureUse = new TreeMap<>();

        private Builder(AccountId account, LocalDate date, UsagePeriod period) {
            this.account = Objects.requireNonNull(account, "account");
            this.date = Objects.requireNonNull(date, "date");
            this.period = Objects.requireNonNull(period, "period");
        }

        /** Sets the distinct active users (required). */
        public Builder activeUsers(int activeUsers) {
            this.activeUsers = activeUsers;
            return this;
        }

        /** Sets the logins (required). */
        public Builder logins(long logins) {
            this.logins = logins;
            return this;
        }

        /** Sets the licensed seats. */
        public Builder licensedSeats(int seats) {
            this.licensedSeats = OptionalInt.of(seats);
            return this;
        }

        /** Sets the sessions. */
        public Builder sessions(long sessions) {
            this.sessions = OptionalLong.of(sessions);
            return this;
        }

        /** Sets the uses of one feature, replacing an earlier count of the same key. */
        public Builder featureUse(String featureKey, long uses) {
            featureUse.put(Objects.requireNonNull(featureKey, "featureKey"), uses);
            return this;
        }

        /**
         * Builds the record.
         *
         * @throws IllegalArgumentException naming the first missing or invalid part
         */
        public UsageRecord build() {
            if (activeUsers == null) {
                throw new IllegalArgumentException("activeUsers: is required to build the usage record of "
                        + account + " on " + date);
            }
            if (logins == null) {
                throw new IllegalArgumentException("logins: is required to build the usage record of "
                        + account + " on " + date);
            }
            return new UsageRecord(account, date, period, activeUsers, licensedSeats, logins, sessions, featureUse);
        }
    }
}
