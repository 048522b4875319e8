package dev.kizuna.playbooks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.playbooks.definition.DefinitionError;
import dev.kizuna.playbooks.definition.DefinitionException;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One value of a definition document at a known path, read strictly and without stopping at the first problem.
 *
 * <p>Every accessor checks the value and, when it is wrong, records a {@link DefinitionError} with this node's path
 * and returns a harmless stand-in or an empty optional, so the reader goes on and finds every other problem too. All
 * nodes of one document share one list of errors; {@link #throwIfErrors()} throws them together. {@link #finish()}
 * records an error for every field the reader did not ask for. Not thread-safe: one reader reads one document.
 */
public final class DocumentNode {
    /** The most elements one array may hold. */
    public static final int MAX_ELEMENTS = 10_000;

    private final @Nullable JsonNode node;
    private final String path;
    private final Document document;
    private final Set<String> asked = new LinkedHashSet<>();

    private static final class Document {
        final List<DefinitionError> errors = new ArrayList<>();
        final @Nullable Set<SignalName> catalogue;

        Document(@Nullable Set<SignalName> catalogue) {
            this.catalogue = catalogue;
        }
    }

    private DocumentNode(@Nullable JsonNode node, String path, Document document) {
        this.node = node;
        this.path = path;
        this.document = document;
    }

    /** Returns the root of a parsed document; signals must be in {@code catalogue} when one is given. */
    public static DocumentNode root(JsonNode tree, Optional<? extends Set<SignalName>> catalogue) {
        return new DocumentNode(tree, "", new Document(catalogue.isPresent() ? Set.copyOf(catalogue.get()) : null));
    }

    /** Returns this node's path, such as {@code rules[2].when}; {@code ""} at the root. */
    public String path() {
        return path;
    }

    /** Returns whether this node holds a value. */
    public boolean isPresent() {
        return node != null;
    }

    /** Records an error at this node's path. */
    public void error(String message) {
        document.errors.add(new DefinitionError(path, message));
    }

    /** Returns the number of errors recorded so far in the document. */
    public int errorCount() {
        return document.errors.size();
    }

    /** Throws every error recorded in the document, if there is any. */
    public void throwIfErrors() {
        if (!document.errors.isEmpty()) {
            throw new DefinitionException(document.errors);
        }
    }

    /** Returns whether this node is an object that has the field. */
    public boolean has(String field) {
        return node != null && node.isObject() && node.has(field);
    }

    /** Returns the field names of this object, in document order; empty if it is not an object. */
    public List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    /** Returns a required field of this object; records an error if it is absent or null. */
    public DocumentNode required(String field) {
        JsonNode value = field(field);
        if (node == null || !node.isObject()) {
            return new DocumentNode(null, child(field), document);
        }
        if (value == null || value.isNull()) {
            error("missing required field '" + field + "'");
            return new DocumentNode(null, child(field), document);
        }
        return new DocumentNode(value, child(field), document);
    }

    /** Returns an optional field of this object, empty when it is absent or null. */
    public Optional<DocumentNode> optional(String field) {
        JsonNode value = field(field);
        return value == null || value.isNull() ? Optional.empty()
                : Optional.of(new DocumentNode(value, child(field), document));
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
                        + String.join(", ", new TreeSet<>(asked))));
            }
        }
    }

    /** Returns the text of a string value, or {@code ""} after recording an error. */
    public String text() {
        if (!require(JsonNodeType.STRING, "a string")) {
            return "";
        }
        return node.textValue();
    }

    /** Returns an id (see {@link Checks#id}), or empty after recording an error. */
    public Optional<String> id() {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        if (!Checks.isId(value)) {
            error("'" + Checks.shorten(value) + "' is not an id: 1 to 64 letters, digits, '_', '.' or '-', starting"
                    + " with a letter or digit");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Returns a finite number, or 0 after recording an error. */
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

    /** Returns a whole number in {@code [low, high]}, or {@code low} after recording an error. */
    public int integer(int low, int high) {
        if (!require(JsonNodeType.NUMBER, "a whole number")) {
            return low;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt()) {
            error(node + " is not a whole number");
            return low;
        }
        int value = node.intValue();
        if (value < low || value > high) {
            error(value + " must be from " + low + " to " + high);
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
    public <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String what) {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        error("unknown " + what + " '" + Checks.shorten(value) + "'; the known ones are "
                + Arrays.toString(type.getEnumConstants()));
        return Optional.empty();
    }

    /**
     * Returns an ISO-8601 duration such as {@code P30D} or {@code PT12H}, or empty after recording an error.
     * Years and months are not durations (their length varies); write days.
     */
    public Optional<Duration> duration() {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(value));
        } catch (DateTimeParseException e) {
            error("'" + Checks.shorten(value) + "' is not a duration such as P30D or PT12H (years and months vary in"
                    + " length: write days)");
            return Optional.empty();
        }
    }

    /** Returns a signal name, checked against the catalogue when there is one; empty after recording an error. */
    public Optional<SignalName> signal() {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        SignalName name;
        try {
            name = SignalName.of(value);
        } catch (IllegalArgumentException e) {
            error(stripField(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        if (document.catalogue != null && !document.catalogue.contains(name)) {
            error("unknown signal '" + value + "': it is not in the signal catalogue");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Returns the elements of an array, each with its path, such as {@code rules[2]}. */
    public List<DocumentNode> elements() {
        if (!require(JsonNodeType.ARRAY, "an array")) {
            return List.of();
        }
        if (node.size() > MAX_ELEMENTS) {
            error(node.size() + " elements is over the limit of " + MAX_ELEMENTS);
            return List.of();
        }
        List<DocumentNode> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new DocumentNode(node.get(i), path + "[" + i + "]", document));
        }
        return out;
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
            if (path.isEmpty() || e.path().equals(path) || e.path().startsWith(path + ".")
                    || e.path().startsWith(path + "[")) {
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
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string '" + Checks.shorten(node.textValue()) + "'";
            case NUMBER -> "the number " + node;
            case BOOLEAN -> "the boolean " + node;
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String stripField(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && colon < 30 ? message.substring(colon + 2) : message;
    }
}
