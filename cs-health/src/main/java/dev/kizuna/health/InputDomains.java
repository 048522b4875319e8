package dev.kizuna.health;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values each input of a model can take, {@link ModelDefinition#domainOf} of every signal the model reads, and
 * the check every model makes before it scores: a value outside its input's domain is rejected, never scored.
 *
 * <p>A snapshot already holds every signal inside the signal's own {@linkplain SignalName#domain() domain}, so the
 * check has work only for the inputs whose definition narrows it (a custom signal whose domain the definition
 * declares); for a model without such inputs it costs nothing. A model makes one of these when it is created and
 * calls {@link #check} at the top of {@link HealthModel#score} and {@link HealthModel#explain}:
 * <pre>{@code
 * private final InputDomains domains = InputDomains.of(definition);
 *
 * public HealthScore score(SignalSnapshot snapshot, Instant computedAt) {
 *     domains.check(snapshot);
 *     ...
 * }
 * }</pre>
 * Immutable and thread-safe.
 */
public final class InputDomains {
    private final SortedMap<SignalName, SignalDomain> domains;
    /** The inputs whose domain is narrower than the signal's own, sorted, and those domains. */
    private final SignalName[] narrowed;
    private final SignalDomain[] narrowedDomain;

    private InputDomains(SortedMap<SignalName, SignalDomain> domains) {
        this.domains = Collections.unmodifiableSortedMap(domains);
        List<SignalName> names = new ArrayList<>();
        List<SignalDomain> narrower = new ArrayList<>();
        for (var e : domains.entrySet()) {
            if (!e.getValue().equals(e.getKey().domain())) {
                names.add(e.getKey());
                narrower.add(e.getValue());
            }
        }
        this.narrowed = names.toArray(new SignalName[0]);
        this.narrowedDomain = narrower.toArray(new SignalDomain[0]);
    }

    /** Returns the domains of the inputs of {@code definition}: {@code definition.domainOf(signal)} of each. */
    public static InputDomains of(ModelDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        SortedMap<SignalName, SignalDomain> domains = new TreeMap<>();
        for (SignalName signal : definition.inputs()) {
            domains.put(signal, Objects.requireNonNull(definition.domainOf(signal), "domainOf"));
        }
        return new InputDomains(domains);
    }

    /** Returns each input's domain, by signal name. */
    public SortedMap<SignalName, SignalDomain> domains() {
        return domains;
    }

    /** Returns the domain of {@code signal}: the definition's for an input, the signal's own for any other. */
    public SignalDomain of(SignalName signal) {
        SignalDomain domain = domains.get(Objects.requireNonNull(signal, "signal"));
        return domain != null ? domain : signal.domain();
    }

    /**
     * Returns why the model cannot score {@code snapshot}: the first input (in name order) whose value lies outside
     * its domain, in {@link SignalDomain#problem}'s words, such as
     * {@code 7 is outside the domain of custom.dependents: 0 or 1}; empty when every value lies inside.
     */
    public Optional<String> problem(SignalSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        for (int i = 0; i < narrowed.length; i++) {
            Double value = snapshot.values().get(narrowed[i]);
            if (value != null && !narrowedDomain[i].contains(value)) {
                return narrowedDomain[i].problem(narrowed[i], value);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns {@code snapshot} if the model can score it.
     *
     * @throws IllegalArgumentException with {@link #problem}'s text, if a value lies outside its input's domain
     */
    public SignalSnapshot check(SignalSnapshot snapshot) {
        Optional<String> problem = problem(snapshot);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return snapshot;
    }

    /**
     * Returns the values a lever may move {@code signal} to in {@code snapshot}, every other value held fixed: the
     * input's domain, narrowed by the snapshot's own rules between signals ({@link SignalSnapshot#domainOf}). It
     * holds the signal's current value whenever the snapshot {@linkplain #check passes the check}.
     */
    public SignalDomain leverDomain(SignalName signal, SignalSnapshot snapshot) {
        SignalDomain own = snapshot.domainOf(signal);
        return of(signal).intersect(own).orElse(own);
    }

    @Override
    public String toString() {
        return "InputDomains" + domains;
    }
}
