package dev.kizuna.metrics.engagement;

import dev.kizuna.core.Dates;
import dev.kizuna.core.event.ActivityRecord;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * DAU/MAU stickiness: how many of the window's users come back on a typical day.
 * <pre>
 * stickiness = mean daily active users over the window / users active in the window
 *            = sum over the window's days of DAU / (days x window active users)         (0 to 100%)
 * </pre>
 * Every day's active users are among the window's, so the ratio never exceeds 100%. {@link #onDay} gives the other
 * common convention: one day's DAU over the users of the 30 days ending that day.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window           the window, typically a calendar month
 * @param dailyActiveTotal the sum over the window's days of that day's active users
 * @param windowActive     the distinct users active in the window
 */
public record Stickiness(DateRange window, long dailyActiveTotal, long windowActive) {

    /** Validates the counts: no day can have more active users than the window. */
    public Stickiness {
        Objects.requireNonNull(window, "window");
        if (windowActive < 0 || dailyActiveTotal < 0) {
            throw new IllegalArgumentException("dailyActiveTotal " + dailyActiveTotal + " and windowActive "
                    + windowActive + " must be >= 0");
        }
        if (dailyActiveTotal > windowActive * window.days()) {
            throw new IllegalArgumentException("dailyActiveTotal: " + dailyActiveTotal + " exceeds " + windowActive
                    + " users on each of " + window.days() + " days");
        }
    }

    /** Returns the stickiness of {@code window}: mean DAU over the window's active users. */
    public static Stickiness of(Collection<UserActivity> activities, DateRange window) {
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(window, "window");
        // Only the days someone was active: a window may span the whole calendar, 3.6 million days.
        Map<LocalDate, Set<UserActivity.UserKey>> days = new HashMap<>();
        Set<UserActivity.UserKey> all = new HashSet<>();
        for (UserActivity a : activities) {
            Objects.requireNonNull(a, "activities: null activity");
            if (window.contains(a.date())) {
                days.computeIfAbsent(a.date(), d -> new HashSet<>()).add(a.user());
                all.add(a.user());
            }
        }
        long total = days.values().stream().mapToLong(Set::size).sum();
        return new Stickiness(window, total, all.size());
    }

    /**
     * Returns {@code DAU(day) / users active in the 30 days ending on day}: a one-day figure (within the calendar's
     * first 30 days, the days since 0001-01-01).
     *
     * @throws IllegalArgumentException if {@code day} is outside the supported dates
     */
    public static Stickiness onDay(Collection<UserActivity> activities, LocalDate day) {
        Dates.check("day", day);
        long dau = ActiveUsers.count(activities, DateRange.inclusive(day, day));
        long mau = ActiveUsers.count(activities, DateRange.trailing(day.plusDays(1), 30));
        return new Stickiness(DateRange.inclusive(day, day), dau, mau);
    }

    /**
     * Returns the stickiness of {@code window} from cs-core {@link ActivityRecord}s, days being calendar days in
     * {@code zone} (see {@link UserActivity#from(ActivityRecord, ZoneId)}).
     */
    public static Stickiness of(Collection<ActivityRecord> records, DateRange window, ZoneId zone) {
        return of(UserActivity.fromRecords(records, zone), window);
    }

    /** Returns {@link #onDay(Collection, LocalDate)} from cs-core {@link ActivityRecord}s, days in {@code zone}. */
    public static Stickiness onDay(Collection<ActivityRecord> records, LocalDate day, ZoneId zone) {
        return onDay(UserActivity.fromRecords(records, zone), day);
    }

    /** Returns the mean daily active users over the window. */
    public Ratio meanDailyActive() {
        return Ratio.of(dailyActiveTotal, window.days()).orElseThrow();
    }

    /** Returns mean DAU / window active users, from 0 to 1, or empty when nobody was active. */
    public Optional<Ratio> ratio() {
        return Ratio.of(dailyActiveTotal, window.days() * windowActive);
    }
}
