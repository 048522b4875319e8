package dev.kizuna.core.json;

/**
 * A JSON value that Kizuna cannot accept. The message starts with the JSON path of the value, such as
 * {@code $.contract.renewalDate: ...}. Inside Jackson it surfaces as the cause of a
 * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} with the same message.
 */
final class JsonInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JsonInputException(String path, String problem) {
        super(path + ": " + problem);
    }
}
