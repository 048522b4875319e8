package dev.kizuna.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * One JSON value at a known path, read strictly: every accessor checks the JSON type and fails with the path and
 * the offending value. Codecs read their input only through this class and {@link JsonFields}.
 */
final class JsonIn {
    /** The most elements one JSON array may hold; a guard against hostile input. */
    static final int MAX_ARRAY = 1_000_000;

    private final JsonNode node;
    // The path is built only when an error needs it: parent and step are enough to rebuild it.
    private final @Nullable JsonIn parent;
    private final @Nullable String field;
    private final int index;

    private JsonIn(JsonNode node, @Nullable JsonIn parent, @Nullable String field, int index) {
        this.node = node;
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    /** The document's root value, at path {@code $}. */
    static JsonIn root(JsonNode node) {
        return new JsonIn(node, null, null, -1);
    }

    JsonIn child(String name, JsonNode value) {
        return new JsonIn(value, this, name, -1);
    }

    private JsonIn element(int i, JsonNode value) {
        return new JsonIn(value, this, null, i);
    }

    String path() {
        if (parent == null) {
            return "$";
        }
        if (field == null) {
            return parent.path() + "[" + index + "]";
        }
        return parent.path() + step(field);
    }

    private static String step(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return "['" + name.replace("'", "\\'") + "']";
            }
        }
        return name.isEmpty() ? "['']" : "." + name;
    }

    JsonInputException error(String problem) {
        return new JsonInputException(path(), problem);
    }

    /** Runs a constructor and turns its argument errors into errors at this path. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
            throw error(String.valueOf(e.getMessage()));
        }
    }

    JsonFields fields() {
        require(JsonNodeType.OBJECT, "an object");
        return new JsonFields(this, node);
    }

    String text() {
        require(JsonNodeType.STRING, "a string");
        return node.textValue();
    }

    boolean bool() {
        require(JsonNodeType.BOOLEAN, "true or false");
        return node.booleanValue();
    }

    /** A finite JSON number. */
    double number() {
        require(JsonNodeType.NUMBER, "a number");
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw error(node.asText() + " is not a finite number");
        }
        return value;
    }

    /** A JSON number without a fractional part that fits an {@code int}. */
    int integer() {
        require(JsonNodeType.NUMBER, "a whole number");
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt()) {
            throw error(node.asText() + " is not a whole number in the int range");
        }
        return node.intValue();
    }

    /** A JSON number without a fractional part that fits a {@code long}. */
    long longInteger() {
        require(JsonNodeType.NUMBER, "a whole number");
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw error(node.asText() + " is not a whole number in the long range");
        }
        return node.longValue();
    }

    /** An exact decimal, written as a JSON string ({@code "12.50"}) or a JSON number. */
    BigDecimal decimal() {
        if (node.isNumber()) {
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                throw error(node.asText() + " is not a finite number");
            }
            return node.decimalValue();
        }
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.length() > 100) {
                throw error("a decimal of " + s.length() + " characters is over the limit of 100");
            }
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw error("'" + s + "' is not a decimal number");
            }
        }
        throw error("expected a decimal number but found " + describe());
    }

    LocalDate date() {
        String s = text();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw error("'" + s + "' is not an ISO-8601 date (yyyy-mm-dd)");
        }
    }

    Instant instant() {
        String s = text();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw error("'" + s + "' is not an ISO-8601 instant (such as 2024-01-31T09:00:00Z)");
        }
    }

    Period period() {
        String s = text();
        try {
            return Period.parse(s);
        } catch (DateTimeParseException e) {
            throw error("'" + s + "' is not an ISO-8601 period (such as P1Y or P6M)");
        }
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        String s = text();
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw error("'" + s + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    <T> List<T> list(JsonReader<T> element) {
        require(JsonNodeType.ARRAY, "an array");
        if (node.size() > MAX_ARRAY) {
            throw error(node.size() + " elements is over the limit of " + MAX_ARRAY);
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(element.read(element(i, node.get(i))));
        }
        return out;
    }

    <T> T read(JsonReader<T> reader) {
        return reader.read(this);
    }

    private void require(JsonNodeType type, String expected) {
        if (node.getNodeType() != type) {
            throw error("expected " + expected + " but found " + describe());
        }
    }

    private String describe() {
        String shown = node.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}
