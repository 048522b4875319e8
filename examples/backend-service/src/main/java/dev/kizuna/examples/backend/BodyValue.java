package dev.kizuna.examples.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import dev.kizuna.core.internal.json.JsonIn;
import dev.kizuna.core.internal.json.JsonInputException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One value of a request body at a known JSON path, read strictly: a wrong JSON type, a missing or unknown field, a
 * value outside its bounds and a value a constructor rejects all fail with an {@link ApiException} naming the path.
 * The path and the checks of JSON types, texts and enum constants are those of cs-core's strict reader
 * ({@link JsonIn}), whose errors become {@link ApiException}s here.
 * Instants, dates and months are read within {@link Dates}' calendar, amounts through {@link Money#parseAmount}, whole
 * numbers within given bounds and arrays up to a given count. Values of Kizuna's types are decoded by the mapper's
 * {@link dev.kizuna.core.json.KizunaModule}, whose messages start with the path inside the value; that path is
 * appended to this one.
 */
final class BodyValue {
    private static final String AMOUNT = "amount: ";

    private final JsonNode node;
    /** The same value in cs-core's reader, which knows its path. */
    private final JsonIn in;
    private final String path;
    /** The name of the field this value is in (of the array, for an element), as messages start with it. */
    private final String name;

    private BodyValue(JsonNode node, JsonIn in, String name) {
        this.node = node;
        this.in = in;
        this.path = in.path();
        this.name = name;
    }

    static BodyValue root(JsonNode node) {
        return new BodyValue(node, JsonIn.root(node), JsonPaths.ROOT);
    }

    private BodyValue field(String field, JsonNode value) {
        return new BodyValue(value, in.child(field, value), field);
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

    /** Runs a read of cs-core's reader, whose errors are the service's bad values. */
    private <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (JsonInputException e) {
            throw ApiException.badValue(e.path(), e.problem());
        }
    }

    /**
     * The elements of this array, at least {@code min} and at most {@code max} of them; {@code what} names them in
     * the message, such as "snapshots".
     */
    List<BodyValue> elements(int min, int max, String what) {
        require(JsonNodeType.ARRAY, "an array");
        if (node.size() < min) {
            throw error("expected at least " + min + " " + (min == 1 ? singular(what) : what) + " but found none");
        }
        if (node.size() > max) {
            throw error("expected at most " + max + " " + what + " but found " + node.size()
                    + "; send them in several requests");
        }
        return children();
    }

    /**
     * The value at the end of {@code names}, a chain of nested fields below this object, if each link is there;
     * for the checks the service makes on a Kizuna value before its codec reads it (which reports a missing field or
     * a wrong type itself).
     */
    Optional<BodyValue> at(String... names) {
        BodyValue value = this;
        for (String name : names) {
            JsonNode child = value.node.isObject() ? value.node.get(name) : null;
            if (child == null || child.isNull()) {
                return Optional.empty();
            }
            value = value.field(name, child);
        }
        return Optional.of(value);
    }

    /** The elements of this value if it is an array, else none; like {@link #at}, for checks before decoding. */
    List<BodyValue> elementsIfAny() {
        return node.isArray() ? children() : List.of();
    }

    private List<BodyValue> children() {
        List<JsonIn> elements = read(() -> in.list(element -> element));
        List<BodyValue> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            out.add(new BodyValue(node.get(i), elements.get(i), name));
        }
        return out;
    }

    String text() {
        return read(in::text);
    }

    /** A whole number in {@code [min, max]}. */
    long wholeNumber(long min, long max) {
        require(JsonNodeType.NUMBER, "a whole number");
        if (!node.canConvertToExactIntegral()) {
            throw error(name + ": " + shorten(node.asText()) + " is not a whole number");
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw error(name + ": " + shorten(node.asText()) + " must be between " + min + " and " + max);
        }
        return node.longValue();
    }

    /** An instant within {@link Dates}' calendar, read by {@link Dates#parseInstant}. */
    Instant instant() {
        String s = text();
        return build(() -> Dates.parseInstant(name, s));
    }

    /** A date within {@link Dates}' calendar, read by {@link Dates#parseDate}. */
    LocalDate date() {
        String s = text();
        return build(() -> Dates.parseDate(name, s));
    }

    /** A month written {@code yyyy-mm} within {@link Dates}' calendar, read as strictly as its dates. */
    YearMonth month() {
        String s = text();
        boolean shape = s.length() == 7 && s.charAt(4) == '-';
        for (int i = 0; shape && i < 7; i++) {
            shape = i == 4 || (s.charAt(i) >= '0' && s.charAt(i) <= '9');
        }
        int year = shape ? Integer.parseInt(s, 0, 4, 10) : 0;
        int month = shape ? Integer.parseInt(s, 5, 7, 10) : 0;
        if (!shape || year == 0) {
            throw error(name + ": '" + shorten(s) + "' is not a month: write it yyyy-mm, from "
                    + Dates.EARLIEST_TEXT.substring(0, 7) + " to " + Dates.LATEST_TEXT.substring(0, 7));
        }
        if (month < 1 || month > 12) {
            throw error(name + ": '" + s + "' is not a month: there is no month " + month);
        }
        return YearMonth.of(year, month);
    }

    /**
     * Checks, when this value is a string, that it is an instant within {@link Dates}' calendar; any other type is left
     * to the codec that reads it.
     */
    void checkInstant() {
        if (node.isTextual()) {
            instant();
        }
    }

    /** As {@link #checkInstant()}, for a date. */
    void checkDate() {
        if (node.isTextual()) {
            date();
        }
    }

    /**
     * Checks, when this value is a string or a number, that it is an amount {@link Money#parseAmount} reads, from the
     * text as written (the service's mapper keeps every JSON number exact); any other type is left to the codec.
     */
    void checkAmount() {
        if (!node.isTextual() && !node.isNumber()) {
            return;
        }
        String s = node.isTextual() ? node.textValue() : node.asText();
        try {
            Money.parseAmount(s);
        } catch (IllegalArgumentException e) {
            // Money names the value "amount"; here it has its own field name.
            String message = String.valueOf(e.getMessage());
            throw error(message.startsWith(AMOUNT) ? name + ": " + message.substring(AMOUNT.length()) : message);
        }
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        return read(() -> in.enumValue(type));
    }

    /**
     * Decodes this value as a Kizuna type through the mapper's codecs.
     *
     * @throws ApiException at the path of the offending value: this value's path followed by the path that the
     *                      codec's (or Jackson's) exception names inside it
     */
    <T> T decode(ObjectMapper mapper, Class<T> type) {
        if (node.isNull()) {
            // The mapper reads null as no value at all.
            throw error("expected an object but found null");
        }
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
        read(() -> {
            in.require(type, expected);
            return type;
        });
    }

    private static String shorten(String shown) {
        return shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
    }

    private static String singular(String what) {
        return what.endsWith("s") ? what.substring(0, what.length() - 1) : what;
    }

    /** The fields of one object: each read at most once, and {@link #finish()} rejects the rest. */
    final class Fields {
        private final Set<String> read = new LinkedHashSet<>();

        private Fields() {
        }

        BodyValue required(String name) {
            return optional(name).orElseThrow(() -> ApiException.badValue(path + JsonIn.step(name),
                    "missing required field '" + name + "'"));
        }

        Optional<BodyValue> optional(String name) {
            read.add(name);
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            return Optional.of(field(name, value));
        }

        /** Fails on the first field that was not read, naming the fields this object may have. */
        void finish() {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!read.contains(name)) {
                    throw ApiException.badValue(path + JsonIn.step(name), "unknown field '" + name
                            + "'; the fields here are " + read);
                }
            }
        }
    }
}
