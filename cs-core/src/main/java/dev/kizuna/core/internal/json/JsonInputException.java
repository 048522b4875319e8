package dev.kizuna.core.internal.json;

/**
 * A JSON value that Kizuna cannot accept. The message starts with the JSON path of the value, such as
 * {@code $.contract.renewalDate: ...}. Inside Jackson it surfaces as the cause of a
 * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} with the same message. Internal to Kizuna.
 */
public final class JsonInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error {@code path: problem}. */
    public JsonInputException(String path, String problem) {
        super(path + ": " + problem);
    }
}
