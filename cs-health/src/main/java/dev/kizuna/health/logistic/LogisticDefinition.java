package dev.kizuna.health.logistic;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DeclaredSignals;
import dev.kizuna.health.definition.DefinitionLimits;
import dev.kizuna.core.internal.Checks;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A logistic churn model, as data: an intercept and terms over named signals. Immutable and thread-safe.
 *
 * <p>Ranges: the intercept and the coefficients within {@code ±}{@value DefinitionLimits#MAX_LOG_ODDS}; a
 * standardisation's mean within {@code ±}{@value DefinitionLimits#MAX_MAGNITUDE} and its standard deviation from
 * {@value DefinitionLimits#MIN_SD} to {@value DefinitionLimits#MAX_MAGNITUDE}; so no term of the linear predictor
 * overflows on its own.
 *
 * <p><b>Custom signals.</b> {@code signals} holds the domain of every custom signal the model reads
 * ({@link #domainOf}). As for scorecards, the record does not require declarations: a custom input that is not
 * declared gets {@link SignalDomain#ANY}, so a model built in Java is valid, is written with its declarations and
 * reads back equal, while a document must declare every custom signal it reads. A well-known signal cannot be
 * declared.
 *
 * @param id                  the model's id and version
 * @param bands               the bands
 * @param intercept           the intercept of the linear predictor
 * @param terms               the terms, at least one, with unique ids
 * @param missingInputs       what to do with a term whose signal has no value
 * @param minimumCompleteness the completeness (share of {@code |coefficient|} whose signal has a value, 0 to 1)
 *                            below which the result is "insufficient data"
 * @param signals             the custom signals and their domains: the declared ones, and {@link SignalDomain#ANY}
 *                            for every other custom input
 */
public record LogisticDefinition(
        ModelId id,
        BandScheme bands,
        double intercept,
        List<Term> terms,
        LogisticMissingInput missingInputs,
        double minimumCompleteness,
        SortedMap<SignalName, SignalDomain> signals) implements ModelDefinition {

    /** The model type of logistic models: {@value}. */
    public static final String TYPE = "logistic";

    /** Validates every part. */
    public LogisticDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bands, "bands");
        logOdds(intercept, "intercept");
        Objects.requireNonNull(terms, "terms");
        terms = List.copyOf(terms);
        Objects.requireNonNull(missingInputs, "missingInputs");
        Checks.within(minimumCompleteness, 0, 1, "minimumCompleteness");
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("terms: a logistic model needs at least one term");
        }
        Set<String> ids = new HashSet<>();
        for (Term term : terms) {
            if (!ids.add(term.id())) {
                throw new IllegalArgumentException("terms: the id '" + term.id() + "' is used twice");
            }
            logOdds(term.coefficient(), "term " + term.id() + ".coefficient");
            if (term.standardisation().isPresent()) {
                Standardisation st = term.standardisation().get();
                if (Math.abs(st.mean()) > DefinitionLimits.MAX_MAGNITUDE) {
                    throw new IllegalArgumentException("term " + term.id() + ".standardisation.mean: " + st.mean()
                            + " must be between -1e15 and 1e15");
                }
                if (!(st.sd() >= DefinitionLimits.MIN_SD && st.sd() <= DefinitionLimits.MAX_MAGNITUDE)) {
                    throw new IllegalArgumentException("term " + term.id() + ".standardisation.sd: " + st.sd()
                            + " must be between 1e-9 and 1e15");
                }
            }
        }
        signals = DeclaredSignals.complete(signals, inputs(terms), "signals");
    }

    /** Returns a model of the given parts whose custom signals take any finite number. */
    public LogisticDefinition(ModelId id, BandScheme bands, double intercept, List<Term> terms,
                              LogisticMissingInput missingInputs, double minimumCompleteness) {
        this(id, bands, intercept, terms, missingInputs, minimumCompleteness, Collections.emptySortedMap());
    }

    private static void logOdds(double value, String field) {
        Checks.finite(value, field);
        if (Math.abs(value) > DefinitionLimits.MAX_LOG_ODDS) {
            throw new IllegalArgumentException(field + ": " + value + " must be between -1000000 and 1000000");
        }
    }

    /** Returns a model with the standard bands, {@code REFERENCE} for missing inputs and no minimum completeness. */
    public static LogisticDefinition of(ModelId id, double intercept, List<Term> terms) {
        return new LogisticDefinition(id, BandScheme.standard(), intercept, terms, LogisticMissingInput.REFERENCE, 0);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Returns this model with the given custom signals declared (replacing earlier declarations of the same names).
     *
     * @throws IllegalArgumentException if one of them is well-known
     */
    public LogisticDefinition withSignals(Map<SignalName, SignalDomain> declarations) {
        SortedMap<SignalName, SignalDomain> all = new TreeMap<>(signals);
        all.putAll(declarations);
        return new LogisticDefinition(id, bands, intercept, terms, missingInputs, minimumCompleteness, all);
    }

    @Override
    public SortedSet<SignalName> inputs() {
        return inputs(terms);
    }

    private static SortedSet<SignalName> inputs(List<Term> terms) {
        SortedSet<SignalName> inputs = new TreeSet<>();
        for (Term term : terms) {
            inputs.add(term.signal());
        }
        return Collections.unmodifiableSortedSet(inputs);
    }

    /** Returns the signal's own domain when it is well-known, else its domain in {@link #signals()}. */
    @Override
    public SignalDomain domainOf(SignalName signal) {
        return DeclaredSignals.domainOf(signal, signals);
    }
}
