package dev.kizuna.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one JSON object. Codecs ask for each field they know; {@link #finish()} then rejects any field
 * they did not ask for, so unknown fields never pass silently. Internal to Kizuna.
 */
public final class JsonFields {
    private final JsonIn owner;
    private final JsonNode object;
    private final List<String> asked = new ArrayList<>();
    private int present;

    JsonFields(JsonIn owner, JsonNode object) {
        this.owner = owner;
        this.object = object;
    }

    /** Returns a field that must be present and not null. */
    public JsonIn required(String name) {
        asked.add(name);
        JsonNode value = object.get(name);
        if (value == null || value.isMissingNode()) {
            throw owner.error("missing required field '" + name + "'");
        }
        present++;
        JsonIn in = owner.child(name, value);
        if (value.isNull()) {
            throw in.error("must not be null");
        }
        return in;
    }

    /** Returns a field that may be absent or null. */
    public Optional<JsonIn> optional(String name) {
        asked.add(name);
        JsonNode value = object.get(name);
        if (value == null || value.isMissingNode()) {
            return Optional.empty();
        }
        present++;
        return value.isNull() ? Optional.empty() : Optional.of(owner.child(name, value));
    }

    /**
     * Returns every field of a JSON object used as a map, for example signal values keyed by name, in document
     * order. Each name must be valid Unicode.
     */
    public Map<String, JsonIn> entries() {
        Map<String, JsonIn> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            JsonIn in = owner.child(e.getKey(), e.getValue());
            in.unicode(e.getKey());
            out.put(e.getKey(), in);
        }
        present = object.size();
        return out;
    }

    /** Rejects fields that the codec did not ask for. */
    public void finish() {
        if (present == object.size()) {
            return; // every field present was asked for, since names in an object node are unique
        }
        Set<String> known = new HashSet<>(asked);
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw owner.child(name, object.get(name)).error("unknown field; the known fields here are "
                        + new TreeSet<>(asked));
            }
        }
    }
}
