package dev.kizuna.health.scorecard;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DeclaredSignals;
import dev.kizuna.core.internal.Checks;

import java.util.ArrayList;
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
 * A weighted scorecard, as data: its measures and groups, bands, missing-data policy, minimum completeness and
 * caps. Read it from JSON or YAML with {@link dev.kizuna.health.HealthModels#read}, or build it with
 * {@link #builder(ModelId)}. Immutable and thread-safe.
 *
 * <p>Rules: at least one item; ids unique across measures, groups and caps; groups nested at most
 * {@value #MAX_DEPTH} deep; the top-level weights do not all equal 0; weights from 0 to
 * {@value dev.kizuna.health.definition.DefinitionLimits#MAX_WEIGHT} and signal values (normalisers' points, caps'
 * thresholds) within {@code ±}{@value dev.kizuna.health.definition.DefinitionLimits#MAX_MAGNITUDE}.
 *
 * <p><b>Custom signals.</b> {@code signals} holds the domain of every custom signal the scorecard reads
 * ({@link #domainOf}). The record does not require declarations: a custom input that is not declared gets
 * {@link SignalDomain#ANY} (any finite number), so a scorecard built in Java without them is valid, is written with
 * them, and reads back equal. A document, on the other hand, must declare every custom signal it reads (see
 * {@link dev.kizuna.health.definition.DefinitionNode#signal()}). Declaring a well-known signal is an error: its
 * domain is fixed.
 *
 * @param id                  the model's id and version
 * @param bands               the bands
 * @param missingData         the policy for measures whose signal has no value, unless a measure says otherwise
 * @param minimumCompleteness the completeness (share of weight with data, 0 to 1) below which the result is
 *                            "insufficient data"
 * @param measures            the top-level measures and groups
 * @param caps                the caps
 * @param signals             the custom signals and their domains: the declared ones, and {@link SignalDomain#ANY}
 *                            for every other custom input
 */
public record ScorecardDefinition(
        ModelId id,
        BandScheme bands,
        ScorecardMissingInput missingData,
        double minimumCompleteness,
        List<ScorecardItem> measures,
        List<Cap> caps,
        SortedMap<SignalName, SignalDomain> signals) implements ModelDefinition {

    /** The model type of scorecards: {@value}. */
    public static final String TYPE = "scorecard";
    /** The deepest nesting of groups. */
    public static final int MAX_DEPTH = 8;

    /** Validates every part. */
    public ScorecardDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(missingData, "missingData");
        Checks.within(minimumCompleteness, 0, 1, "minimumCompleteness");
        Objects.requireNonNull(measures, "measures");
        Objects.requireNonNull(caps, "caps");
        measures = List.copyOf(measures);
        caps = List.copyOf(caps);
        if (measures.isEmpty()) {
            throw new IllegalArgumentException("measures: a scorecard needs at least one measure");
        }
        if (MeasureGroup.totalWeight(measures) <= 0) {
            throw new IllegalArgumentException("measures: the weights add up to 0; at least one must be positive");
        }
        Set<String> ids = new HashSet<>();
        checkItems(measures, ids, 1);
        for (Cap cap : caps) {
            if (!ids.add(cap.id())) {
                throw new IllegalArgumentException("caps: the id '" + cap.id() + "' is used twice");
            }
        }
        signals = DeclaredSignals.complete(signals, inputs(measures, caps), "signals");
    }

    /** Returns a scorecard of the given parts whose custom signals take any finite number. */
    public ScorecardDefinition(ModelId id, BandScheme bands, ScorecardMissingInput missingData,
                               double minimumCompleteness, List<ScorecardItem> measures, List<Cap> caps) {
        this(id, bands, missingData, minimumCompleteness, measures, caps, Collections.emptySortedMap());
    }

    private static void checkItems(List<ScorecardItem> items, Set<String> ids, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("measures: groups are nested deeper than " + MAX_DEPTH + " levels");
        }
        for (ScorecardItem item : items) {
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("measures: the id '" + item.id() + "' is used twice");
            }
            if (item instanceof MeasureGroup) {
                checkItems(((MeasureGroup) item).items(), ids, depth + 1);
            }
        }
    }

    /** Returns a builder of a scorecard with the standard bands, {@code REDISTRIBUTE} and no minimum completeness. */
    public static Builder builder(ModelId id) {
        return new Builder(id);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SortedSet<SignalName> inputs() {
        return inputs(measures, caps);
    }

    private static SortedSet<SignalName> inputs(List<ScorecardItem> measures, List<Cap> caps) {
        List<Measure> all = new ArrayList<>();
        collect(measures, all);
        SortedSet<SignalName> inputs = new TreeSet<>();
        for (Measure m : all) {
            inputs.add(m.signal());
        }
        for (Cap cap : caps) {
            inputs.add(cap.signal());
        }
        return Collections.unmodifiableSortedSet(inputs);
    }

    /** Returns the signal's own domain when it is well-known, else its domain in {@link #signals()}. */
    @Override
    public SignalDomain domainOf(SignalName signal) {
        return DeclaredSignals.domainOf(signal, signals);
    }

    /** Returns every measure, in groups or not, in document order (depth first). */
    public List<Measure> allMeasures() {
        List<Measure> out = new ArrayList<>();
        collect(measures, out);
        return out;
    }

    private static void collect(List<ScorecardItem> items, List<Measure> out) {
        for (ScorecardItem item : items) {
            if (item instanceof Measure) {
                out.add((Measure) item);
            } else {
                collect(((MeasureGroup) item).items(), out);
            }
        }
    }

    /** Builds a {@link ScorecardDefinition}. Not thread-safe. */
    public static final class Builder {
        private final ModelId id;
        private BandScheme bands = BandScheme.standard();
        private ScorecardMissingInput missingData = ScorecardMissingInput.REDISTRIBUTE;
        private double minimumCompleteness;
        private final List<ScorecardItem> measures = new ArrayList<>();
        private final List<Cap> caps = new ArrayList<>();
        private final SortedMap<SignalName, SignalDomain> signals = new TreeMap<>();

        private Builder(ModelId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Sets the bands (default: the standard scheme). */
        public Builder bands(BandScheme scheme) {
            this.bands = Objects.requireNonNull(scheme, "bands");
            return this;
        }

        /** Sets the missing-data policy (default {@code REDISTRIBUTE}). */
        public Builder missingData(ScorecardMissingInput policy) {
            this.missingData = Objects.requireNonNull(policy, "missingData");
            return this;
        }

        /** Sets the minimum completeness from 0 to 1 (default 0). */
        public Builder minimumCompleteness(double share) {
            this.minimumCompleteness = share;
            return this;
        }

        /** Adds a top-level measure or group. */
        public Builder add(ScorecardItem item) {
            measures.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Adds a cap. */
        public Builder cap(Cap cap) {
            caps.add(Objects.requireNonNull(cap, "cap"));
            return this;
        }

        /**
         * Declares the domain of a custom signal (without a declaration, a custom signal takes any finite number).
         */
        public Builder signal(SignalName signal, SignalDomain domain) {
            signals.put(Objects.requireNonNull(signal, "signal"), Objects.requireNonNull(domain, "domain"));
            return this;
        }

        /** Declares the domains of custom signals, as {@link #signal} does each. */
        public Builder signals(Map<SignalName, SignalDomain> domains) {
            domains.forEach(this::signal);
            return this;
        }

        /** Builds the definition. */
        public ScorecardDefinition build() {
            return new ScorecardDefinition(id, bands, missingData, minimumCompleteness, measures, caps, signals);
        }
    }
}
