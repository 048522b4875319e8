package dev.kizuna.health.override;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.internal.Checks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A manual health value or band for one account, set by a person for a reason, until it expires.
 *
 * <p>Exactly one of {@code value} and {@code band} is given. The override applies from {@code createdAt}
 * (inclusive) to {@code expiresAt} (exclusive), unless revoked earlier in the {@link OverrideLog}; an expired
 * override stops applying by itself, with nobody having to remove it. Immutable and thread-safe.
 *
 * @param id        the override's id, unique in its log
 * @param account   the account overridden
 * @param value     the manual value from 0 to 100, or empty for a band override
 * @param band      the manual band's name, or empty for a value override
 * @param author    who set it
 * @param reason    why
 * @param createdAt when it was set
 * @param expiresAt when it stops applying; after {@code createdAt}
 */
public record ScoreOverride(
        String id,
        AccountId account,
        OptionalDouble value,
        Optional<String> band,
        String author,
        String reason,
        Instant createdAt,
        Instant expiresAt) {

    /** Validates every part. */
    public ScoreOverride {
        Checks.id(id, "override.id");
        Objects.requireNonNull(account, "override.account");
        Objects.requireNonNull(value, "override.value");
        Objects.requireNonNull(band, "override.band");
        Checks.nonBlank(author, "override.author");
        Checks.nonBlank(reason, "override.reason");
        Objects.requireNonNull(createdAt, "override.createdAt");
        Objects.requireNonNull(expiresAt, "override.expiresAt");
        if (value.isPresent() == band.isPresent()) {
            throw new IllegalArgumentException("override " + id + ": give exactly one of value and band");
        }
        value.ifPresent(v -> Checks.within(v, 0, 100, "override " + id + ".value"));
        band.ifPresent(b -> Checks.id(b, "override " + id + ".band"));
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("override " + id + ".expiresAt: " + expiresAt
                    + " must be after createdAt " + createdAt);
        }
    }

    /** Returns an override of the value. */
    public static ScoreOverride ofValue(String id, AccountId account, double value, String author, String reason,
                                        Instant createdAt, Instant expiresAt) {
        return new ScoreOverride(id, account, OptionalDouble.of(value), Optional.empty(), author, reason, createdAt,
                expiresAt);
    }

    /** Returns an override of the band. */
    public static ScoreOverride ofBand(String id, AccountId account, String band, String author, String reason,
                                       Instant createdAt, Instant expiresAt) {
        return new ScoreOverride(id, account, OptionalDouble.empty(), Optional.of(band), author, reason, createdAt,
                expiresAt);
    }

    /** Returns whether {@code now} is within {@code [createdAt, expiresAt)}. */
    public boolean isInForceAt(Instant now) {
        return !now.isBefore(createdAt) && now.isBefore(expiresAt);
    }
}
