package dev.kizuna.health.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.internal.json.JsonIn;
import dev.kizuna.core.internal.json.JsonInputException;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.health.internal.DocumentPaths;
import dev.kizuna.core.internal.NearestName;
import dev.kizuna.health.internal.SignalDeclarations;
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
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Function;
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
 * <p><b>Nothing is dropped silently.</b> A reader of a part returns it, or empty after recording why. Read parts
 * through {@link #read} and lists through {@link #each}: they record an error at the part's path whenever a reader
 * returns empty without having recorded one inside the part, and turn a reader's {@link IllegalArgumentException}
 * into an error at that path, so a definition either reads whole or fails with a reason for every part it lacks.
 *
 * <p><b>Signals.</b> {@link #signal()} accepts a well-known signal ({@link SignalName#catalogue()}) or a custom one
 * that the definition declares in its top-level {@code signals} section, read with {@link #signalDeclarations()}
 * before the fields that name signals; anything else is an error with a suggestion of the nearest known name. When a
 * {@linkplain #root signal catalogue} is given, names outside it are errors too. Declarations made by an enclosing
 * definition (a segmented definition's) are seen by the definitions inside it.
 *
 * <p>Errors are collected in time linear in their number: each node counts the errors recorded inside it. Not
 * thread-safe: one reader reads one document.
 *
 * <p>This is the one definition reader of Kizuna: health-model definitions (and the models plugged in through
 * {@link dev.kizuna.health.HealthModelProvider}) and playbook definitions are read with it.
 */
public final class DefinitionNode {
    /** The most elements one array (or fields one object read with {@link #fields()}) may hold. */
    public static final int MAX_ELEMENTS = 10_000;

    private final @Nullable JsonNode node;
    private final String path;
    private final Document document;
    private final @Nullable DefinitionNode parent;
    private final Set<String> asked = new LinkedHashSet<>();
    /** The errors recorded at this node or inside it (through the nodes made from it). */
    private int errorsInside;
    /** The custom signals declared here or by an enclosing definition. */
    private SortedMap<SignalName, SignalDomain> declared;
    private boolean declarationsRead;
    /** Whether a signal name was resolved inside this node, so that declarations read now would come too late. */
    private boolean signalsResolved;

    private static final class Document {
        final List<DefinitionError> errors;
        final @Nullable SortedSet<SignalName> catalogue;
        final NearestName.Budget suggestions = NearestName.Budget.perDocument();

        Document(List<DefinitionError> errors, @Nullable SortedSet<SignalName> catalogue) {
            this.errors = errors;
            this.catalogue = catalogue;
        }
    }

    private DefinitionNode(@Nullable JsonNode node, String path, Document document, @Nullable DefinitionNode parent) {
        this.node = node;
        this.path = path;
        this.document = document;
        this.parent = parent;
        this.declared = parent == null ? Collections.emptySortedMap() : parent.declared;
    }

    /**
     * Returns the root of a parsed document.
     *
     * @param catalogue the signals a definition may read, or empty to accept every well-known and declared signal
     */
    public static DefinitionNode root(JsonNode tree, Optional<? extends Set<SignalName>> catalogue) {
        return root(tree, catalogue, new ArrayList<>());
    }

    /** As {@link #root(JsonNode, Optional)}, recording the errors into {@code errors} (for the tests of linearity). */
    static DefinitionNode root(JsonNode tree, Optional<? extends Set<SignalName>> catalogue,
                               List<DefinitionError> errors) {
        return new DefinitionNode(tree, "", new Document(errors, catalogue.isPresent()
                ? Collections.unmodifiableSortedSet(new TreeSet<>(catalogue.get())) : null), null);
    }

    private DefinitionNode child(@Nullable JsonNode value, String childPath) {
        return new DefinitionNode(value, childPath, document, this);
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
        errorAt(path, message);
    }

    private void errorAt(String at, String message) {
        document.errors.add(new DefinitionError(at, message));
        for (DefinitionNode n = this; n != null; n = n.parent) {
            n.errorsInside++;
        }
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

    /** Returns how many errors were recorded so far in the whole document. */
    public int errorCount() {
        return document.errors.size();
    }

    /** Returns whether any error was recorded in the document. */
    public boolean hasErrors() {
        return !document.errors.isEmpty();
    }

    /** Returns whether an error was recorded at this node or inside it. */
    public boolean hasErrorsInside() {
        return errorsInside > 0;
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
            return child(null, DocumentPaths.child(path, field));
        }
        if (value == null || value.isNull()) {
            error("missing required field '" + field + "'");
            return child(null, DocumentPaths.child(path, field));
        }
        return child(value, DocumentPaths.child(path, field));
    }

    /** Returns an optional field of this object, empty when it is absent or null. */
    public Optional<DefinitionNode> optional(String field) {
        JsonNode value = field(field);
        return value == null || value.isNull() ? Optional.empty()
                : Optional.of(child(value, DocumentPaths.child(path, field)));
    }

    /** Returns whether this node holds an array. */
    public boolean isArray() {
        return node != null && node.isArray();
    }

    /** Returns whether this object has the field (even as null). */
    public boolean has(String field) {
        return node != null && node.isObject() && node.has(field);
    }

    /** Returns the number of elements of this array; 0 if it is not an array. */
    public int size() {
        return node != null && node.isArray() ? node.size() : 0;
    }

    /**
     * Returns the field names of this object, in document order; empty if it is not an object. Asking for the names
     * does not count as asking for the fields (see {@link #finish()}).
     */
    public List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return Collections.unmodifiableList(out);
    }

    private @Nullable JsonNode field(String field) {
        asked.add(field);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            if (asked.size() == 1) {
                require(JsonNodeType.OBJECT, "an object");
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
     * @param what what the node holds, for the message of last resort, such as {@code measure}
     */
    public <T> Optional<T> read(String what, Function<DefinitionNode, Optional<T>> reader) {
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

    /**
     * Reads every element of this array with {@code reader}, as {@link #read} does each; returns the values read, in
     * order. Fewer values than elements means errors were recorded.
     */
    public <T> List<T> each(String what, Function<DefinitionNode, Optional<T>> reader) {
        List<DefinitionNode> elements = elements();
        List<T> out = new ArrayList<>(elements.size());
        for (DefinitionNode element : elements) {
            element.read(what, reader).ifPresent(out::add);
        }
        return out;
    }

    /** Returns the text of a string value. */
    public String text() {
        if (!require(JsonNodeType.STRING, "a string")) {
            return "";
        }
        return node.textValue();
    }

    /**
     * Returns a non-blank text of at most {@value DefinitionFormat#MAX_STRING_LENGTH} characters (a label, a
     * description), or empty after recording an error.
     */
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
            error("the number is too large: a number must be finite");
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

    /** Returns a finite number in {@code [low, high]}; {@code low} after recording an error. */
    public double number(double low, double high) {
        if (!require(JsonNodeType.NUMBER, "a number")) {
            return low;
        }
        double value = number();
        if (!(value >= low && value <= high) && Double.isFinite(node.doubleValue())) {
            error(node + " must be between " + plain(low) + " and " + plain(high));
            return low;
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

    /**
     * Returns a number that stands for a signal value (a threshold, a normaliser's point, a mean): within
     * {@code ±}{@link DefinitionLimits#MAX_MAGNITUDE}.
     */
    public double signalValue() {
        return number(-DefinitionLimits.MAX_MAGNITUDE, DefinitionLimits.MAX_MAGNITUDE);
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
        return constant(type, (value, suggestion) -> "'" + shorten(value) + "' is not one of "
                + Arrays.toString(type.getEnumConstants()) + suggestion);
    }

    /**
     * Returns a constant of {@code type} by its exact name, or empty after recording an error that names
     * {@code what} the value is and lists the known constants: {@code unknown action kind 'TSK'; did you mean TASK?
     * The known ones are [...]}.
     *
     * @param what what the value names, such as {@code action kind}
     */
    public <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String what) {
        return constant(type, (value, suggestion) -> "unknown " + what + " '" + shorten(value) + "'"
                + (suggestion.isEmpty() ? "; the known ones are " : suggestion + " The known ones are ")
                + Arrays.toString(type.getEnumConstants()));
    }

    /**
     * Returns the constant of {@code type} named by this string, or empty after recording the error {@code unknown}
     * writes from the value and the suggestion of the nearest name ({@code ""} when none is near).
     */
    private <E extends Enum<E>> Optional<E> constant(Class<E> type, BinaryOperator<String> unknown) {
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
        error(unknown.apply(value, suggestion(value, names)));
        return Optional.empty();
    }

    /**
     * Returns {@code "; did you mean X?"} for the name of {@code candidates} nearest to {@code value}, or {@code ""}
     * when none is near; for messages about names that are data. Suggestions are bounded per document.
     */
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
            error("'" + shorten(value) + "' is not a duration such as P30D or PT12H (years and months vary in"
                    + " length: write days)");
            return Optional.empty();
        }
    }

    /**
     * Reads this object's optional {@code signals} section, which declares custom signals and their domains (see
     * the module's README), and returns every custom signal declared for this definition: here, or by an enclosing
     * definition. Call it before reading the fields that name signals: {@link #signal()} on the nodes read after it
     * accepts the declared names. A well-known name, a name declared by the enclosing definition, a malformed name
     * or domain, is an error at its path.
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
        Optional<DefinitionNode> section = optional("signals");
        if (section.isEmpty()) {
            return declared;
        }
        DefinitionNode s = section.get();
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
     * an enclosing definition, else the signal's own.
     */
    public SignalDomain domainOf(SignalName signal) {
        return DeclaredSignals.domainOf(signal, declared);
    }

    /**
     * Returns a signal name; records an error if it is not well-formed, neither well-known nor declared (see
     * {@link #signalDeclarations()}), or not in the catalogue when one was given. The error suggests the nearest
     * known name when one is close.
     */
    public Optional<SignalName> signal() {
        String value = text();
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        for (DefinitionNode n = this; n != null && !n.signalsResolved; n = n.parent) {
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
                    + suggestion(value, names(document.catalogue)));
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
            out.add(child(node.get(i), DocumentPaths.element(path, i)));
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
            out.put(e.getKey(), child(e.getValue(), DocumentPaths.child(path, e.getKey())));
        }
        return Collections.unmodifiableMap(out);
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

    /**
     * Returns whether this node holds a value of JSON type {@code type}; else records the error cs-core's strict
     * reader words ({@code expected a number but found string "x"}), so that every reader says it alike.
     */
    private boolean require(JsonNodeType type, String expected) {
        if (node == null) {
            return false;
        }
        if (node.getNodeType() != type) {
            try {
                JsonIn.root(node).require(type, expected);
            } catch (JsonInputException e) {
                error(e.problem());
            }
            return false;
        }
        return true;
    }

    private static String stripField(String message) {
        // SignalName's messages start with "signal: "; the path already says where.
        return message.startsWith("signal: ") ? message.substring("signal: ".length()) : message;
    }

    /** Returns a limit as people write it: {@code 100}, {@code 0.5}, {@code 1e15}. */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        double exponent = Math.log10(Math.abs(value));
        if (exponent == Math.rint(exponent) && Math.abs(value) == Math.pow(10, exponent)) {
            return (value < 0 ? "-" : "") + "1e" + (long) exponent;
        }
        return Double.toString(value);
    }

    private static String shorten(String value) {
        return value.length() > 70 ? value.substring(0, 67) + "..." : value;
    }
}
