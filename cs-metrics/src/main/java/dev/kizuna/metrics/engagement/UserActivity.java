package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;

import java.time.LocalDate;
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
        Objects.requireNonNull(date, "date");
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

    /** Returns the user's identity: its account and its id. */
    public UserKey user() {
        return new UserKey(account, userId);
    }

    /**
     * A user: an account and a user id within it.
     *
     * @param account the account
     * @param userId  the user id
     */
    public record UserKey(AccountId account, String userId) implements Comparable<UserKey> {
        /** Validates the parts. */
        public UserKey {
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
