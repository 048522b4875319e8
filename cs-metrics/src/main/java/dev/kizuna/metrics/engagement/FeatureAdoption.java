package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.ActivityRecord;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adoption of a set of key features in a window, by the users whose activity is given (filter by account or segment
 * beforehand, or use {@link #byAccount}).
 * <pre>
 * breadth            = key features used at least once / key features
 * adoption(feature)  = users who used the feature / users active in the window
 * depth(feature)     = uses of the feature / users who used it            (uses per adopting user)
 * </pre>
 * Uses of features outside the key set and activities without a feature are not part of breadth or depth; their
 * numbers are reported ({@link #otherFeatureUses()}, {@link #activitiesWithoutFeature()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param window                   the window
 * @param keyFeatures              the key features, sorted
 * @param activeUsers              users active in the window
 * @param features                 per key feature, in name order
 * @param otherFeatureUses         uses of features that are not key features
 * @param activitiesWithoutFeature activities that named no feature
 */
public record FeatureAdoption(DateRange window, Set<String> keyFeatures, long activeUsers, List<FeatureUse> features,
                              long otherFeatureUses, long activitiesWithoutFeature) {

    /**
     * The use of one key feature.
     *
     * @param feature the feature
     * @param users   distinct users who used it
     * @param uses    uses of it (activities naming it)
     */
    public record FeatureUse(String feature, long users, long uses) {
        /** Validates the counts. */
        public FeatureUse {
            Objects.requireNonNull(feature, "feature");
            if (users < 0 || uses < users) {
                throw new IllegalArgumentException("feature " + feature + ": users " + users + " and uses " + uses
                        + " must satisfy 0 <= users <= uses");
            }
        }

        /** Returns uses per adopting user, or empty when nobody used it. */
        public Optional<Ratio> depth() {
            return Ratio.of(uses, users);
        }
    }

    /** Validates and copies the parts. */
    public FeatureAdoption {
        Objects.requireNonNull(window, "window");
        keyFeatures = Set.copyOf(new TreeSet<>(keyFeatures));
        features = List.copyOf(features);
        if (features.size() != keyFeatures.size()) {
            throw new IllegalArgumentException("features: " + features.size() + " entries for " + keyFeatures.size()
                    + " key features");
        }
        if (activeUsers < 0 || otherFeatureUses < 0 || activitiesWithoutFeature < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /**
     * Returns the adoption of {@code keyFeatures} in {@code window}.
     *
     * @throws IllegalArgumentException if the key features are empty or one is blank
     */
    public static FeatureAdoption of(Collection<UserActivity> activities, DateRange window, Set<String> keyFeatures) {
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(keyFeatures, "keyFeatures");
        if (keyFeatures.isEmpty()) {
            throw new IllegalArgumentException("keyFeatures: at least one key feature is needed");
        }
        for (String f : keyFeatures) {
            if (Objects.requireNonNull(f, "keyFeatures: null feature").isBlank()) {
                throw new IllegalArgumentException("keyFeatures: a feature name must not be blank");
            }
        }
        Set<UserActivity.UserKey> active = new HashSet<>();
        Map<String, Set<UserActivity.UserKey>> users = new HashMap<>();
        Map<String, Long> uses = new HashMap<>();
        long other = 0;
        long without = 0;
        for (UserActivity a : activities) {
            Objects.requireNonNull(a, "activities: null activity");
            if (!window.contains(a.date())) {
                continue;
            }
            active.add(a.user());
            if (a.feature().isEmpty()) {
                without++;
            } else if (keyFeatures.contains(a.feature().get())) {
                users.computeIfAbsent(a.feature().get(), k -> new HashSet<>()).add(a.user());
                uses.merge(a.feature().get(), 1L, Long::sum);
            } else {
                other++;
            }
        }
        List<FeatureUse> perFeature = new ArrayList<>();
        for (String f : new TreeSet<>(keyFeatures)) {
            perFeature.add(new FeatureUse(f, users.getOrDefault(f, Set.of()).size(), uses.getOrDefault(f, 0L)));
        }
        return new FeatureAdoption(window, keyFeatures, active.size(), perFeature, other, without);
    }

    /**
     * Returns the adoption of {@code keyFeatures} in {@code window} from cs-core {@link ActivityRecord}s, days being
     * calendar days in {@code zone}. For account-level usage counts ({@link dev.kizuna.core.event.UsageRecord}), which
     * do not say which user used a feature, see {@link UsageAdoption}.
     */
    public static FeatureAdoption of(Collection<ActivityRecord> records, DateRange window, Set<String> keyFeatures,
                                     ZoneId zone) {
        return of(UserActivity.fromRecords(records, zone), window, keyFeatures);
    }

    /** Returns each account's adoption of {@code keyFeatures} in {@code window}, for accounts active in it. */
    public static Map<AccountId, FeatureAdoption> byAccount(Collection<UserActivity> activities, DateRange window,
                                                            Set<String> keyFeatures) {
        Objects.requireNonNull(activities, "activities");
        Map<AccountId, List<UserActivity>> byAccount = new TreeMap<>();
        for (UserActivity a : activities) {
            Objects.requireNonNull(a, "activities: null activity");
            if (window.contains(a.date())) {
                byAccount.computeIfAbsent(a.account(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<AccountId, FeatureAdoption> result = new TreeMap<>();
        byAccount.forEach((account, list) -> result.put(account, of(list, window, keyFeatures)));
        return result;
    }

    /** Returns the share of key features used at least once, from 0 to 1. */
    public Ratio breadth() {
        long used = features.stream().filter(f -> f.users() > 0).count();
        return Ratio.of(used, keyFeatures.size()).orElseThrow();
    }

    /** Returns the share of active users who used {@code feature}, or empty when nobody was active. */
    public Optional<Ratio> adoption(String feature) {
        return Ratio.of(use(feature).users(), activeUsers);
    }

    /** Returns the uses per adopting user of {@code feature}, or empty when nobody used it. */
    public Optional<Ratio> depth(String feature) {
        return use(feature).depth();
    }

    private FeatureUse use(String feature) {
        Objects.requireNonNull(feature, "feature");
        return features.stream().filter(f -> f.feature().equals(feature)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("feature: '" + feature + "' is not a key feature"));
    }
}
