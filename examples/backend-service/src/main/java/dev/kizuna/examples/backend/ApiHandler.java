package dev.kizuna.examples.backend;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Routes every request of the service and turns every outcome into a JSON answer: the endpoint's on success; for a
 * refused request {@code {"error", "path"?}} with its 4xx status; for anything unexpected a logged 500 with a generic
 * message. Checks run in this order: path (404), method (405), content type (415), size (413), body (400).
 *
 * <p>Thread-safe: it holds no per-request state, and the endpoints share only immutable, thread-safe Kizuna objects.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(KizunaService.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String REQUEST_ID = "X-Request-Id";

    /** One endpoint: its method, and what it does with the request body (none for GET). */
    record Route(String method, Function<BodyValue, JsonNode> handler) {
    }

    private final ObjectMapper mapper;
    private final int maxRequestBytes;
    private final Map<String, Route> routes;

    ApiHandler(ObjectMapper mapper, int maxRequestBytes, Map<String, Route> routes) {
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
        this.routes = Map.copyOf(routes);
    }

    @Override
    public void handle(HttpExchange exchange) {
        String id = UUID.randomUUID().toString();
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        int status;
        JsonNode answer;
        try {
            answer = dispatch(exchange, method, path);
            status = 200;
        } catch (ApiException e) {
            status = e.status();
            ObjectNode error = NODES.objectNode().put("error", e.getMessage());
            e.path().ifPresent(p -> error.put("path", p));
            answer = error;
            LOG.warn("{} {} {} -> {}: {}{}", id, method, path, status, e.getMessage(),
                    e.path().map(p -> " at " + p).orElse(""));
        } catch (IOException e) {
            // The client went away while sending; there is no one to answer.
            LOG.warn("{} {} {}: reading the request failed: {}", id, method, path, e.toString());
            exchange.close();
            return;
        } catch (RuntimeException e) {
            status = 500;
            answer = NODES.objectNode().put("error", "internal error; the request id is " + id)
                    .put("requestId", id);
            LOG.error("{} {} {} -> 500: unexpected failure", id, method, path, e);
        }
        try {
            send(exchange, method, status, answer, id);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {} {}: sending the {} answer failed: {}", id, method, path, status, e.toString());
        } finally {
            exchange.close();
        }
        LOG.debug("{} {} {} -> {} in {} ms", id, method, path, status, (System.nanoTime() - started) / 1_000_000);
    }

    private JsonNode dispatch(HttpExchange exchange, String method, String path) throws IOException {
        Route route = routes.get(path);
        if (route == null) {
            throw ApiException.of(404, "no endpoint at " + path + "; the endpoints are " + routes.keySet().stream()
                    .sorted().toList());
        }
        if (!route.method().equals(method)) {
            exchange.getResponseHeaders().set("Allow", route.method());
            throw ApiException.of(405, "method " + method + " is not allowed on " + path + "; use " + route.method());
        }
        if (route.method().equals("GET")) {
            return route.handler().apply(BodyValue.root(NODES.objectNode()));
        }
        checkContentType(exchange.getRequestHeaders());
        byte[] body = readBody(exchange);
        return route.handler().apply(BodyValue.root(parse(body)));
    }

    private static void checkContentType(Headers headers) {
        String value = headers.getFirst("Content-Type");
        if (value == null) {
            throw ApiException.of(415, "the Content-Type header is missing; send application/json (UTF-8)");
        }
        String[] parts = value.split(";");
        boolean json = parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json");
        boolean utf8 = true;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                utf8 = charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
            }
        }
        if (!json || !utf8) {
            throw ApiException.of(415, "Content-Type '" + value + "' is not supported; send application/json (UTF-8)");
        }
    }

    /**
     * Reads the body, at most the cap: a declared length over the cap is refused before reading anything, and a body
     * of unknown length (chunked) is read only up to one byte past the cap.
     */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiException.of(400, "Content-Length '" + length + "' is not a number");
            }
            if (declared > maxRequestBytes) {
                throw tooLarge(exchange, declared + " bytes");
            }
        }
        // Not closed here: closing drains the rest of an oversized body before the answer could be sent.
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(maxRequestBytes + 1);
        if (body.length > maxRequestBytes) {
            throw tooLarge(exchange, "more than " + maxRequestBytes + " bytes");
        }
        return body;
    }

    private ApiException tooLarge(HttpExchange exchange, String size) {
        exchange.getResponseHeaders().set("Connection", "close");
        return ApiException.of(413, "the request body of " + size + " is over the limit of " + maxRequestBytes
                + " bytes");
    }

    private JsonNode parse(byte[] body) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? JsonPaths.of(JsonPaths.ROOT, m.getPath())
                    : JsonPaths.ofParser(e).orElse(JsonPaths.ROOT);
            JsonLocation location = e.getLocation();
            String at = location == null || location.getLineNr() < 0 ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            throw ApiException.badValue(where, "invalid JSON: " + e.getOriginalMessage() + at);
        } catch (IOException e) {
            throw ApiException.of(400, "unreadable body: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw ApiException.of(400, "the request body is empty; send a JSON document");
        }
        return tree;
    }

    private void send(HttpExchange exchange, String method, int status, JsonNode answer, String id)
            throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(answer);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        headers.set(REQUEST_ID, id);
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        // Closing the body flushes the answer before the server drains what is left of the request.
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The answer of {@code GET /health}. */
    static JsonNode up(BodyValue ignored) {
        return NODES.objectNode().put("status", "up");
    }
}
