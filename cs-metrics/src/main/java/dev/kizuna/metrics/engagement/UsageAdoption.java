package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adoption of a set of key features in a window, from the account-level usage counts of cs-core
 * {@link UsageRecord}s: how many times each feature was used in each account's period, without who used it. Each
 * record is one account-period (an account's month, for monthly records).
 * <pre>
 * breadth            = key features used at least once / key features
 * adoption(feature)  = account-periods that used the feature / account-periods
 * depth(feature)     = uses of the feature / active users of all the account-periods  (uses per active user)
 * </pre>
 * These differ from the user-level {@link FeatureAdoption}, whose adoption is a share of users and whose depth is
 * per adopting user: usage counts cannot tell adopting users apart. For one account and one monthly window, adoption
 * is 0 or 1 per feature and depth is its uses per active user that month. A feature missing from a record's map was
 * not reported and counts as not used there; {@link FeatureTotal#reportingRecords()} says how many records reported
 * it. Uses of features outside the key set are counted in {@link #otherFeatureUses()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window           the window; records whose whole period lies in it are read
 * @param keyFeatures      the key features, sorted
 * @param records          the account-periods read
 * @param activeUsers      the sum of their active users (user-periods: a user active in two months counts twice)
 * @param features         per key feature, in name order
 * @param otherFeatureUses uses of features that are not key features
 */
public record UsageAdoption(DateRange window, SortedSet<String> keyFeatures, long records, long activeUsers,
                            List<FeatureTotal> features, long otherFeatureUses) {

    /**
     * The use of one key feature over the window's records.
     *
     * @param feature          the feature
     * @param uses             the sum of its uses
     * @param usingRecords     records with at least one use of it
     * @param reportingRecords records that reported it, used or not
     */
    public record FeatureTotal(String feature, long uses, long usingRecords, long reportingRecords) {
        /** Validates the counts. */
        public FeatureTotal {
            Objects.requireNonNull(feature, "feature");
            if (usingRecords < 0 || reportingRecords < usingRecords || uses < usingRecords) {
                throw new IllegalArgumentException("feature " + feature + ": uses " + uses + ", usingRecords "
                        + usingRecords + " and reportingRecords " + reportingRecords
                        + " must satisfy 0 <= usingRecords <= min(uses, reportingRecords)");
            }
        }
    }

    /** Validates and copies the parts. */
    public UsageAdoption {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(keyFeatures, "keyFeatures");
        keyFeatures = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(keyFeatures));
        features = List.copyOf(features);
        if (features.size() != keyFeatures.size()) {
            throw new IllegalArgumentException("features: " + features.size() + " entries for " + keyFeatures.size()
                    + " key features");
        }
        if (records < 0 || activeUsers < 0 || otherFeatureUses < 0) {
            throw new IllegalArgumentException("records " + records + ", activeUsers " + activeUsers
                    + " and otherFeatureUses " + otherFeatureUses + " must be >= 0");
        }
        for (FeatureTotal f : features) {
            if (f.usingRecords() > records || f.reportingRecords() > records) {
                throw new IllegalArgumentException("features: " + f + " counts more than the " + records + " records");
            }
        }
    }

    /**
     * Returns the adoption of {@code keyFeatures} over the records whose whole period lies in {@code window}.
     *
     * @throws IllegalArgumentException if the key features are empty or one is blank, or naming a record that
     *                                  straddles the window
     */
    public static UsageAdoption of(Collection<UsageRecord> usage, DateRange window, Set<String> keyFeatures) {
        Objects.requireNonNull(keyFeatures, "keyFeatures");
        SortedSet<String> keys = keys(keyFeatures);
        return summarise(UsageWindows.inside(usage, window, false), window, keys);
    }

    /** Returns {@link #of} for each account with records in {@code window}, in account order. */
    public static Map<AccountId, UsageAdoption> byAccount(Collection<UsageRecord> usage, DateRange window,
                                                          Set<String> keyFeatures) {
        Objects.requireNonNull(keyFeatures, "keyFeatures");
        SortedSet<String> keys = keys(keyFeatures);
        Map<AccountId, List<UsageRecord>> byAccount = new TreeMap<>();
        for (UsageRecord r : UsageWindows.inside(usage, window, false)) {
            byAccount.computeIfAbsent(r.account(), k -> new ArrayList<>()).add(r);
        }
        Map<AccountId, UsageAdoption> result = new TreeMap<>();
        byAccount.forEach((account, list) -> result.put(account, summarise(list, window, keys)));
        return result;
    }

    private static SortedSet<String> keys(Set<String> keyFeatures) {
        if (keyFeatures.isEmpty()) {
            throw new IllegalArgumentException("keyFeatures: at least one key feature is needed");
        }
        SortedSet<String> keys = new TreeSet<>();
        for (String f : keyFeatures) {
            if (Objects.requireNonNull(f, "keyFeatures: null feature").isBlank()) {
                throw new IllegalArgumentException("keyFeatures: a feature name must not be blank");
            }
            keys.add(f);
        }
        return keys;
    }

    private static UsageAdoption summarise(List<UsageRecord> records, DateRange window, SortedSet<String> keys) {
        Map<String, long[]> totals = new TreeMap<>();
        for (String k : keys) {
            totals.put(k, new long[3]);
        }
        long users = 0;
        long other = 0;
        for (UsageRecord r : records) {
            users += r.activeUsers();
            for (Map.Entry<String, Long> use : r.featureUse().entrySet()) {
                long[] t = totals.get(use.getKey());
                if (t == null) {
                    other += use.getValue();
                    continue;
                }
                t[0] += use.getValue();
                if (use.getValue() > 0) {
                    t[1]++;
                }
                t[2]++;
            }
        }
        List<FeatureTotal> features = new ArrayList<>();
        totals.forEach((feature, t) -> features.add(new FeatureTotal(feature, t[0], t[1], t[2])));
        return new UsageAdoption(window, keys, records.size(), users, features, other);
    }

    /** Returns the share of key features used at least once, from 0 to 1. */
    public Ratio breadth() {
        long used = features.stream().filter(f -> f.uses() > 0).count();
        return Ratio.of(used, keyFeatures.size()).orElseThrow();
    }

    /** Returns the share of account-periods that used {@code feature}, or empty when no record was read. */
    public Optional<Ratio> adoption(String feature) {
        return Ratio.of(total(feature).usingRecords(), records);
    }

    /** Returns the uses of {@code feature} per active user, or empty when no user was active. */
    public Optional<Ratio> depth(String feature) {
        return Ratio.of(total(feature).uses(), activeUsers);
    }

    private FeatureTotal total(String feature) {
        Objects.requireNonNull(feature, "feature");
        return features.stream().filter(f -> f.feature().equals(feature)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("feature: '" + feature + "' is not a key feature"));
    }
}
