package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.event.ActivityRecord;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user of an account active on one day, optionally using one feature: the input of the engagement metrics. A
 * user is identified by its account and its id, so the same id in two accounts is two users.
 *
 * <p>Immutable and thread-safe.
 *
 * @param account the account
 * @param userId  the host's id of the user within the account; not blank
 * @param date    the day of the activity
 * @param feature the feature used, if the activity is a feature use
 */
public record UserActivity(AccountId account, String userId, LocalDate date, Optional<String> feature) {

    /** Validates the parts. */
    public UserActivity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userId, "userId");
        Dates.check("date", date);
        Objects.requireNonNull(feature, "feature");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId: must not be blank");
        }
        if (feature.isPresent() && feature.get().isBlank()) {
            throw new IllegalArgumentException("feature: must not be blank when present");
        }
    }

    /** Returns an activity without a feature. */
    public static UserActivity of(AccountId account, String userId, LocalDate date) {
        return new UserActivity(account, userId, date, Optional.empty());
    }

    /** Returns a use of {@code feature}. */
    public static UserActivity ofFeature(AccountId account, String userId, LocalDate date, String feature) {
        return new UserActivity(account, userId, date, Optional.of(feature));
    }

    /**
     * Returns the activity of a cs-core {@link ActivityRecord}: its account, user and feature, on the day its instant
     * falls in {@code zone} (the zone whose calendar days count as "daily" for DAU; UTC unless the business reports
     * in a local zone). The record's activity type is not kept: every activity counts the same.
     */
    public static UserActivity from(ActivityRecord record, ZoneId zone) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(zone, "zone");
        LocalDate day = LocalDate.ofInstant(record.at(), zone);
        if (!Dates.isSupported(day)) {
            // Only an instant within hours of either end of the calendar, in a zone that moves it across.
            throw new IllegalArgumentException("at: " + record.at() + " is " + day + " in zone " + zone
                    + ", outside the supported dates, from " + Dates.EARLIEST_TEXT + " to " + Dates.LATEST_TEXT);
        }
        return new UserActivity(record.account(), record.userId(), day, record.feature());
    }

    /** Returns {@link #from(ActivityRecord, ZoneId)} of every record, in iteration order. */
    public static List<UserActivity> fromRecords(Collection<ActivityRecord> records, ZoneId zone) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(zone, "zone");
        List<UserActivity> out = new ArrayList<>(records.size());
        int i = 0;
        for (ActivityRecord r : records) {
            if (r == null) {
                throw new NullPointerException("records[" + i + "]: null record");
            }
            out.add(from(r, zone));
            i++;
        }
        return List.copyOf(out);
    }

    /** Returns the user's identity: its account and its id, the key by which the metrics count distinct users. */
    UserKey user() {
        return new UserKey(account, userId);
    }

    /**
     * A user: an account and a user id within it; the key by which the metrics of this package count distinct users.
     *
     * @param account the account
     * @param userId  the user id
     */
    record UserKey(AccountId account, String userId) implements Comparable<UserKey> {
        /** Validates the parts. */
        UserKey {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public int compareTo(UserKey other) {
            int c = account.compareTo(other.account);
            return c != 0 ? c : userId.compareTo(other.userId);
        }
    }
}
