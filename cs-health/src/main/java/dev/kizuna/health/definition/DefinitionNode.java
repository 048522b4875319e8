package dev.kizuna.health.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.internal.Checks;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Supplier;

/**
 * One value of a definition document at a known path, read strictly and without stopping at the first problem.
 *
 * <p>Every accessor checks the value and, when it is wrong, records a {@link DefinitionError} with this node's path
 * and returns a harmless stand-in (0, {@code ""}, an empty list or an empty optional), so that the reader goes on
 * and finds every other problem too. All the nodes of one document share one list of errors;
 * {@link #throwIfErrors()} throws them together. {@link #finish()} records an error for every field the reader did
 * not ask for, so unknown fields never pass silently.
 *
 * <p>When a {@linkplain #root signal catalogue} is given, {@link #signal()} also rejects names that are not in it.
 * Not thread-safe: one reader reads one document.
 */
public final class DefinitionNode {
    /** The most elements one array may hold. */
    public static final int MAX_ELEMENTS = 10_000;

    private final @Nullable JsonNode node;
    private final String path;
    private final Document document;
    private final Set<String> asked = new LinkedHashSet<>();

    private static final class Document {
        final List<DefinitionError> errors = new ArrayList<>();
        final @Nullable SortedSet<SignalName> catalogue;

        Document(@Nullable SortedSet<SignalName> catalogue) {
            this.catalogue = catalogue;
        }
    }

    private DefinitionNode(@Nullable JsonNode node, String path, Document document) {
        this.node = node;
        this.path = path;
        this.document = document;
    }

    /**
     * Returns the root of a parsed document.
     *
     * @param catalogue the signals a definition may read, or empty to accept any well-formed signal name
     */
    public static DefinitionNode root(JsonNode tree, Optional<? extends SortedSet<SignalName>> catalogue) {
        return new DefinitionNode(tree, "", new Document(catalogue.isPresent()
                ? Collections.unmodifiableSortedSet(catalogue.get()) : null));
    }

    /** Returns this node's path, such as {@code measures[2].weight}; {@code ""} at the root. */
    public String path() {
        return path;
    }

    /** Returns whether this node holds a value (a missing required field does not). */
    public boolean isPresent() {
        return node != null;
    }

    /** Records an error at this node's path. */
    public void error(String message) {
        document.errors.add(new DefinitionError(path, message));
    }

    /** Records an error at this node's path unless {@code condition} holds; returns the condition. */
    public boolean check(boolean condition, String message) {
        if (!condition) {
            error(message);
        }
        return condition;
    }

    /** Returns every error recorded so far in the document. */
    public List<DefinitionError> errors() {
        return List.copyOf(document.errors);
    }

    /** Returns whether any error was recorded in the document. */
    public boolean hasErrors() {
        return !document.errors.isEmpty();
    }

    /**
     * Throws every error recorded in the document, if there is any.
     *
     * @throws DefinitionException listing them
     */
    public void throwIfErrors() {
        if (!document.errors.isEmpty()) {
            throw new DefinitionException(document.errors);
        }
    }

    /** Returns a required field of this object; records an error if it is absent or null. */
    public DefinitionNode required(String field) {
        JsonNode value = field(field);
        if (node == null || !node.isObject()) {
            return new DefinitionNode(null, child(field), document);
        }
        if (value == null || value.isNull()) {
            error("missing required field '" + field + "'");
            return new DefinitionNode(null, child(field), document);
        }
        return new DefinitionNode(value, child(field), document);
    }

    /** Returns an optional field of this object, empty when it is absent or null. */
    public Optional<DefinitionNode> optional(String field) {
        JsonNode value = field(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new DefinitionNode(value, child(field), document));
    }

    /** Returns whether this node holds an array. */
    public boolean isArray() {
        return node != null && node.isArray();
    }

    /** Returns whether this object has the field (even as null). */
    public boolean has(String field) {
        return node != null && node.isObject() && node.has(field);
    }

    private @Nullable JsonNode field(String field) {
        asked.add(field);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            if (asked.size() == 1) {
                error("expected an object but found " + describe(node));
            }
            return null;
        }
        return node.get(field);
    }

    /** Records an error for every field of this object that the reader did not ask for. */
    public void finish() {
        if (node == null || !node.isObject()) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!asked.contains(name)) {
                document.errors.add(new DefinitionError(child(name), "unknown field; the known fields here are "
                        + String.join(", ", new java.util.TreeSet<>(asked))));
            }
        }
    }

    /** Returns the text of a string value. */
    public String text() {
        if (!require(JsonNodeType.STRING, "a string")) {
            return "";
        }
        return node.textValue();
    }

    /**
     * Returns an id (1 to 64 letters, digits, '_', '.' or '-'), or empty after recording an error. A whole number
     * is accepted as its digits, since YAML reads {@code version: 3} as a number.
     */
    public Optional<String> id() {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return Optional.of(Long.toString(node.longValue()));
        }
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        if (!Checks.isId(value)) {
            error("'" + shorten(value) + "' is not an id: 1 to 64 letters, digits, '_', '.' or '-', starting with"
                    + " a letter or digit");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Returns a finite number. */
    public double number() {
        if (!require(JsonNodeType.NUMBER, "a number")) {
            return 0;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            error(node + " is not a finite number");
            return 0;
        }
        return value;
    }

    /** Returns a finite number that is at least 0. */
    public double nonNegative() {
        double value = number();
        if (value < 0) {
            error(node + " must be >= 0");
            return 0;
        }
        return value;
    }

    /** Returns a finite number above 0. */
    public double positive() {
        if (!require(JsonNodeType.NUMBER, "a number")) {
            return 0;
        }
        double value = number();
        if (value <= 0 && Double.isFinite(node.doubleValue())) {
            error(node + " must be > 0");
            return 0;
        }
        return value;
    }

    /** Returns a finite number in {@code [low, high]}. */
    public double number(double low, double high) {
        double value = number();
        if (value < low || value > high) {
            error(node + " must be between " + plain(low) + " and " + plain(high));
            return low;
        }
        return value;
    }

    /** Returns {@code true} or {@code false}. */
    public boolean bool() {
        if (!require(JsonNodeType.BOOLEAN, "true or false")) {
            return false;
        }
        return node.booleanValue();
    }

    /** Returns a constant of {@code type} by its exact name, or empty after recording an error. */
    public <E extends Enum<E>> Optional<E> enumValue(Class<E> type) {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        error("'" + shorten(value) + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        return Optional.empty();
    }

    /**
     * Returns a signal name; records an error if it is not well-formed, or not in the catalogue when one was
     * given.
     */
    public Optional<SignalName> signal() {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        SignalName name;
        try {
            name = SignalName.of(value);
        } catch (IllegalArgumentException e) {
            error(stripField(e.getMessage()));
            return Optional.empty();
        }
        if (document.catalogue != null && !document.catalogue.contains(name)) {
            error("unknown signal '" + value + "': it is not in the signal catalogue");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Returns the elements of an array, each with its path, such as {@code measures[2]}. */
    public List<DefinitionNode> elements() {
        if (!require(JsonNodeType.ARRAY, "an array")) {
            return List.of();
        }
        if (node.size() > MAX_ELEMENTS) {
            error(node.size() + " elements is over the limit of " + MAX_ELEMENTS);
            return List.of();
        }
        List<DefinitionNode> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new DefinitionNode(node.get(i), path + "[" + i + "]", document));
        }
        return out;
    }

    /**
     * Returns the fields of an object, each with its path (such as {@code models.standard}), in document order: for
     * objects whose field names are data, such as a map from names to definitions. Every field counts as asked for.
     */
    public Map<String, DefinitionNode> fields() {
        if (!require(JsonNodeType.OBJECT, "an object")) {
            return Map.of();
        }
        if (node.size() > MAX_ELEMENTS) {
            error(node.size() + " fields is over the limit of " + MAX_ELEMENTS);
            return Map.of();
        }
        Map<String, DefinitionNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            asked.add(e.getKey());
            out.put(e.getKey(), new DefinitionNode(e.getValue(), child(e.getKey()), document));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Runs a constructor and returns its value; if it rejects its arguments, records its message at this path and
     * returns empty. A rejection is not recorded when an error was already recorded inside this node, since it is
     * then most likely a consequence of that error.
     */
    public <T> Optional<T> build(Supplier<T> constructor) {
        int before = errorsInside();
        try {
            return Optional.of(constructor.get());
        } catch (IllegalArgumentException | NullPointerException e) {
            if (before == 0) {
                error(String.valueOf(e.getMessage()));
            }
            return Optional.empty();
        }
    }

    private int errorsInside() {
        int count = 0;
        for (DefinitionError e : document.errors) {
            if (e.path().equals(path) || e.path().startsWith(path + ".") || e.path().startsWith(path + "[")
                    || path.isEmpty()) {
                count++;
            }
        }
        return count;
    }

    private boolean require(JsonNodeType type, String expected) {
        if (node == null) {
            return false;
        }
        if (node.getNodeType() != type) {
            error("expected " + expected + " but found " + describe(node));
            return false;
        }
        return true;
    }

    private String child(String field) {
        boolean simple = !field.isEmpty() && field.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
        String step = simple ? field : "['" + field.replace("'", "\\'") + "']";
        if (path.isEmpty()) {
            return simple ? step : "$" + step;
        }
        return simple ? path + "." + step : path + step;
    }

    private static String describe(JsonNode value) {
        String shown = value.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shown;
    }

    private static String stripField(String message) {
        // SignalName's messages start with "signal: "; the path already says where.
        return message.startsWith("signal: ") ? message.substring("signal: ".length()) : message;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String shorten(String value) {
        return value.length() > 70 ? value.substring(0, 67) + "..." : value;
    }
}
