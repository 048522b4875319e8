package dev.kizuna.health;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardModel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;

/**
 * A plug-in model whose definition declares the domain of custom signals, for the tests of the domain rule: it scores
 * through a scorecard. Made {@link #of compliant}, it checks its inputs' domains and gives no levers; the other
 * factories make the two ways a plug-in can break the rule: one that scores whatever it is given, and one that checks
 * but proposes levers outside a declared domain (as "raise dependents, a 0/1 flag, to 5.87").
 */
public final class DeclaredDomainModel implements HealthModel {

    /**
     * A scorecard's definition with declared domains.
     *
     * @param card     the scorecard
     * @param declared the declared domains of custom signals
     */
    public record Definition(ScorecardDefinition card, Map<SignalName, SignalDomain> declared)
            implements ModelDefinition {

        /** Copies the declarations. */
        public Definition {
            Objects.requireNonNull(card, "card");
            declared = Map.copyOf(declared);
        }

        @Override
        public String type() {
            return "declared-domain";
        }

        @Override
        public ModelId id() {
            return card.id();
        }

        @Override
        public BandScheme bands() {
            return card.bands();
        }

        @Override
        public SortedSet<SignalName> inputs() {
            return card.inputs();
        }

        @Override
        public SignalDomain domainOf(SignalName signal) {
            return declared.getOrDefault(signal, signal.domain());
        }
    }

    private final Definition definition;
    private final ScorecardModel card;
    private final InputDomains domains;
    private final boolean checks;
    private final boolean levers;

    private DeclaredDomainModel(Definition definition, boolean checks, boolean levers) {
        this.definition = definition;
        this.card = ScorecardModel.of(definition.card());
        this.domains = InputDomains.of(definition);
        this.checks = checks;
        this.levers = levers;
    }

    /** Returns a model that keeps the rule: it rejects values outside the declared domains, and has no levers. */
    public static DeclaredDomainModel of(ScorecardDefinition card, Map<SignalName, SignalDomain> declared) {
        return new DeclaredDomainModel(new Definition(card, declared), true, false);
    }

    /** Returns a model that breaks the rule: it scores values outside the declared domains. */
    public static DeclaredDomainModel unchecked(ScorecardDefinition card, Map<SignalName, SignalDomain> declared) {
        return new DeclaredDomainModel(new Definition(card, declared), false, false);
    }

    /** Returns a model that checks its inputs but gives the scorecard's levers, blind to the declared domains. */
    public static DeclaredDomainModel blindLevers(ScorecardDefinition card, Map<SignalName, SignalDomain> declared) {
        return new DeclaredDomainModel(new Definition(card, declared), true, true);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    @Override
    public HealthScore score(SignalSnapshot snapshot, Instant computedAt) {
        if (checks) {
            domains.check(snapshot);
        }
        return card.score(snapshot, computedAt);
    }

    @Override
    public Explanation explain(SignalSnapshot snapshot, Instant computedAt) {
        if (levers) {
            domains.check(snapshot);
            return card.explain(snapshot, computedAt);
        }
        return Explanation.of(score(snapshot, computedAt), List.of());
    }
}
