package dev.kizuna.examples.cli.report;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A figure of the demo or the report, or why it could not be computed on this portfolio (a backtest with nothing to
 * judge, a model that cannot be fitted on a handful of customers): the rest of the output goes on, and says why this
 * part is missing.
 *
 * @param value  the figure, when computed
 * @param reason why it could not be computed; empty when it was
 * @param <T>    the type of the figure
 */
public record Computed<T>(Optional<T> value, String reason) {
    public Computed {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        if (value.isPresent() == !reason.isEmpty()) {
            throw new IllegalArgumentException("reason: a figure has a value or a reason, not both");
        }
    }

    /** Returns a computed figure. */
    public static <T> Computed<T> of(T value) {
        return new Computed<>(Optional.of(value), "");
    }

    /** Returns a figure that could not be computed, and why. */
    public static <T> Computed<T> unavailable(String reason) {
        return new Computed<>(Optional.empty(), reason);
    }

    /** Returns whether the figure was computed. */
    public boolean isPresent() {
        return value.isPresent();
    }

    /** Returns the figure. */
    public T get() {
        return value.orElseThrow(() -> new IllegalStateException(reason));
    }

    /** Returns the figure transformed, or this one's reason. */
    public <U> Computed<U> map(Function<? super T, ? extends U> f) {
        return value.isPresent() ? of(f.apply(value.get())) : unavailable(reason);
    }
}
