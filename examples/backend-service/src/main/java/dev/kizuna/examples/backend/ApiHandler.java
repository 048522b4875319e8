package dev.kizuna.examples.backend;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.health.HealthModel;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Routes every request of the service and turns every outcome into a JSON answer: the endpoint's on success; for a
 * refused request {@code {"error", "path"?}} with its 4xx status; for anything unexpected a logged 500 with a generic
 * message. Checks run in this order: path (404), method (405), content type (415), size (413), body (400).
 *
 * <p>{@link #answer} is the whole of it but the transport, so that tests and fuzzers can drive the endpoints in
 * process; {@link #handle} reads the request from the JDK's server, marks the exchange's phases for
 * {@link ExchangeDeadlines} and sends the answer.
 *
 * <p>Thread-safe: it holds no per-request state, and the endpoints share only immutable, thread-safe Kizuna objects.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(KizunaService.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String REQUEST_ID = "X-Request-Id";
    /** The longest request path or header value an error message repeats. */
    private static final int MAX_ECHO = 100;
    /** Jackson names its Java setting in a limit's message; the client needs only the limit. */

    /** One endpoint: its method, and what it does with the request body (none for GET). */
    record Route(String method, Function<BodyValue, JsonNode> handler) {
    }

    /** An answer ready to send: the status, the JSON body and any headers it needs besides the usual ones. */
    record Answer(int status, JsonNode body, Map<String, String> headers) {
    }

    /** The body of a request, read only once the path, method and content type have been accepted. */
    @FunctionalInterface
    interface Body {
        byte[] read() throws IOException;
    }

    private final ObjectMapper mapper;
    private final int maxRequestBytes;
    private final Map<String, Route> routes;

    ApiHandler(ObjectMapper mapper, int maxRequestBytes, Map<String, Route> routes) {
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
        this.routes = Map.copyOf(routes);
    }

    /**
     * Returns the handler of the service's endpoints, scoring with {@code model} and recommending from
     * {@code playbooks}. Its mapper reads every JSON number with a fraction or an exponent as an exact decimal, so that
     * an amount sent as a number is checked as written rather than after rounding to a double.
     */
    static ApiHandler create(HealthModel model, RuleSet playbooks, int maxRequestBytes) {
        ObjectMapper mapper = KizunaJson.newObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        PlaybookEngine engine = PlaybookEngine.builder(playbooks).trace(true).build();
        KizunaValues values = new KizunaValues(mapper, model.definition());
        ScoreEndpoint score = new ScoreEndpoint(model, values);
        PlaysEndpoint plays = new PlaysEndpoint(model, engine, values);
        MetricsEndpoint metrics = new MetricsEndpoint(values);
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("/v1/score", new Route("POST", score::handle));
        routes.put("/v1/plays", new Route("POST", plays::handle));
        routes.put("/v1/metrics", new Route("POST", metrics::handle));
        routes.put("/health", new Route("GET", ApiHandler::up));
        return new ApiHandler(mapper, maxRequestBytes, routes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String id = UUID.randomUUID().toString();
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Answer answer;
        try {
            answer = answer(method, path, exchange.getRequestHeaders().getFirst("Content-Type"),
                    () -> readBody(exchange), id);
        } catch (IOException e) {
            // The client went away, or sent too slowly: there is no one to answer. The server closes the connection.
            LOG.warn("{} {} {}: reading the request failed: {}", id, method, echo(path), e.toString());
            throw e;
        }
        ExchangeDeadlines.answering();
        try {
            send(exchange, method, answer, id);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {} {}: sending the {} answer failed: {}", id, method, echo(path), answer.status(),
                    e.toString());
            throw e;
        }
        LOG.debug("{} {} {} -> {} in {} ms", id, method, echo(path), answer.status(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Answers one request: routes it, reads its body if the route takes one, runs the endpoint and turns every
     * refusal into a 4xx and every unexpected failure into a logged 500. Only the body's own read can fail.
     *
     * @throws IOException if reading the body fails
     */
    Answer answer(String method, String path, @Nullable String contentType, Body body, String id)
            throws IOException {
        try {
            return new Answer(200, dispatch(method, path, contentType, body), Map.of());
        } catch (ApiException e) {
            ObjectNode error = NODES.objectNode().put("error", e.getMessage());
            e.path().ifPresent(p -> error.put("path", p));
            LOG.warn("{} {} {} -> {}: {}{}", id, method, echo(path), e.status(), e.getMessage(),
                    e.path().map(p -> " at " + p).orElse(""));
            return new Answer(e.status(), error, e.headers());
        } catch (RuntimeException e) {
            LOG.error("{} {} {} -> 500: unexpected failure", id, method, echo(path), e);
            return new Answer(500, NODES.objectNode().put("error", "internal error; the request id is " + id)
                    .put("requestId", id), Map.of());
        }
    }

    private JsonNode dispatch(String method, String path, @Nullable String contentType, Body body)
            throws IOException {
        Route route = routes.get(path);
        if (route == null) {
            throw ApiException.of(404, "no endpoint at " + echo(path) + "; the endpoints are "
                    + routes.keySet().stream().sorted().toList());
        }
        if (!route.method().equals(method)) {
            throw ApiException.of(405, "method " + echo(method) + " is not allowed on " + path + "; use "
                    + route.method()).withHeader("Allow", route.method());
        }
        if (route.method().equals("GET")) {
            return route.handler().apply(BodyValue.root(NODES.objectNode()));
        }
        checkContentType(contentType);
        byte[] bytes = body.read();
        if (bytes.length > maxRequestBytes) {
            throw tooLarge("more than " + maxRequestBytes + " bytes");
        }
        return route.handler().apply(BodyValue.root(parse(bytes)));
    }

    private static void checkContentType(@Nullable String value) {
        if (value == null) {
            throw ApiException.of(415, "the Content-Type header is missing; send application/json (UTF-8)");
        }
        // -1 keeps empty parts, so that even ";" gives a first part to read (found by Error Prone's StringSplitter).
        String[] parts = value.split(";", -1);
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
            throw ApiException.of(415, "Content-Type '" + echo(value) + "' is not supported; send application/json"
                    + " (UTF-8)");
        }
    }

    /**
     * Reads the body, at most the cap: a declared length over the cap is refused before reading anything, and a body
     * of unknown length (chunked) is read only up to one byte past the cap. Then the request is complete, and its
     * deadline no longer applies.
     */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiException.of(400, "Content-Length '" + echo(length) + "' is not a number");
            }
            if (declared > maxRequestBytes) {
                throw tooLarge(declared + " bytes");
            }
        }
        // Not closed here: closing drains the rest of an oversized body before the answer could be sent.
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(maxRequestBytes + 1);
        ExchangeDeadlines.requestRead();
        return body;
    }

    private ApiException tooLarge(String size) {
        return ApiException.of(413, "the request body of " + size + " is over the limit of " + maxRequestBytes
                + " bytes").withHeader("Connection", "close");
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
            String problem = KizunaJson.syntaxProblem(e);
            throw ApiException.badValue(where, "invalid JSON: " + problem + at);
        } catch (NumberFormatException e) {
            // Jackson lets BigDecimal's refusal of an exponent beyond the int range through as it is.
            throw exponentOutOfRange(body);
        } catch (IOException e) {
            throw ApiException.of(400, "unreadable body: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw ApiException.of(400, "the request body is empty; send a JSON document");
        }
        return tree;
    }

    /** Finds the number whose exponent BigDecimal refused, to say where it is. */
    private ApiException exponentOutOfRange(byte[] body) {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_NUMBER_FLOAT) {
                    continue;
                }
                try {
                    parser.getDecimalValue();
                } catch (NumberFormatException e) {
                    JsonLocation location = parser.currentTokenLocation();
                    return ApiException.badValue(JsonPaths.of(parser), "invalid JSON: the exponent of the number "
                            + echo(parser.getText()) + " is out of range: at most 2147483647 either way (line "
                            + location.getLineNr() + ", column " + location.getColumnNr() + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            // Reported below, without the number's place.
        }
        return ApiException.of(400, "invalid JSON: the exponent of a number is out of range: at most 2147483647"
                + " either way");
    }

    private void send(HttpExchange exchange, String method, Answer answer, String id) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(answer.body());
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        headers.set(REQUEST_ID, id);
        answer.headers().forEach(headers::set);
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        // Closing the body flushes the answer before the server drains what is left of the request.
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    /** A value from the request as an error message repeats it: at most {@value #MAX_ECHO} characters. */
    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO - 3) + "...";
    }

    /** The answer of {@code GET /health}. */
    static JsonNode up(BodyValue ignored) {
        return NODES.objectNode().put("status", "up");
    }
}
