package dev.kizuna.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import dev.kizuna.core.internal.Checks;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One JSON value at a known path, read strictly: every accessor checks the JSON type and fails with a
 * {@link JsonInputException} that names the path and the offending value. Codecs read their input only through this
 * class and {@link JsonFields}, from a tree that {@link StrictTree} built.
 *
 * <p>What each accessor accepts:
 * <ul>
 *   <li>text: a JSON string of valid Unicode (an escaped surrogate that is not half of a pair is rejected);</li>
 *   <li>numbers: finite; whole numbers must be exactly whole ({@code 2.0} is 2, {@code 2.5} and {@code 1e-400} are
 *       not);</li>
 *   <li>decimals: a JSON string or number read exactly by {@link Money#parseAmount(String, int)}, and so bounded
 *       the same way: ASCII digits, at most 18 digits before the decimal point and {@value Money#MAX_SCALE} after it
 *       (as many as a {@link Money} holds, so that any amount written reads back), at most 110 characters;</li>
 *   <li>dates and instants: read by {@link Dates#parseDate} and {@link Dates#parseInstant}, within
 *       {@value Dates#EARLIEST_TEXT} to {@value Dates#LATEST_TEXT};</li>
 *   <li>arrays: at most {@value #MAX_ARRAY} elements.</li>
 * </ul>
 *
 * <p>Internal to Kizuna: exported only to Kizuna's own modules.
 */
public final class JsonIn {
    /** The most elements one JSON array may hold; a guard against hostile input. */
    public static final int MAX_ARRAY = 1_000_000;
    /** The longest period text read, such as {@code P1Y6M}. */
    private static final int MAX_PERIOD_LENGTH = 40;

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

    /** Returns the document's root value, at path {@code $}. */
    public static JsonIn root(JsonNode node) {
        return new JsonIn(node, null, null, -1);
    }

    /** Returns the value of field {@code name} of this object. */
    public JsonIn child(String name, JsonNode value) {
        return new JsonIn(value, this, name, -1);
    }

    private JsonIn element(int i, JsonNode value) {
        return new JsonIn(value, this, null, i);
    }

    /** Returns the JSON path of this value, such as {@code $.journey.entries[1].enteredAt}. */
    public String path() {
        if (parent == null) {
            return "$";
        }
        if (field == null) {
            return parent.path() + "[" + index + "]";
        }
        return parent.path() + step(field);
    }

    /**
     * Returns the step of a path to field {@code name}: {@code .name} for names of letters, digits and '_', else
     * {@code ['a.b']} (a quote inside escaped); a long name is shortened and control characters are replaced, since
     * paths go into messages. The one spelling of paths in Kizuna: codecs, definitions and the service use it.
     */
    public static String step(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return "['" + Checks.shown(name).replace("'", "\\'") + "']";
            }
        }
        return name.isEmpty() ? "['']" : "." + Checks.shown(name);
    }

    /** Returns an error at this path. */
    public JsonInputException error(String problem) {
        return new JsonInputException(path(), problem);
    }

    /**
     * Runs a constructor and turns its argument errors into errors at this path: a value type's message
     * ({@code field: value, why}) follows the path.
     */
    public <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException | DateTimeException | ArithmeticException e) {
            throw error(String.valueOf(e.getMessage()));
        }
    }

    /** Returns the fields of this JSON object. */
    public JsonFields fields() {
        require(JsonNodeType.OBJECT, "an object");
        return new JsonFields(this, node);
    }

    /** Returns this JSON string, which must be valid Unicode. */
    public String text() {
        require(JsonNodeType.STRING, "a string");
        String value = node.textValue();
        unicode(value);
        return value;
    }

    /** Fails unless {@code value} is valid Unicode, that is has no unpaired surrogate. */
    void unicode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw error("the text has an unpaired surrogate (\\u" + String.format(Locale.ROOT, "%04x", (int) c)
                            + ") at character " + (i + 1) + ", which is not valid Unicode; write the character itself,"
                            + " or the two halves of its pair");
                }
            }
        }
    }

    /** Returns this JSON {@code true} or {@code false}. */
    public boolean bool() {
        require(JsonNodeType.BOOLEAN, "true or false");
        return node.booleanValue();
    }

    /** Returns this finite JSON number, as the nearest double (negative zero kept). */
    public double number() {
        require(JsonNodeType.NUMBER, "a number");
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw error(numberText() + " is not a finite number");
        }
        return value;
    }

    /** Returns this JSON number, which must be whole ({@code 3} or {@code 3.0}) and within the {@code int} range. */
    public int integer() {
        long value = whole("int", Integer.MIN_VALUE, Integer.MAX_VALUE);
        return (int) value;
    }

    /** Returns this JSON number, which must be whole and within the {@code long} range. */
    public long longInteger() {
        return whole("long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private long whole(String range, long min, long max) {
        require(JsonNodeType.NUMBER, "a whole number");
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long value = node.longValue();
            if (value >= min && value <= max) {
                return value;
            }
        } else if (!node.isIntegralNumber()) {
            // Decided on the written digits, not on a double: 1.0000000000000000001 and 1e-400 are not whole.
            BigDecimal exact;
            try {
                exact = new BigDecimal(numberText());
            } catch (NumberFormatException e) {
                throw error(numberText() + " is not a whole number in the " + range + " range");
            }
            if (exact.signum() == 0) {
                return 0;
            }
            if (exact.stripTrailingZeros().scale() <= 0 && exact.compareTo(BigDecimal.valueOf(min)) >= 0
                    && exact.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return exact.longValueExact();
            }
        }
        throw error(numberText() + " is not a whole number in the " + range + " range");
    }

    /**
     * Returns an exact decimal, written as a JSON string ({@code "12.50"}) or a JSON number, read by
     * {@link Money#parseAmount(String, int)} with {@value Money#MAX_SCALE} digits after the point, and so bounded in
     * length, digits and exponent before anything is computed.
     */
    public BigDecimal decimal() {
        String text;
        if (node.isNumber()) {
            text = numberText();
            if (text.equals("NaN") || text.endsWith("Infinity")) {
                throw error(text + " is not a finite number");
            }
        } else if (node.isTextual()) {
            text = node.textValue();
        } else {
            throw error("expected a decimal number but found " + describe());
        }
        try {
            return Money.parseAmount(text, Money.MAX_SCALE);
        } catch (IllegalArgumentException e) {
            throw error(withoutField(e, "amount"));
        }
    }

    /** Returns this JSON string as a date, {@code yyyy-mm-dd}, within the supported dates. */
    public LocalDate date() {
        String s = text();
        try {
            return Dates.parseDate("date", s);
        } catch (IllegalArgumentException e) {
            throw error(withoutField(e, "date"));
        }
    }

    /** Returns this JSON string as an instant (a date and time with an offset, or a date), within the supported range. */
    public Instant instant() {
        String s = text();
        try {
            return Dates.parseInstant("instant", s);
        } catch (IllegalArgumentException e) {
            throw error(withoutField(e, "instant"));
        }
    }

    /** Returns this JSON string as an ISO-8601 period such as {@code P1Y} or {@code P6M}. */
    public Period period() {
        String s = text();
        if (s.length() > MAX_PERIOD_LENGTH) {
            throw error("'" + Checks.shown(s) + "' is not an ISO-8601 period (such as P1Y or P6M)");
        }
        try {
            return Period.parse(s);
        } catch (DateTimeException e) {
            throw error("'" + s + "' is not an ISO-8601 period (such as P1Y or P6M), or a part of it is beyond "
                    + Integer.MAX_VALUE);
        }
    }

    /** Returns this JSON string as the constant of {@code type} with that exact name. */
    public <E extends Enum<E>> E enumValue(Class<E> type) {
        String s = text();
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw error("'" + Checks.shown(s) + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Returns this JSON array's elements, each read by {@code element}. */
    public <T> List<T> list(JsonReader<T> element) {
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

    /** Returns this value read by {@code reader}. */
    public <T> T read(JsonReader<T> reader) {
        return reader.read(this);
    }

    /**
     * Fails unless this value is of JSON type {@code type}: {@code expected a whole number but found string "1"}.
     *
     * @param expected the value expected, for the message, such as {@code a whole number}
     */
    public void require(JsonNodeType type, String expected) {
        if (node.getNodeType() != type) {
            throw error("expected " + expected + " but found " + describe());
        }
    }

    /** The number as written in the document. */
    private String numberText() {
        return node instanceof StrictTree.WrittenNumber written ? written.written() : node.asText();
    }

    private String describe() {
        String shown = node.isNumber() ? numberText() : node.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + Checks.shown(shown);
    }

    /** A reader's message without its leading {@code field: }, since the path takes its place. */
    private static String withoutField(IllegalArgumentException e, String field) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
    }
}
