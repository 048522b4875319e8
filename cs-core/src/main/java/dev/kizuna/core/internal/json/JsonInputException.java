package dev.kizuna.core.internal.json;

/**
 * A JSON value that Kizuna cannot accept. The message starts with the JSON path of the value, such as
 * {@code $.contract.renewalDate: ...}. Inside Jackson it surfaces as the cause of a
 * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} with the same message. Internal to Kizuna.
 */
public final class JsonInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The path of the value, such as {@code $.contract.renewalDate}. */
    private final String path;
    /** What is wrong with it. */
    private final String problem;

    /** Creates the error {@code path: problem}. */
    public JsonInputException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** Returns the JSON path of the value, such as {@code $.contract.renewalDate}. */
    public String path() {
        return path;
    }

    /** Returns what is wrong with the value, without its path. */
    public String problem() {
        return problem;
    }
}
