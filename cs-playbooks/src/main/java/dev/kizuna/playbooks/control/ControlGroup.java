package dev.kizuna.playbooks.control;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.internal.Checks;

import java.util.Objects;

/**
 * The share of a playbook's eligible accounts held out as a control group, and the salt of the assignment.
 *
 * <p><b>Assignment</b> is a pure function of the account id, the playbook id and the salt: the account is held out
 * when {@code u < share}, where {@code u} is a 64-bit hash of {@code account + U+0000 + playbook + U+0000 + salt}
 * (FNV-1a over the UTF-8 bytes, then MurmurHash3's {@code fmix64} finaliser) whose top 53 bits are taken over
 * 2<sup>53</sup>. It is stable across runs and machines, independent between playbooks, and the held-out share
 * converges to {@code share} over many accounts. Changing the salt draws a fresh control group. Immutable and
 * thread-safe.
 *
 * @param share the share held out, from 0 (nobody) to 0.9
 * @param salt  the salt, an id
 */
public record ControlGroup(double share, String salt) {
    /** The largest share a control group may take. */
    public static final double MAX_SHARE = 0.9;
    /** The salt used when none is given. */
    public static final String DEFAULT_SALT = "kizuna";

    private static final ControlGroup NONE = new ControlGroup(0, DEFAULT_SALT);

    /** Validates the share and the salt. */
    public ControlGroup {
        Checks.finite(share, "control.share");
        if (share < 0 || share > MAX_SHARE) {
            throw new IllegalArgumentException("control.share: " + share + " must be between 0 and " + MAX_SHARE);
        }
        Checks.id(salt, "control.salt");
    }

    /** Returns the control group that holds out nobody. */
    public static ControlGroup none() {
        return NONE;
    }

    /** Returns a control group of the given share and salt. */
    public static ControlGroup of(double share, String salt) {
        return new ControlGroup(share, salt);
    }

    /** Returns a control group of the given share and the {@linkplain #DEFAULT_SALT default salt}. */
    public static ControlGroup of(double share) {
        return new ControlGroup(share, DEFAULT_SALT);
    }

    /** Returns whether this group holds out nobody. */
    public boolean isNone() {
        return share == 0;
    }

    /** Returns whether {@code account} is held out of the playbook {@code playbookId}. */
    public boolean isHeldOut(AccountId account, String playbookId) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(playbookId, "playbookId");
        if (share == 0) {
            return false;
        }
        return StableHash.unit(StableHash.of(account.value(), playbookId, salt)) < share;
    }
}
