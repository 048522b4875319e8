package dev.kizuna.examples.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request the service refuses: the HTTP status, a message for the client and, for a bad value in the body, the JSON
 * path of that value; also any header the answer needs (such as {@code Allow} on a 405). Thrown by the endpoints and
 * turned into {@code {"error": ..., "path": ...}} by the handler.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<String> path;
    private final transient Map<String, String> headers;

    private ApiException(int status, String message, Optional<String> path, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.path = path;
        this.headers = headers;
    }

    /** A 400 for the value at {@code path} of the request body. */
    static ApiException badValue(String path, String message) {
        return new ApiException(400, message, Optional.of(path), Map.of());
    }

    /** An error of the given status that is about no particular value. */
    static ApiException of(int status, String message) {
        return new ApiException(status, message, Optional.empty(), Map.of());
    }

    /** Returns this refusal with one more header for its answer. */
    ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, getMessage(), path, Map.copyOf(more));
    }

    int status() {
        return status;
    }

    Optional<String> path() {
        return path;
    }

    Map<String, String> headers() {
        return headers;
    }
}
