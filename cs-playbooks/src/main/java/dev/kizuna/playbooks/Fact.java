package dev.kizuna.playbooks;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.internal.Numbers;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact about an account that a condition tests: its {@link FactKind}, and the signal and window when the kind
 * needs them. Immutable and thread-safe.
 *
 * @param kind   what the fact is
 * @param signal the signal, exactly when {@link FactKind#needsSignal()}
 * @param window the window, exactly when {@link FactKind#needsWindow()}; positive, at most ten years
 */
public record Fact(FactKind kind, Optional<SignalName> signal, Optional<Duration> window) {

    /** Validates that the signal and window are given exactly when the kind needs them. */
    public Fact {
        Objects.requireNonNull(kind, "fact.kind");
        Objects.requireNonNull(signal, "fact.signal");
        Objects.requireNonNull(window, "fact.window");
        if (kind.needsSignal() != signal.isPresent()) {
            throw new IllegalArgumentException("fact.signal: a " + kind.key() + " fact "
                    + (kind.needsSignal() ? "needs a signal" : "takes no signal"));
        }
        if (kind.needsWindow() != window.isPresent()) {
            throw new IllegalArgumentException("fact.window: a " + kind.key() + " fact "
                    + (kind.needsWindow() ? "needs a window" : "takes no window"));
        }
        window.ifPresent(w -> Checks.window(w, "fact.window"));
    }

    /** Returns the fact of a kind that needs neither a signal nor a window. */
    public static Fact of(FactKind kind) {
        return new Fact(kind, Optional.empty(), Optional.empty());
    }

    /** Returns the latest value of a signal. */
    public static Fact signal(SignalName signal) {
        return new Fact(FactKind.SIGNAL, Optional.of(signal), Optional.empty());
    }

    /** Returns the relative change of a signal over a window. */
    public static Fact signalChange(SignalName signal, Duration window) {
        return new Fact(FactKind.SIGNAL_CHANGE, Optional.of(signal), Optional.of(window));
    }

    /** Returns a count of survey answers within a window ({@link FactKind#PROMOTERS} or {@link FactKind#DETRACTORS}). */
    public static Fact within(FactKind kind, Duration window) {
        return new Fact(kind, Optional.empty(), Optional.of(window));
    }

    /** Returns how a person reads this fact, such as {@code change of usage.active_users over P30D}. */
    public String describe() {
        return switch (kind) {
            case SIGNAL -> signal.orElseThrow().value();
            case SIGNAL_CHANGE -> "change of " + signal.orElseThrow().value() + " over " + Numbers.duration(window.orElseThrow());
            case PROMOTERS, DETRACTORS -> kind.key() + " within " + Numbers.duration(window.orElseThrow());
            default -> kind.key();
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
