package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing one user of an account did in the product, at an instant: the input of distinct-user metrics over
 * any window (DAU, WAU, MAU, DAU/MAU stickiness) and of per-feature adoption by user.
 *
 * <p>The activity type is the host's own vocabulary ({@code "login"}, {@code "report.export"}, ...); Kizuna
 * compares it exactly and gives no type a special meaning. Immutable and thread-safe.
 *
 * @param account the account the user belongs to
 * @param userId  the host's id of the user, unique within the account
 * @param at      when the activity happened, within {@link Dates the supported range}
 * @param type    what kind of activity it was, an identifier
 * @param feature the key of the feature used, if the activity used one; the same keys as
 *                {@link UsageRecord#featureUse()}
 */
public record ActivityRecord(AccountId account, String userId, Instant at, String type, Optional<String> feature) {

    /** Validates every part. */
    public ActivityRecord {
        Objects.requireNonNull(account, "account");
        Checks.identifier(userId, "userId");
        Dates.check("at", at);
        Checks.identifier(type, "type");
        Objects.requireNonNull(feature, "feature");
        feature.ifPresent(key -> Checks.identifier(key, "feature"));
    }

    /** Returns an activity that used no particular feature. */
    public static ActivityRecord of(AccountId account, String userId, Instant at, String type) {
        return new ActivityRecord(account, userId, at, type, Optional.empty());
    }

    /** Returns an activity that used the feature {@code featureKey}. */
    public static ActivityRecord ofFeature(AccountId account, String userId, Instant at, String type, String featureKey) {
        return new ActivityRecord(account, userId, at, type, Optional.of(featureKey));
    }
}
