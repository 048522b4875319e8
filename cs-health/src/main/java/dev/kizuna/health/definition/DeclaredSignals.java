package dev.kizuna.health.definition;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The custom signals a definition declares, with their domains: the {@code signals} section of a document.
 * <pre>{@code
 * signals: {custom.dependents: {min: 0, max: 1, whole: true}, custom.api_calls_7d: {min: 0}, custom.score: {}}
 * }</pre>
 * Each of {@code min}, {@code max} and {@code whole} is optional, and {@code {}} is any finite number; the bounds lie
 * within {@code ±}{@value DefinitionLimits#MAX_MAGNITUDE}. A well-known signal cannot be declared: its domain is fixed
 * ({@link SignalName#domain()}). A reader reads the section with {@link DefinitionNode#signalDeclarations()}; a
 * definition record keeps the result ({@link #complete}), answers {@code domainOf} with {@link #domainOf}, and its
 * writer puts {@link #tree} back. The built-in definitions and the plug-in example do exactly this.
 */
public final class DeclaredSignals {
    private DeclaredSignals() {
    }

    /** Returns the {@code signals} section of the given declarations, as a definition's writer puts it. */
    public static ObjectNode tree(SortedMap<SignalName, SignalDomain> signals) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<SignalName, SignalDomain> e : signals.entrySet()) {
            ObjectNode d = out.putObject(e.getKey().value());
            SignalDomain domain = e.getValue();
            if (domain.hasMin()) {
                d.put("min", domain.min());
            }
            if (domain.hasMax()) {
                d.put("max", domain.max());
            }
            if (domain.whole()) {
                d.put("whole", true);
            }
        }
        return out;
    }

    /**
     * Returns the declarations a definition record holds: {@code declared}, checked, plus {@link SignalDomain#ANY}
     * for every custom signal among {@code inputs} that it does not declare. So a definition built in Java without
     * declarations is valid, and is written with them, and reads back equal.
     *
     * @param field the name of the record's component, for messages
     * @throws IllegalArgumentException if a well-known signal is declared, or a bound is beyond
     *                                  {@link DefinitionLimits#MAX_MAGNITUDE}
     */
    public static SortedMap<SignalName, SignalDomain> complete(Map<SignalName, SignalDomain> declared,
                                                               Collection<SignalName> inputs, String field) {
        Objects.requireNonNull(declared, field);
        SortedMap<SignalName, SignalDomain> out = new TreeMap<>();
        for (Map.Entry<SignalName, SignalDomain> e : declared.entrySet()) {
            SignalName name = Objects.requireNonNull(e.getKey(), field);
            SignalDomain domain = Objects.requireNonNull(e.getValue(), field + "." + name);
            if (name.isWellKnown()) {
                throw new IllegalArgumentException(field + "." + name + ": a well-known signal, whose domain is fixed ("
                        + name.domain().describe() + "), cannot be declared");
            }
            if ((domain.hasMin() && Math.abs(domain.min()) > DefinitionLimits.MAX_MAGNITUDE)
                    || (domain.hasMax() && Math.abs(domain.max()) > DefinitionLimits.MAX_MAGNITUDE)) {
                throw new IllegalArgumentException(field + "." + name + ": the bounds of " + domain.describe()
                        + " must lie between -1e15 and 1e15");
            }
            out.put(name, domain);
        }
        for (SignalName input : inputs) {
            if (!input.isWellKnown()) {
                out.putIfAbsent(input, SignalDomain.ANY);
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** Returns the domain of {@code signal} under {@code declared}: its own when well-known, else the declared one. */
    public static SignalDomain domainOf(SignalName signal, Map<SignalName, SignalDomain> declared) {
        if (signal.isWellKnown()) {
            return signal.domain();
        }
        SignalDomain d = declared.get(signal);
        return d != null ? d : signal.domain();
    }

}
