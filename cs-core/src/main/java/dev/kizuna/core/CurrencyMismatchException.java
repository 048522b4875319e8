package dev.kizuna.core;

/** Thrown when amounts of two currencies meet in one calculation and no conversion was supplied. */
public final class CurrencyMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names both amounts. */
    public CurrencyMismatchException(String message) {
        super(message);
    }
}
