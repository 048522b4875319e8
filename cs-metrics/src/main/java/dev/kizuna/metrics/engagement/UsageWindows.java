package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.metrics.DateRange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Selects the {@link UsageRecord}s of a window for the usage-based calculators, strictly. */
final class UsageWindows {
    private UsageWindows() {
    }

    /**
     * Returns the records whose whole period lies in {@code window}, in iteration order.
     *
     * @param onePerAccount whether two records of one account in the window are an error (distinct user counts of
     *                      two periods cannot be added)
     * @throws IllegalArgumentException naming the record, if one straddles the window's start or end, or if
     *                                  {@code onePerAccount} and an account has two records in it
     */
    static List<UsageRecord> inside(Collection<UsageRecord> records, DateRange window, boolean onePerAccount) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(window, "window");
        List<UsageRecord> inside = new ArrayList<>();
        Map<AccountId, Integer> seen = onePerAccount ? new HashMap<>() : Map.of();
        int i = 0;
        for (UsageRecord r : records) {
            if (r == null) {
                throw new NullPointerException("records[" + i + "]: null record");
            }
            boolean startsIn = window.contains(r.date());
            boolean endsIn = !r.endExclusive().isAfter(window.end());
            boolean overlaps = r.date().isBefore(window.end()) && r.endExclusive().isAfter(window.start());
            if (startsIn && endsIn) {
                if (onePerAccount) {
                    Integer earlier = seen.putIfAbsent(r.account(), i);
                    if (earlier != null) {
                        throw new IllegalArgumentException("records[" + i + "]: account '" + r.account()
                                + "' already has records[" + earlier + "] in the window " + window + "; distinct user"
                                + " counts of two periods cannot be added, use windows of the records' period ("
                                + r.period() + ")");
                    }
                }
                inside.add(r);
            } else if (overlaps) {
                throw new IllegalArgumentException("records[" + i + "]: the " + r.period() + " record of account '"
                        + r.account() + "' from " + r.date() + " straddles the window " + window
                        + "; use windows aligned to the records' periods");
            }
            i++;
        }
        return inside;
    }
}
