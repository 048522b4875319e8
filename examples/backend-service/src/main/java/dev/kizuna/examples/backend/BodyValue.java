package dev.kizuna.examples.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One value of a request body at a known JSON path, read strictly: a wrong JSON type, a missing or unknown field and a
 * value a constructor rejects all fail with an {@link ApiException} naming the path. Values of Kizuna's types are
 * decoded by the mapper's {@link dev.kizuna.core.json.KizunaModule}, whose messages start with the path inside the
 * value; that path is appended to this one.
 */
final class BodyValue {
    private final JsonNode node;
    private final String path;

    private BodyValue(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static BodyValue root(JsonNode node) {
        return new BodyValue(node, JsonPaths.ROOT);
    }

    String path() {
        return path;
    }

    boolean isObject() {
        return node.isObject();
    }

    boolean has(String field) {
        return node.isObject() && node.has(field);
    }

    ApiException error(String problem) {
        return ApiException.badValue(path, problem);
    }

    /** The fields of this object, to be read one by one and then {@linkplain Fields#finish() finished}. */
    Fields fields() {
        require(JsonNodeType.OBJECT, "an object");
        return new Fields();
    }

    /** The elements of this array, at least {@code min} of them. */
    List<BodyValue> elements(int min) {
        require(JsonNodeType.ARRAY, "an array");
        if (node.size() < min) {
            throw error("expected at least " + min + " element" + (min == 1 ? "" : "s") + " but found none");
        }
        List<BodyValue> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new BodyValue(node.get(i), JsonPaths.element(path, i)));
        }
        return out;
    }

    String text() {
        require(JsonNodeType.STRING, "a string");
        return node.textValue();
    }

    /** A whole number in {@code [min, max]}. */
    long wholeNumber(long min, long max) {
        require(JsonNodeType.NUMBER, "a whole number");
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw error(node.asText() + " is not a whole number");
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw error(value + " must be between " + min + " and " + max);
        }
        return value;
    }

    Instant instant() {
        String s = text();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw error("'" + s + "' is not an ISO-8601 instant (such as 2026-01-31T09:00:00Z)");
        }
    }

    LocalDate date() {
        String s = text();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw error("'" + s + "' is not an ISO-8601 date (yyyy-mm-dd)");
        }
    }

    YearMonth month() {
        String s = text();
        try {
            return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            throw error("'" + s + "' is not an ISO-8601 month (yyyy-mm)");
        }
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        String s = text();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(s)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw error("'" + s + "' is not one of " + names);
    }

    /**
     * Decodes this value as a Kizuna type through the mapper's codecs.
     *
     * @throws ApiException at the path of the offending value: this value's path followed by the path that the
     *                      codec's (or Jackson's) exception names inside it
     */
    <T> T decode(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String at = JsonPaths.of(path, e.getPath());
            String message = e.getOriginalMessage();
            Optional<JsonPaths.Located> located = JsonPaths.split(message);
            if (located.isPresent()) {
                throw ApiException.badValue(JsonPaths.resolve(at, located.get().path()), located.get().problem());
            }
            throw ApiException.badValue(at, message);
        } catch (JsonProcessingException e) {
            throw ApiException.badValue(path, e.getOriginalMessage());
        }
    }

    /** Runs a constructor or a check and turns its argument errors into errors at this path. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
            throw error(String.valueOf(e.getMessage()));
        }
    }

    private void require(JsonNodeType type, String expected) {
        if (node.getNodeType() != type) {
            String shown = node.toString();
            if (shown.length() > 60) {
                shown = shown.substring(0, 57) + "...";
            }
            throw error("expected " + expected + " but found " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " " + shown);
        }
    }

    /** The fields of one object: each read at most once, and {@link #finish()} rejects the rest. */
    final class Fields {
        private final Set<String> read = new LinkedHashSet<>();

        private Fields() {
        }

        BodyValue required(String name) {
            return optional(name).orElseThrow(() -> ApiException.badValue(JsonPaths.field(path, name),
                    "missing required field '" + name + "'"));
        }

        Optional<BodyValue> optional(String name) {
            read.add(name);
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            return Optional.of(new BodyValue(value, JsonPaths.field(path, name)));
        }

        /** Fails on the first field that was not read, naming the fields this object may have. */
        void finish() {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!read.contains(name)) {
                    throw ApiException.badValue(JsonPaths.field(path, name), "unknown field '" + name
                            + "'; the fields here are " + read);
                }
            }
        }
    }
}
