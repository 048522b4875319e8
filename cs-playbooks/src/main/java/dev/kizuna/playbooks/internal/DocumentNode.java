package dev.kizuna.playbooks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.definition.DeclaredSignals;
import dev.kizuna.health.definition.DefinitionLimits;
import dev.kizuna.health.internal.DocumentPaths;
import dev.kizuna.core.internal.NearestName;
import dev.kizuna.health.internal.SignalDeclarations;
import dev.kizuna.playbooks.definition.DefinitionError;
import dev.kizuna.playbooks.definition.DefinitionException;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One value of a definition document at a known path, read strictly and without stopping at the first problem.
 *
 * <p>Every accessor checks the value and, when it is wrong, records a {@link DefinitionError} with this node's path
 * and returns a harmless stand-in or an empty optional, so the reader goes on and finds every other problem too. All
 * nodes of one document share one list of errors; {@link #throwIfErrors()} throws them together. {@link #finish()}
 * records an error for every field the reader did not ask for.
 *
 * <p>Nothing is dropped silently: parts are read through {@link #read} and lists through {@link #each}, which record
 * an error at the part's path whenever a reader returns empty without having recorded one inside the part (or
 * rejects its input with an {@link IllegalArgumentException}). Signals must be well-known or declared in a
 * {@code signals} section read with {@link #signalDeclarations()} (see the health module's definition nodes, which
 * work alike). Errors are collected in time linear in their number: each node counts those recorded inside it.
 * Not thread-safe: one reader reads one document.
 */
public final class DocumentNode {
    /** The most elements one array may hold. */
    public static final int MAX_ELEMENTS = 10_000;

    private final @Nullable JsonNode node;
    private final String path;
    private final Document document;
    private final @Nullable DocumentNode parent;
    private final Set<String> asked = new LinkedHashSet<>();
    private int errorsInside;
    private SortedMap<SignalName, SignalDomain> declared;
    private boolean declarationsRead;
    private boolean signalsResolved;

    private static final class Document {
        final List<DefinitionError> errors;
        final @Nullable Set<SignalName> catalogue;
        final NearestName.Budget suggestions = NearestName.Budget.perDocument();

        Document(List<DefinitionError> errors, @Nullable Set<SignalName> catalogue) {
            this.errors = errors;
            this.catalogue = catalogue;
        }
    }

    private DocumentNode(@Nullable JsonNode node, String path, Document document, @Nullable DocumentNode parent) {
        this.node = node;
        this.path = path;
        this.document = document;
        this.parent = parent;
        this.declared = parent == null ? Collections.emptySortedMap() : parent.declared;
    }

    /** Returns the root of a parsed document; signals must be in {@code catalogue} when one is given. */
    public static DocumentNode root(JsonNode tree, Optional<? extends Set<SignalName>> catalogue) {
        return root(tree, catalogue, new ArrayList<>());
    }

    /** As {@link #root(JsonNode, Optional)}, recording the errors into {@code errors}. */
    public static DocumentNode root(JsonNode tree, Optional<? extends Set<SignalName>> catalogue,
                                    List<DefinitionError> errors) {
        return new DocumentNode(tree, "", new Document(errors, catalogue.isPresent()
                ? Set.copyOf(catalogue.get()) : null), null);
    }

    private DocumentNode child(@Nullable JsonNode value, String childPath) {
        return new DocumentNode(value, childPath, document, this);
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
        errorAt(path, message);
    }

    private void errorAt(String at, String message) {
        document.errors.add(new DefinitionError(at, message));
        for (DocumentNode n = this; n != null; n = n.parent) {
            n.errorsInside++;
        }
    }

    /** Returns the number of errors recorded so far in the document. */
    public int errorCount() {
        return document.errors.size();
    }

    /** Returns whether an error was recorded at this node or inside it. */
    public boolean hasErrorsInside() {
        return errorsInside > 0;
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

    /** Returns whether this node holds an array. */
    public boolean isArray() {
        return node != null && node.isArray();
    }

    /** Returns the number of elements of this array; 0 if it is not an array. */
    public int size() {
        return node != null && node.isArray() ? node.size() : 0;
    }

    /** Returns the field names of this object, in document order; empty if it is not an object. */
    public List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    /**
     * Returns the fields of an object whose field names are data (such as an action's parameters), each with its
     * path, in document order; records an error if this is not an object. Every field counts as asked for.
     */
    public Map<String, DocumentNode> fields() {
        if (!require(JsonNodeType.OBJECT, "an object")) {
            return Map.of();
        }
        if (node.size() > MAX_ELEMENTS) {
            error(node.size() + " fields is over the limit of " + MAX_ELEMENTS);
            return Map.of();
        }
        Map<String, DocumentNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            asked.add(e.getKey());
            out.put(e.getKey(), child(e.getValue(), DocumentPaths.child(path, e.getKey())));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Returns a required field of this object; records an error if it is absent or null. */
    public DocumentNode required(String field) {
        JsonNode value = field(field);
        if (node == null || !node.isObject()) {
            return child(null, DocumentPaths.child(path, field));
        }
        if (value == null || value.isNull()) {
            error("missing required field '" + field + "'");
            return child(null, DocumentPaths.child(path, field));
        }
        return child(value, DocumentPaths.child(path, field));
    }

    /** Returns an optional field of this object, empty when it is absent or null. */
    public Optional<DocumentNode> optional(String field) {
        JsonNode value = field(field);
        return value == null || value.isNull() ? Optional.empty()
                : Optional.of(child(value, DocumentPaths.child(path, field)));
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
        String known = null;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!asked.contains(name)) {
                if (known == null) {
                    known = String.join(", ", new TreeSet<>(asked));
                }
                String suggestion = NearestName.didYouMean(name, asked, document.suggestions);
                errorAt(DocumentPaths.child(path, name), "unknown field" + (suggestion.isEmpty()
                        ? "; the known fields here are " : suggestion + " The known fields here are ") + known);
            }
        }
    }

    /**
     * Reads this node with {@code reader}, which returns the value or empty after recording why. If it returns empty
     * without an error recorded inside this node, or rejects its input with an {@link IllegalArgumentException}, the
     * error is recorded here, so that no part of a definition is ever dropped silently.
     *
     * @param what what the node holds, for the message of last resort, such as {@code condition}
     */
    public <T> Optional<T> read(String what, Function<DocumentNode, Optional<T>> reader) {
        int before = errorsInside;
        Optional<T> value;
        try {
            value = reader.apply(this);
        } catch (IllegalArgumentException e) {
            if (errorsInside == before) {
                error(String.valueOf(e.getMessage()));
            }
            return Optional.empty();
        }
        if (value.isEmpty() && errorsInside == before) {
            error("this " + what + " could not be read");
        }
        return value;
    }

    /** Reads every element of this array with {@code reader}, as {@link #read} does each; returns the values read. */
    public <T> List<T> each(String what, Function<DocumentNode, Optional<T>> reader) {
        List<DocumentNode> elements = elements();
        List<T> out = new ArrayList<>(elements.size());
        for (DocumentNode element : elements) {
            element.read(what, reader).ifPresent(out::add);
        }
        return out;
    }

    /** Returns the text of a string value, or {@code ""} after recording an error. */
    public String text() {
        if (!require(JsonNodeType.STRING, "a string")) {
            return "";
        }
        return node.textValue();
    }

    /** Returns a non-blank text, or empty after recording an error. */
    public Optional<String> label() {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            error("must not be blank");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Returns an id (see {@link Checks#id}), or empty after recording an error. */
    public Optional<String> id() {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        if (!Checks.isId(value)) {
            error("'" + Checks.shown(value) + "' is not an id: 1 to 64 letters, digits, '_', '.' or '-', starting"
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
            error("the number is too large: a number must be finite");
            return 0;
        }
        return value;
    }

    /**
     * Returns a number that stands for a signal or fact value (a threshold): within
     * {@code ±}{@link DefinitionLimits#MAX_MAGNITUDE}; 0 after recording an error.
     */
    public double threshold() {
        double value = number();
        if (Math.abs(value) > DefinitionLimits.MAX_MAGNITUDE) {
            error(node + " must be between -1e15 and 1e15");
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
            error(node + " is not a whole number from " + low + " to " + high);
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
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
            names.add(constant.name());
        }
        String suggestion = suggestion(value, names);
        error("unknown " + what + " '" + Checks.shown(value) + "'" + (suggestion.isEmpty()
                ? "; the known ones are " : suggestion + " The known ones are ")
                + Arrays.toString(type.getEnumConstants()));
        return Optional.empty();
    }

    /** Returns {@code "; did you mean X?"} for the name of {@code candidates} nearest to {@code value}, or "". */
    public String suggestion(String value, Collection<String> candidates) {
        return NearestName.didYouMean(value, candidates, document.suggestions);
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
        } catch (DateTimeParseException | ArithmeticException e) {
            error("'" + Checks.shown(value) + "' is not a duration such as P30D or PT12H (years and months vary in"
                    + " length: write days)");
            return Optional.empty();
        }
    }

    /**
     * Reads this object's optional {@code signals} section, which declares custom signals and their domains, and
     * returns every custom signal declared for this document part: here, or by an enclosing part (a rule set's
     * section is seen by its playbooks). Call it before reading the conditions that name signals.
     *
     * @throws IllegalStateException if a signal was already read inside this node
     */
    public SortedMap<SignalName, SignalDomain> signalDeclarations() {
        if (signalsResolved) {
            throw new IllegalStateException("signalDeclarations() must be read before the signals that use them, at "
                    + (path.isEmpty() ? "the root" : path));
        }
        if (declarationsRead) {
            return declared;
        }
        declarationsRead = true;
        Optional<DocumentNode> section = optional("signals");
        if (section.isEmpty()) {
            return declared;
        }
        DocumentNode s = section.get();
        SortedMap<SignalName, SignalDomain> own = SignalDeclarations.read(s.node, s.path, declared.keySet(),
                s::errorAt);
        if (!own.isEmpty()) {
            SortedMap<SignalName, SignalDomain> all = new TreeMap<>(declared);
            all.putAll(own);
            declared = Collections.unmodifiableSortedMap(all);
        }
        return declared;
    }

    /**
     * Returns the values {@code signal} can take as this part of the document sees it: the domain declared here or by
     * an enclosing part, else the signal's own.
     */
    public SignalDomain domainOf(SignalName signal) {
        return DeclaredSignals.domainOf(signal, declared);
    }

    /**
     * Returns a signal name: well-known or declared (see {@link #signalDeclarations()}), and in the catalogue when
     * there is one; empty after recording an error that suggests the nearest known name when one is close.
     */
    public Optional<SignalName> signal() {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        for (DocumentNode n = this; n != null && !n.signalsResolved; n = n.parent) {
            n.signalsResolved = true;
        }
        SignalName name;
        try {
            name = SignalName.of(value);
        } catch (IllegalArgumentException e) {
            error(stripField(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        if (document.catalogue != null && !document.catalogue.contains(name)) {
            error("unknown signal '" + value + "': it is not in the signal catalogue"
                    + suggestion(value, names(new TreeSet<>(document.catalogue))));
            return Optional.empty();
        }
        if (!name.isWellKnown() && !declared.containsKey(name)) {
            List<String> known = names(SignalName.catalogue());
            known.addAll(names(declared.keySet()));
            error(SignalDeclarations.unknown(value, suggestion(value, known)));
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static List<String> names(Set<SignalName> signals) {
        List<String> out = new ArrayList<>(signals.size());
        for (SignalName s : signals) {
            out.add(s.value());
        }
        return out;
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
            out.add(child(node.get(i), DocumentPaths.element(path, i)));
        }
        return out;
    }

    /**
     * Runs a constructor and returns its value; if it rejects its arguments, records its message at this path and
     * returns empty. A rejection is not recorded when an error was already recorded inside this node, since it is
     * then most likely a consequence of that error.
     */
    public <T> Optional<T> build(Supplier<T> constructor) {
        int before = errorsInside;
        try {
            return Optional.of(constructor.get());
        } catch (IllegalArgumentException | NullPointerException e) {
            if (before == 0) {
                error(String.valueOf(e.getMessage()));
            }
            return Optional.empty();
        }
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

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string '" + Checks.shown(node.textValue()) + "'";
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
