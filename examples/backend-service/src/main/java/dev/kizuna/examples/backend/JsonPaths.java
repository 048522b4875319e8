package dev.kizuna.examples.backend;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.kizuna.core.internal.json.JsonIn;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * JSON paths in the form Kizuna's codecs write them ({@code $.accounts[3].values['usage.logins']}), built from a known
 * base, from Jackson's reference chain or parser context, and split off the front of a Kizuna error message.
 */
final class JsonPaths {
    static final String ROOT = "$";

    private JsonPaths() {
    }

    /** The path of the field {@code name} of the object at {@code base}, with cs-core's steps ({@link JsonIn#step}). */
    static String field(String base, String name) {
        return base + JsonIn.step(name);
    }

    /** The path of element {@code index} of the array at {@code base}. */
    static String element(String base, int index) {
        return base + "[" + index + "]";
    }

    /** The path below {@code base} that Jackson's reference chain names. */
    static String of(String base, List<JsonMappingException.Reference> references) {
        String path = base;
        for (JsonMappingException.Reference r : references) {
            String name = r.getFieldName();
            path = name != null ? field(path, name) : r.getIndex() >= 0 ? element(path, r.getIndex()) : path;
        }
        return path;
    }

    /** The path where Jackson's parser stood when it failed, if the exception carries the parser. */
    static Optional<String> ofParser(JsonProcessingException e) {
        Object processor = e.getProcessor();
        if (processor instanceof JsonParser parser) {
            return Optional.of(ofContext(parser.getParsingContext()));
        }
        return Optional.empty();
    }

    /** The path of the value the parser stands on. */
    static String of(JsonParser parser) {
        return ofContext(parser.getParsingContext());
    }

    private static String ofContext(@Nullable JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return ROOT;
        }
        String parent = ofContext(context.getParent());
        if (context.inArray()) {
            // Before its first element the parser stands in the array itself, such as on a trailing "[".
            return context.getEntryCount() == 0 ? parent : element(parent, context.getCurrentIndex());
        }
        String name = context.getCurrentName();
        return name == null ? parent : field(parent, name);
    }

    /** A message split into the JSON path it starts with and the problem after {@code ": "}. */
    record Located(String path, String problem) {
    }

    /**
     * Splits a Kizuna error message, {@code "$.values.logins: expected a number but found string \"x\""}, into its
     * leading path and its problem; empty if the message does not start with a path.
     */
    static Optional<Located> split(String message) {
        if (!message.startsWith(ROOT)) {
            return Optional.empty();
        }
        int i = 1;
        int n = message.length();
        while (i < n) {
            char c = message.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(message.charAt(j)) || message.charAt(j) == '_')) {
                    j++;
                }
                if (j == i + 1) {
                    return Optional.empty();
                }
                i = j;
            } else if (message.startsWith("['", i)) {
                int j = i + 2;
                while (j < n && !message.startsWith("']", j)) {
                    j += message.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n) {
                    return Optional.empty();
                }
                i = j + 2;
            } else if (c == '[') {
                int j = i + 1;
                while (j < n && Character.isDigit(message.charAt(j))) {
                    j++;
                }
                if (j == i + 1 || j >= n || message.charAt(j) != ']') {
                    return Optional.empty();
                }
                i = j + 1;
            } else {
                break;
            }
        }
        if (!message.startsWith(": ", i)) {
            return Optional.empty();
        }
        return Optional.of(new Located(message.substring(0, i), message.substring(i + 2)));
    }

    /** Appends a path relative to some value ({@code $.values.x}) to the absolute path of that value. */
    static String resolve(String base, String relative) {
        return base + relative.substring(ROOT.length());
    }
}
