package dev.kizuna.health.scorecard;

import java.util.Arrays;
import java.util.Optional;

/** How a {@link Cap} compares a signal's value with its threshold, written as a symbol in definitions. */
public enum Comparison {
    /** {@code value < threshold}. */
    LESS("<"),
    /** {@code value <= threshold}. */
    AT_MOST("<="),
    /** {@code value > threshold}. */
    GREATER(">"),
    /** {@code value >= threshold}. */
    AT_LEAST(">="),
    /** {@code value == threshold}. */
    EQUAL("=="),
    /** {@code value != threshold}. */
    NOT_EQUAL("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** Returns the symbol, such as {@code >=}. */
    public String symbol() {
        return symbol;
    }

    /** Returns the comparison written as {@code symbol}, if there is one. */
    public static Optional<Comparison> ofSymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }

    /** Returns whether {@code value} compares with {@code threshold} this way. */
    public boolean test(double value, double threshold) {
        switch (this) {
            case LESS:
                return value < threshold;
            case AT_MOST:
                return value <= threshold;
            case GREATER:
                return value > threshold;
            case AT_LEAST:
                return value >= threshold;
            case EQUAL:
                return value == threshold;
            case NOT_EQUAL:
                return value != threshold;
            default:
                throw new AssertionError(this);
        }
    }
}
