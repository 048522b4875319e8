package dev.kizuna.examples.backend;

import java.util.Optional;

/**
 * A request the service refuses: the HTTP status, a message for the client and, for a bad value in the body, the JSON
 * path of that value. Thrown by the endpoints and turned into {@code {"error": ..., "path": ...}} by the handler.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<String> path;

    private ApiException(int status, String message, Optional<String> path) {
        super(message);
        this.status = status;
        this.path = path;
    }

    /** A 400 for the value at {@code path} of the request body. */
    static ApiException badValue(String path, String message) {
        return new ApiException(400, message, Optional.of(path));
    }

    /** An error of the given status that is about no particular value. */
    static ApiException of(int status, String message) {
        return new ApiException(status, message, Optional.empty());
    }

    int status() {
        return status;
    }

    Optional<String> path() {
        return path;
    }
}
