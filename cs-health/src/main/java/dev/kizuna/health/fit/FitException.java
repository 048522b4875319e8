package dev.kizuna.health.fit;

/**
 * The data cannot be fitted as asked: too few rows or events, a constant signal, signals that are collinear, or
 * outcomes that the signals separate perfectly (so that the maximum-likelihood coefficients are infinite). The
 * message names the signal and says what to do, usually to leave a signal out or to add L2 regularisation.
 */
public final class FitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its message. */
    public FitException(String message) {
        super(message);
    }
}
