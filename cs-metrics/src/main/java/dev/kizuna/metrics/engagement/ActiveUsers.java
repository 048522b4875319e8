package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.ActivityRecord;
import dev.kizuna.metrics.DateRange;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Active users in a window: the number of distinct users (account and user id) with at least one activity dated in
 * it. Activities outside the window are not counted.
 */
public final class ActiveUsers {
    private ActiveUsers() {
    }

    /** Returns the number of distinct users active in {@code window}. */
    public static long count(Collection<UserActivity> activities, DateRange window) {
        return users(activities, window).size();
    }

    /** Returns the number of distinct users active in {@code window}, per account, in account order. */
    public static Map<AccountId, Long> byAccount(Collection<UserActivity> activities, DateRange window) {
        Map<AccountId, Long> counts = new TreeMap<>();
        for (UserActivity.UserKey user : users(activities, window)) {
            counts.merge(user.account(), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * Returns the number of distinct users with an {@link ActivityRecord} on a day of {@code window}, days being
     * calendar days in {@code zone} (see {@link UserActivity#from(ActivityRecord, ZoneId)}).
     */
    public static long count(Collection<ActivityRecord> records, DateRange window, ZoneId zone) {
        return count(UserActivity.fromRecords(records, zone), window);
    }

    /** Returns {@link #count(Collection, DateRange, ZoneId)} per account, in account order. */
    public static Map<AccountId, Long> byAccount(Collection<ActivityRecord> records, DateRange window, ZoneId zone) {
        return byAccount(UserActivity.fromRecords(records, zone), window);
    }

    static Set<UserActivity.UserKey> users(Collection<UserActivity> activities, DateRange window) {
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(window, "window");
        Set<UserActivity.UserKey> users = new HashSet<>();
        for (UserActivity a : activities) {
            Objects.requireNonNull(a, "activities: null activity");
            if (window.contains(a.date())) {
                users.add(a.user());
            }
        }
        return users;
    }
}
