package dev.kizuna.health.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes one object of a definition document, field by field, in the order written: the way a
 * {@link dev.kizuna.health.HealthModelProvider} writes its definitions, and the counterpart of {@link DefinitionNode}.
 *
 * <p>The toolkit makes the writer ({@link #write(Consumer)}), hands it to the code that fills it and takes the document
 * when that code returns. From then on every method of the writer, and of the writers made from it, throws
 * {@link IllegalStateException}: a document cannot be changed after it was handed over, and no Jackson node is handed
 * out to be changed. A field may be written once. Not thread-safe: one writer writes one document.
 *
 * <p>For example, a provider writes {@code {"type": "stumps", ..., "intercept": -2.9, "stumps": [{"signal": ...}]}}
 * with
 * <pre>{@code
 * ModelDefinitionParts.writeHeader(definition, definition.signals(), out);
 * out.put("intercept", definition.intercept());
 * DefinitionWriter.Array stumps = out.array("stumps");
 * for (Stump s : definition.stumps()) {
 *     stumps.addObject().put("signal", s.signal().value()).put("threshold", s.threshold());
 * }
 * }</pre>
 */
public final class DefinitionWriter {
    private final ObjectNode object;
    private final Document document;

    /** What the writers of one document share: whether it is still being written. */
    private static final class Document {
        boolean open = true;
    }

    private DefinitionWriter(ObjectNode object, Document document) {
        this.object = object;
        this.document = document;
    }

    /**
     * Runs {@code body} on the writer of a new object and returns the object written. The writer, and every writer
     * made from it, is closed when {@code body} returns (or throws).
     *
     * @return the document, which belongs to the caller
     */
    public static ObjectNode write(Consumer<? super DefinitionWriter> body) {
        Objects.requireNonNull(body, "body");
        Document document = new Document();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        try {
            body.accept(new DefinitionWriter(out, document));
        } finally {
            document.open = false;
        }
        return out;
    }

    /** Writes a text field. */
    public DefinitionWriter put(String field, String value) {
        Objects.requireNonNull(value, "value");
        object.put(newField(field), value);
        return this;
    }

    /**
     * Writes a number field. The number is written so that it reads back exactly, {@code -0.0} included.
     *
     * @throws IllegalArgumentException if the number is not finite: a definition holds finite numbers only
     */
    public DefinitionWriter put(String field, double value) {
        object.put(newField(field), finite(field, value));
        return this;
    }

    /** Writes a whole-number field. */
    public DefinitionWriter put(String field, long value) {
        object.put(newField(field), value);
        return this;
    }

    /** Writes a {@code true} or {@code false} field. */
    public DefinitionWriter put(String field, boolean value) {
        object.put(newField(field), value);
        return this;
    }

    /** Writes a field that holds an object, and returns the writer of that object. */
    public DefinitionWriter object(String field) {
        return new DefinitionWriter(object.putObject(newField(field)), document);
    }

    /** Writes a field that holds an array, and returns the writer of that array. */
    public Array array(String field) {
        return new Array(object.putArray(newField(field)), document);
    }

    /** Writes a field that holds a copy of {@code tree}: for the toolkit's own parts, such as declared signals. */
    void copy(String field, JsonNode tree) {
        object.set(newField(field), tree.deepCopy());
    }

    private String newField(String field) {
        Objects.requireNonNull(field, "field");
        checkOpen(document);
        if (object.has(field)) {
            throw new IllegalArgumentException("field: '" + field + "' was already written");
        }
        return field;
    }

    private static void checkOpen(Document document) {
        if (!document.open) {
            throw new IllegalStateException("the definition was already handed over: a writer cannot be used after"
                    + " the write it was given to has returned");
        }
    }

    private static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + ": " + value + " is not finite; a definition holds finite"
                    + " numbers only");
        }
        return value;
    }

    /** Writes one array of a definition document, element by element. Closed with its document. */
    public static final class Array {
        private final ArrayNode array;
        private final Document document;

        private Array(ArrayNode array, Document document) {
            this.array = array;
            this.document = document;
        }

        /** Appends a text. */
        public Array add(String value) {
            Objects.requireNonNull(value, "value");
            checkOpen(document);
            array.add(value);
            return this;
        }

        /**
         * Appends a number.
         *
         * @throws IllegalArgumentException if the number is not finite
         */
        public Array add(double value) {
            checkOpen(document);
            array.add(finite("element " + array.size(), value));
            return this;
        }

        /** Appends an object, and returns its writer. */
        public DefinitionWriter addObject() {
            checkOpen(document);
            return new DefinitionWriter(array.addObject(), document);
        }
    }
}
