package dev.kizuna.core.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one JSON object. Codecs ask for each field they know; {@link #finish()} then rejects any field
 * they did not ask for, so unknown fields never pass silently.
 */
final class JsonFields {
    private final JsonNode object;
    private final String path;
    private final Set<String> asked = new LinkedHashSet<>();

    JsonFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /** A field that must be present and not null. */
    JsonIn required(String name) {
        asked.add(name);
        JsonNode value = object.get(name);
        if (value == null || value.isMissingNode()) {
            throw new JsonInputException(path, "missing required field '" + name + "'");
        }
        if (value.isNull()) {
            throw new JsonInputException(childPath(name), "must not be null");
        }
        return new JsonIn(value, childPath(name));
    }

    /** A field that may be absent or null. */
    Optional<JsonIn> optional(String name) {
        asked.add(name);
        JsonNode value = object.get(name);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new JsonIn(value, childPath(name)));
    }

    /** Every field of a JSON object used as a map, for example signal values keyed by name. */
    Map<String, JsonIn> entries() {
        Map<String, JsonIn> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            asked.add(e.getKey());
            out.put(e.getKey(), new JsonIn(e.getValue(), childPath(e.getKey())));
        }
        return out;
    }

    /** Rejects fields that the codec did not ask for. */
    void finish() {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!asked.contains(name)) {
                throw new JsonInputException(childPath(name), "unknown field; the known fields here are " + new TreeSet<>(asked));
            }
        }
    }

    private String childPath(String name) {
        boolean simple = !name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
        return simple ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }
}
