package dev.kizuna.health.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Mutations of a valid definition tree, driven by numbers (so jqwik generates and shrinks them): remove a field or an
 * element, blank or retype a value, rename a field, duplicate an element, add an unknown field. The values put in
 * are those that trip readers: blanks, malformed and misspelt names (of signals, bands, enum constants, fact kinds),
 * numbers beyond the limits, durations. Used by the kit ({@link HealthModelCompatibilityKit}) and by the tests of
 * health-model and playbook definitions.
 */
public final class DefinitionMutations {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] STRINGS = {"", " ", "x", "Bad Name", "custom.unknown", "sentiment.npss", "linea",
        "-1", "1e308", "red", "rde", "\u00e9", "REDISTRIBUT", "RISK", "P30D", "P0D", "[0, 50)", "CONVRSION",
        "health_band", "NaN"};
    private static final double[] NUMBERS = {0, -1, 1e308, -1e308, -0.0, 1e-320, 1e15 + 1, 0.5, 100, 101, 7,
        Double.MAX_VALUE, 1e6 + 1, -1e6 - 1};

    private DefinitionMutations() {
    }

    /** A place in the tree: the container and the field name or index of a value in it. */
    private record Place(JsonNode container, String field, int index) {
    }

    /**
     * Returns a copy of {@code tree} with one mutation per pair of numbers in {@code plan}: the first number picks the
     * place (any field or element, counted in document order), the second the mutation. Any numbers will do.
     */
    public static JsonNode mutate(JsonNode tree, List<Integer> plan) {
        JsonNode copy = tree.deepCopy();
        for (int i = 0; i + 1 < plan.size(); i += 2) {
            List<Place> places = new ArrayList<>();
            collect(copy, places);
            if (places.isEmpty()) {
                break;
            }
            Place p = places.get(Math.floorMod(plan.get(i), places.size()));
            apply(p, Math.floorMod(plan.get(i + 1), 1_000_000));
        }
        return copy;
    }

    private static void collect(JsonNode node, List<Place> out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.add(new Place(node, name, -1));
                collect(node.get(name), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Place(node, null, i));
                collect(node.get(i), out);
            }
        }
    }

    private static void apply(Place p, int op) {
        int kind = op % 12;
        int pick = op / 12;
        JsonNode original = p.field() != null ? p.container().get(p.field()) : p.container().get(p.index());
        JsonNode replacement = switch (kind) {
            case 1 -> F.textNode(STRINGS[pick % STRINGS.length]);
            case 2 -> F.numberNode(NUMBERS[pick % NUMBERS.length]);
            case 3 -> F.booleanNode(pick % 2 == 0);
            case 4 -> F.nullNode();
            case 5 -> F.arrayNode();
            case 6 -> F.objectNode();
            case 7 -> F.arrayNode().add(original.deepCopy());
            case 8 -> F.textNode("");
            default -> null;
        };
        if (p.field() != null) {
            ObjectNode o = (ObjectNode) p.container();
            switch (kind) {
                case 0 -> o.remove(p.field());
                case 9 -> o.put("unknown" + pick % 3, 1);
                case 10, 11 -> {
                    JsonNode value = o.remove(p.field());
                    String name = p.field();
                    String renamed = name.length() > 1 ? name.substring(1) + name.charAt(0) : name + "x";
                    o.set(kind == 10 ? renamed : name.toUpperCase(java.util.Locale.ROOT), value);
                }
                default -> o.set(p.field(), replacement);
            }
        } else {
            ArrayNode a = (ArrayNode) p.container();
            switch (kind) {
                case 0 -> a.remove(p.index());
                case 9, 10 -> a.insert(p.index(), original.deepCopy());
                case 11 -> a.removeAll();
                default -> a.set(p.index(), replacement);
            }
        }
    }
}
