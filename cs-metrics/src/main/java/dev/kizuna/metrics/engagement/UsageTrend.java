package dev.kizuna.metrics.engagement;

import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Usage over consecutive windows, and its trend.
 * <pre>
 * point(window)  = (active users, activities) in the window
 *                  from usage records: (sum of the accounts' active users, sum of their logins)
 * change         = (last active users - first active users) / first active users
 * slope          = least-squares slope of active users against the window's position (users per window)
 * </pre>
 * A flat or falling slope with rising seats is the usual early churn signal.
 *
 * <p>Immutable and thread-safe.
 *
 * @param points the windows, oldest first
 */
public record UsageTrend(List<Point> points) {

    /**
     * Usage in one window.
     *
     * @param window      the window
     * @param activeUsers distinct users active in it
     * @param activities  activities in it (logins, for a trend of usage records, which can be fewer than the
     *                    active users when some use the product without logging in, through an API or a session)
     */
    public record Point(DateRange window, long activeUsers, long activities) {
        /** Validates the counts. */
        public Point {
            Objects.requireNonNull(window, "window");
            if (activeUsers < 0 || activities < 0) {
                throw new IllegalArgumentException("activeUsers " + activeUsers + " and activities " + activities
                        + " must be >= 0");
            }
        }
    }

    /** Validates and copies the points. */
    public UsageTrend {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points: a trend needs at least one window");
        }
    }

    /** Returns the usage of every period of {@code unit} overlapping {@code first} to {@code last}. */
    public static UsageTrend of(Collection<UserActivity> activities, ReportingPeriod unit, LocalDate first, LocalDate last) {
        Objects.requireNonNull(unit, "unit");
        return of(activities, unit.between(first, last));
    }

    /** Returns the usage of each window, in the order given. */
    public static UsageTrend of(Collection<UserActivity> activities, List<DateRange> windows) {
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(windows, "windows");
        List<Point> points = new ArrayList<>();
        for (DateRange w : windows) {
            long count = activities.stream().filter(a -> w.contains(a.date())).count();
            points.add(new Point(w, ActiveUsers.count(activities, w), count));
        }
        return new UsageTrend(points);
    }

    /**
     * Returns the usage of every period of {@code unit} overlapping {@code first} to {@code last}, from cs-core
     * {@link UsageRecord}s; see {@link #ofUsage(Collection, List)}.
     */
    public static UsageTrend ofUsage(Collection<UsageRecord> usage, ReportingPeriod unit, LocalDate first,
                                     LocalDate last) {
        Objects.requireNonNull(unit, "unit");
        return ofUsage(usage, unit.between(first, last));
    }

    /**
     * Returns the usage of each window from cs-core {@link UsageRecord}s, in the order given: the sum of the active
     * users and of the logins of the records whose period lies in the window (each account's distinct users, summed
     * over accounts). Filter the records to one account or segment beforehand for its own trend.
     *
     * @throws IllegalArgumentException naming the record, if an account has two records in one window (distinct users
     *                                  of two periods cannot be added: use windows of the records' period) or a record
     *                                  straddles a window
     */
    public static UsageTrend ofUsage(Collection<UsageRecord> usage, List<DateRange> windows) {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(windows, "windows");
        List<Point> points = new ArrayList<>();
        for (DateRange w : windows) {
            long users = 0;
            long logins = 0;
            for (UsageRecord r : UsageWindows.inside(usage, w, true)) {
                users += r.activeUsers();
                logins += r.logins();
            }
            points.add(new Point(w, users, logins));
        }
        return new UsageTrend(points);
    }

    /** Returns {@code (last - first) / first} of active users, or empty when the first window had none. */
    public Optional<Ratio> change() {
        long first = points.get(0).activeUsers();
        long last = points.get(points.size() - 1).activeUsers();
        return Ratio.of(last - first, first);
    }

    /** Returns the exact least-squares slope of active users per window, or empty with fewer than two windows. */
    public Optional<Ratio> slope() {
        int n = points.size();
        if (n < 2) {
            return Optional.empty();
        }
        BigDecimal sx = BigDecimal.ZERO;
        BigDecimal sy = BigDecimal.ZERO;
        BigDecimal sxy = BigDecimal.ZERO;
        BigDecimal sxx = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal x = BigDecimal.valueOf(i);
            BigDecimal y = BigDecimal.valueOf(points.get(i).activeUsers());
            sx = sx.add(x);
            sy = sy.add(y);
            sxy = sxy.add(x.multiply(y));
            sxx = sxx.add(x.multiply(x));
        }
        BigDecimal count = BigDecimal.valueOf(n);
        return Ratio.of(count.multiply(sxy).subtract(sx.multiply(sy)), count.multiply(sxx).subtract(sx.multiply(sx)));
    }
}
