package dev.kizuna.health.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.definition.DefinitionLimits;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The {@code signals:} section of a definition, which declares the custom signals it reads and their domains:
 * <pre>{@code
 * signals: {custom.dependents: {min: 0, max: 1, whole: true}, custom.api_calls_7d: {min: 0}, custom.score: {}}
 * }</pre>
 * Each of {@code min}, {@code max} and {@code whole} is optional; {@code {}} is any finite number. The bounds lie
 * within {@code ±}{@link DefinitionLimits#MAX_MAGNITUDE}. A well-known signal cannot be declared: its domain is fixed
 * ({@link SignalName#domain()}).
 *
 * <p>Shared by every definition reader (scorecards, logistic and segmented models, playbooks), so that the section
 * reads and reports its problems alike everywhere; {@link dev.kizuna.health.definition.DeclaredSignals} writes it.
 */
public final class SignalDeclarations {
    private static final String KNOWN_FIELDS = "max, min, whole";

    private SignalDeclarations() {
    }

    /**
     * Reads a {@code signals} section, recording each problem with {@code error.accept(path, message)}.
     *
     * @param section   the section's value
     * @param path      the section's path, such as {@code signals}
     * @param inherited the signals an enclosing definition already declares (a segmented definition's, a rule
     *                  set's), which may not be declared again
     * @return the signals declared here (without the inherited ones), sorted
     */
    public static SortedMap<SignalName, SignalDomain> read(JsonNode section, String path, Set<SignalName> inherited,
                                                          BiConsumer<String, String> error) {
        SortedMap<SignalName, SignalDomain> out = new TreeMap<>();
        if (!section.isObject()) {
            error.accept(path, "expected an object of custom signal names and their domains, such as"
                    + " {custom.api_calls_7d: {min: 0}}, but found " + kind(section));
            return out;
        }
        for (Map.Entry<String, JsonNode> e : section.properties()) {
            String at = DocumentPaths.child(path, e.getKey());
            SignalName name;
            try {
                name = SignalName.of(e.getKey());
            } catch (IllegalArgumentException x) {
                error.accept(at, strip(String.valueOf(x.getMessage()), "signal: "));
                continue;
            }
            if (name.isWellKnown()) {
                error.accept(at, name + " is a well-known signal, whose domain is fixed (" + name.domain().describe()
                        + "); remove it from signals");
                continue;
            }
            if (inherited.contains(name)) {
                error.accept(at, name + " is already declared by the enclosing definition; declare it once");
                continue;
            }
            readDomain(e.getValue(), at, error).ifPresent(d -> out.put(name, d));
        }
        return out;
    }

    private static java.util.Optional<SignalDomain> readDomain(JsonNode node, String path,
                                                              BiConsumer<String, String> error) {
        if (!node.isObject()) {
            error.accept(path, "expected a domain such as {min: 0, max: 1, whole: true} ({} for any finite number)"
                    + " but found " + kind(node));
            return java.util.Optional.empty();
        }
        boolean ok = true;
        double min = -Double.MAX_VALUE;
        double max = Double.MAX_VALUE;
        boolean whole = false;
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String at = DocumentPaths.child(path, f.getKey());
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "min", "max" -> {
                    if (!v.isNumber()) {
                        error.accept(at, "expected a number but found " + kind(v));
                        ok = false;
                    } else if (!(Math.abs(v.doubleValue()) <= DefinitionLimits.MAX_MAGNITUDE)) {
                        error.accept(at, v + " must be between -1e15 and 1e15 (leave the bound out for no bound)");
                        ok = false;
                    } else if (f.getKey().equals("min")) {
                        min = v.doubleValue();
                    } else {
                        max = v.doubleValue();
                    }
                }
                case "whole" -> {
                    if (!v.isBoolean()) {
                        error.accept(at, "expected true or false but found " + kind(v));
                        ok = false;
                    } else {
                        whole = v.booleanValue();
                    }
                }
                default -> {
                    error.accept(at, "unknown field; the known fields here are " + KNOWN_FIELDS);
                    ok = false;
                }
            }
        }
        if (!ok) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new SignalDomain(min, max, whole));
        } catch (IllegalArgumentException x) {
            error.accept(path, strip(String.valueOf(x.getMessage()), "domain: "));
            return java.util.Optional.empty();
        }
    }

    /**
     * Returns the message for a signal that is neither well-known nor declared, with a suggestion when a known name
     * is close.
     */
    public static String unknown(String name, String didYouMean) {
        String why = didYouMean.isEmpty() ? ": it is not a well-known signal." : didYouMean;
        return "unknown signal '" + name + "'" + why + " A custom signal must be declared, with its domain, in"
                + " the definition's top-level signals section, such as signals: {" + name
                + ": {min: 0}} ({} for any finite number)";
    }

    private static String kind(JsonNode node) {
        String shown = node.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shown;
    }

    private static String strip(String message, String prefix) {
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
