package dev.kizuna.core.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kizuna.core.internal.Checks;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one JSON value from a parser into a tree, the same way whatever the host mapper's features say:
 * <ul>
 *   <li>a field that appears twice in one object is an error, not "the last one wins";</li>
 *   <li>a number with a fraction or an exponent keeps the text it was written with ({@link WrittenNumber}), so that
 *       a decimal is read exactly from its digits and a double from the nearest value, negative zero included;</li>
 *   <li>a value nests at most {@value #MAX_DEPTH} levels below the one being read (the parser's own limit, which the
 *       host sets, comes on top);</li>
 *   <li>a limit of the parser (length of a number, a string or a name, nesting, document length) is reported in the
 *       user's terms, with the line and column where it was hit.</li>
 * </ul>
 * Errors of the input's content are {@link JsonInputException}s whose message starts with the path relative to the
 * value read ({@code $.tags[2]: ...}); errors of syntax are Jackson's {@link JsonParseException}s, which carry the
 * line and column. Internal to Kizuna.
 */
public final class StrictTree {
    /** The deepest a value read here may nest, whatever the parser allows. */
    public static final int MAX_DEPTH = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StrictTree() {
    }

    /**
     * A JSON number with a fraction or an exponent, as the nearest double and as written: {@code 12.50} keeps
     * {@code "12.50"}, so that {@link JsonIn#decimal()} reads it exactly.
     */
    public static final class WrittenNumber extends DoubleNode {
        private static final long serialVersionUID = 1L;
        private final String written;

        WrittenNumber(double value, String written) {
            super(value);
            this.written = written;
        }

        /** Returns the number as the document wrote it. */
        public String written() {
            return written;
        }
    }

    /**
     * Reads the value at the parser's current token (or its next one, if it stands on none), through the token
     * that ends it.
     *
     * @throws JsonInputException naming the path, for a duplicate field, a value nested too deep or a value of no
     *                            JSON type
     * @throws JsonParseException with the line and column, for broken syntax, invalid UTF-8 or a parser limit
     */
    public static JsonNode read(JsonParser p) throws IOException {
        try {
            JsonToken token = p.currentToken();
            if (token == null) {
                token = p.nextToken();
                if (token == null) {
                    throw new JsonParseException(p, "the document is empty: expected a JSON value");
                }
            }
            JsonStreamContext here = p.getParsingContext();
            if (token == JsonToken.FIELD_NAME) {
                // The object's start was consumed by the caller: read the rest of its fields.
                return readFields(p, NODES.objectNode(), here.getParent(), 1);
            }
            JsonStreamContext base = token.isStructStart() ? here.getParent() : here;
            return readValue(p, token, base, 0);
        } catch (StreamConstraintsException e) {
            // Reported where the parser stopped: the end of the number, string or name that is too long.
            throw new JsonParseException(p, JsonProblems.limit(String.valueOf(e.getMessage())), e);
        }
    }

    private static JsonNode readValue(JsonParser p, JsonToken token, @Nullable JsonStreamContext base, int depth)
            throws IOException {
        switch (token) {
            case START_OBJECT:
                return readFields(p, NODES.objectNode(), base, depth + 1);
            case START_ARRAY:
                return readElements(p, base, depth + 1);
            case VALUE_STRING:
                return TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return new WrittenNumber(p.getDoubleValue(), p.getText());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.instance;
            case VALUE_EMBEDDED_OBJECT:
                if (p.getEmbeddedObject() == null) {
                    return NullNode.instance;
                }
                throw new JsonInputException(path(p, base), "expected a JSON value but found an embedded object");
            default:
                throw new JsonInputException(path(p, base), "expected a JSON value but found " + token);
        }
    }

    private static ObjectNode readFields(JsonParser p, ObjectNode object, @Nullable JsonStreamContext base, int depth)
            throws IOException {
        checkDepth(p, base, depth);
        JsonToken token = p.currentToken() == JsonToken.FIELD_NAME ? JsonToken.FIELD_NAME : p.nextToken();
        while (token == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (object.has(name)) {
                throw new JsonInputException(path(p, base), "duplicate field '" + Checks.shown(name)
                        + "': each field may appear once in an object");
            }
            object.set(name, readValue(p, p.nextToken(), base, depth));
            token = p.nextToken();
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "the document ends inside an object");
        }
        return object;
    }

    private static ArrayNode readElements(JsonParser p, @Nullable JsonStreamContext base, int depth)
            throws IOException {
        checkDepth(p, base, depth);
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (token == null) {
                throw new JsonParseException(p, "the document ends inside an array");
            }
            array.add(readValue(p, token, base, depth));
        }
        return array;
    }

    private static void checkDepth(JsonParser p, @Nullable JsonStreamContext base, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonInputException(path(p, base), "the value nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** The path of the parser's current value relative to {@code base}, in the form the codecs write. */
    private static String path(JsonParser p, @Nullable JsonStreamContext base) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && c != base; c = c.getParent()) {
            if (c.inArray() && c.getEntryCount() > 0) {
                steps.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                steps.push(JsonIn.step(c.getCurrentName()));
            }
        }
        return "$" + String.join("", steps);
    }
}
