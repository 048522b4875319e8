package dev.kizuna.examples.stumps;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DeclaredSignals;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A boosted-stumps churn model, as data: an intercept in log-odds and the stumps whose outputs add to it. See
 * {@link StumpsModel} for what the model computes and {@link StumpsProvider} for the JSON and YAML form.
 * Immutable and thread-safe.
 *
 * @param id                  the model's id and version
 * @param bands               the bands of its scores
 * @param intercept           the churn log-odds before any stump, within {@code ±}{@value Stump#MAX_LOG_ODDS}
 * @param stumps              the stumps, 1 to {@value #MAX_STUMPS}, in the order given
 * @param minimumCompleteness the completeness (the share of stumps whose signal has a value, 0 to 1) below which
 *                            the result is "insufficient data"
 * @param signals             the domains of the custom signals the stumps read: those the document declares, and
 *                            any finite number for the others (see {@link DeclaredSignals#complete})
 */
public record StumpsDefinition(
        ModelId id,
        BandScheme bands,
        double intercept,
        List<Stump> stumps,
        double minimumCompleteness,
        SortedMap<SignalName, SignalDomain> signals) implements ModelDefinition {

    /** The model type of boosted-stumps models: {@value}. */
    public static final String TYPE = "stumps";

    /** The most stumps a model may have. */
    public static final int MAX_STUMPS = 10_000;

    /** Validates every part. */
    public StumpsDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bands, "bands");
        intercept = Stump.logOdds(intercept, "intercept");
        Objects.requireNonNull(stumps, "stumps");
        stumps = List.copyOf(stumps);
        if (stumps.isEmpty()) {
            throw new IllegalArgumentException("stumps: a stumps model needs at least one stump");
        }
        if (stumps.size() > MAX_STUMPS) {
            throw new IllegalArgumentException("stumps: " + stumps.size() + " stumps is over the limit of "
                    + MAX_STUMPS);
        }
        if (!(minimumCompleteness >= 0 && minimumCompleteness <= 1)) {
            throw new IllegalArgumentException("minimumCompleteness: " + minimumCompleteness
                    + " must be between 0 and 1");
        }
        minimumCompleteness = minimumCompleteness + 0.0;
        signals = DeclaredSignals.complete(signals, inputs(stumps), "signals");
    }

    /** Returns a model of the given parts whose custom signals take any finite number. */
    public StumpsDefinition(ModelId id, BandScheme bands, double intercept, List<Stump> stumps,
                            double minimumCompleteness) {
        this(id, bands, intercept, stumps, minimumCompleteness, Collections.emptySortedMap());
    }

    /** Returns a model with the standard bands and no minimum completeness. */
    public static StumpsDefinition of(ModelId id, double intercept, List<Stump> stumps) {
        return new StumpsDefinition(id, BandScheme.standard(), intercept, stumps, 0);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SortedSet<SignalName> inputs() {
        return inputs(stumps);
    }

    /** Returns the declared domain of a custom signal, or the signal's own. */
    @Override
    public SignalDomain domainOf(SignalName signal) {
        return DeclaredSignals.domainOf(signal, signals);
    }

    private static SortedSet<SignalName> inputs(List<Stump> stumps) {
        SortedSet<SignalName> inputs = new TreeSet<>();
        for (Stump stump : stumps) {
            inputs.add(stump.signal());
        }
        return Collections.unmodifiableSortedSet(inputs);
    }
}
