package dev.kizuna.core.signal;

import dev.kizuna.core.AccountId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The signal snapshots of one account over time, oldest first: the input of health trends and of playbook
 * triggers such as "active users down 30% in 30 days".
 *
 * <p>Rules, checked when the history is built and when a snapshot is appended: every snapshot is of
 * {@code account}, and snapshots are in strictly increasing time. A history may be empty. Immutable and
 * thread-safe.
 *
 * @param account   the account
 * @param snapshots the snapshots, oldest first
 */
public record SignalHistory(AccountId account, List<SignalSnapshot> snapshots) {

    /** Validates the snapshots and copies them. */
    public SignalHistory {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(snapshots, "snapshots");
        snapshots = List.copyOf(snapshots);
        for (int i = 0; i < snapshots.size(); i++) {
            checkAccount(account, snapshots.get(i), i);
            if (i > 0) {
                checkOrder(snapshots.get(i - 1), snapshots.get(i), i);
            }
        }
    }

    /** Returns the history of the given snapshots, oldest first. */
    public static SignalHistory of(AccountId account, List<SignalSnapshot> snapshots) {
        return new SignalHistory(account, snapshots);
    }

    /** Returns an empty history of {@code account}. */
    public static SignalHistory empty(AccountId account) {
        return new SignalHistory(account, List.of());
    }

    /**
     * Returns this history with {@code snapshot} appended.
     *
     * @throws IllegalArgumentException if the snapshot is of another account or not after the latest snapshot
     */
    public SignalHistory append(SignalSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        checkAccount(account, snapshot, snapshots.size());
        latest().ifPresent(previous -> checkOrder(previous, snapshot, snapshots.size()));
        List<SignalSnapshot> appended = new ArrayList<>(snapshots.size() + 1);
        appended.addAll(snapshots);
        appended.add(snapshot);
        return new SignalHistory(account, appended);
    }

    /** Returns whether the history has no snapshot. */
    public boolean isEmpty() {
        return snapshots.isEmpty();
    }

    /** Returns the latest snapshot, or empty if there is none. */
    public Optional<SignalSnapshot> latest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    /** Returns the latest snapshot taken at or before {@code instant}, or empty if there is none. */
    public Optional<SignalSnapshot> at(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        int low = 0;
        int high = snapshots.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (snapshots.get(mid).at().isAfter(instant)) {
                high = mid - 1;
            } else {
                found = mid;
                low = mid + 1;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(snapshots.get(found));
    }

    /** Returns the value of {@code name} in the {@linkplain #at(Instant) snapshot at} {@code instant}, if both exist. */
    public OptionalDouble valueAt(SignalName name, Instant instant) {
        Objects.requireNonNull(name, "name");
        return at(instant).map(s -> s.value(name)).orElse(OptionalDouble.empty());
    }

    /**
     * Returns the relative change of {@code name} over {@code window} up to {@code now}:
     * {@code (current - baseline) / |baseline|}, where {@code current} is the value in the snapshot at {@code now}
     * and {@code baseline} the value in the snapshot at {@code now - window} (see {@link #at(Instant)}). So -0.3
     * means down 30%.
     *
     * <p>Empty when either snapshot is missing or lacks the signal (no value is carried forward from an older
     * snapshot), when the baseline is zero, where a relative change is undefined, and when the change overflows a
     * {@code double}.
     *
     * @throws IllegalArgumentException if the window is not positive
     */
    public OptionalDouble change(SignalName name, Duration window, Instant now) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window: " + window + " must be positive");
        }
        OptionalDouble current = valueAt(name, now);
        OptionalDouble baseline = valueAt(name, now.minus(window));
        if (current.isEmpty() || baseline.isEmpty() || baseline.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        double then = baseline.getAsDouble();
        double change = (current.getAsDouble() - then) / Math.abs(then);
        return Double.isFinite(change) ? OptionalDouble.of(change) : OptionalDouble.empty();
    }

    private static void checkAccount(AccountId account, SignalSnapshot next, int index) {
        if (!next.account().equals(account)) {
            throw new IllegalArgumentException("snapshots[" + index + "].account: " + next.account()
                    + " is not the history's account " + account);
        }
    }

    private static void checkOrder(SignalSnapshot previous, SignalSnapshot next, int index) {
        if (!next.at().isAfter(previous.at())) {
            throw new IllegalArgumentException("snapshots[" + index + "].at: " + next.at()
                    + " is out of order: it must be after the previous snapshot's " + previous.at());
        }
    }
}
