package dev.kizuna.health.logistic;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.internal.Checks;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A logistic churn model, as data: an intercept and terms over named signals. Immutable and thread-safe.
 *
 * @param id                  the model's id and version
 * @param bands               the bands
 * @param intercept           the intercept of the linear predictor
 * @param terms               the terms, at least one, with unique ids
 * @param missingInputs       what to do with a term whose signal has no value
 * @param minimumCompleteness the completeness (share of {@code |coefficient|} whose signal has a value, 0 to 1)
 *                            below which the result is "insufficient data"
 */
public record LogisticDefinition(
        ModelId id,
        BandScheme bands,
        double intercept,
        List<Term> terms,
        MissingInputPolicy missingInputs,
        double minimumCompleteness) implements ModelDefinition {

    /** The model type of logistic models: {@value}. */
    public static final String TYPE = "logistic";

    /** Validates every part. */
    public LogisticDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bands, "bands");
        Checks.finite(intercept, "intercept");
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
        }
    }

    /** Returns a model with the standard bands, {@code REFERENCE} for missing inputs and no minimum completeness. */
    public static LogisticDefinition of(ModelId id, double intercept, List<Term> terms) {
        return new LogisticDefinition(id, BandScheme.standard(), intercept, terms, MissingInputPolicy.REFERENCE, 0);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SortedSet<SignalName> inputs() {
        SortedSet<SignalName> inputs = new TreeSet<>();
        for (Term term : terms) {
            inputs.add(term.signal());
        }
        return Collections.unmodifiableSortedSet(inputs);
    }
}
