package dev.kizuna.playbooks;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.definition.DeclaredSignals;
import dev.kizuna.playbooks.control.ControlGroup;
import dev.kizuna.core.internal.Checks;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A repeatable response to a situation: an id, a purpose from the archetypes of customer-success practice, and its
 * rules. Immutable and thread-safe; build one with {@link #builder(String, Archetype)}.
 *
 * <p>The {@link Mode} says how the rules relate: in an {@linkplain Mode#INCLUSIVE inclusive} playbook every rule that
 * matches fires; in an {@linkplain Mode#EXCLUSIVE exclusive} one the first match in rule order wins (a match in
 * cooldown still wins, so a lower rule is not a fallback while a higher one rests); a {@linkplain Mode#SEQUENCE
 * sequence} is ordered steps with delays.
 *
 * <p>A playbook can hold out a share of the accounts it matches as a {@link ControlGroup}: for those, a firing is
 * recorded as held out and no action is recommended, so the playbook's effect can be measured.
 *
 * @param id          the playbook's id, unique within a rule set
 * @param purpose     its archetype
 * @param description what it is for, if said
 * @param mode        how its rules relate
 * @param rules       its rules (for a sequence: its steps, in order), 1 to {@value #MAX_RULES}, ids unique
 * <p>{@code signals} holds the domain of every custom signal the playbook's conditions read ({@link #domainOf}): a
 * playbook document must declare them (see {@link dev.kizuna.playbooks.definition.PlaybookDefinitions}), while one
 * built in Java need not, its undeclared custom signals taking any finite number ({@link SignalDomain#ANY}).
 * Declaring a well-known signal is an error.
 *
 * @param control     the control group; {@link ControlGroup#none()} holds out nobody
 * @param signals     the custom signals and their domains: the declared ones, and {@link SignalDomain#ANY} for every
 *                    other custom signal read
 */
public record Playbook(
        String id,
        Archetype purpose,
        Optional<String> description,
        Mode mode,
        List<Rule> rules,
        ControlGroup control,
        SortedMap<SignalName, SignalDomain> signals) {

    /** The most rules one playbook may have. */
    public static final int MAX_RULES = 500;

    /** The archetypes of playbooks that customer-success teams run. */
    public enum Archetype {
        /** Education and self-service: the right content at the moment the customer needs it. */
        EDUCATION,
        /** Onboarding and adoption nudges: usage below a threshold, onboarding milestones overdue. */
        ONBOARDING,
        /** Risk and red accounts: health turns red, usage drops, an escalation opens. */
        RISK,
        /** Renewal: 90, 60 and 30 days before renewal; executive business reviews for key accounts. */
        RENEWAL,
        /** Expansion, push: which customer, when and what to offer; CSQLs handed to sales. */
        EXPANSION,
        /** Expansion, pull: promoters and healthy customers grown into champions and advocates. */
        ADVOCACY,
        /** Voice of the customer: a detractor's answer followed up within days. */
        VOICE_OF_CUSTOMER
    }

    /** How the rules of a playbook relate. */
    public enum Mode {
        /** Every matching rule fires. */
        INCLUSIVE,
        /** The first matching rule, in rule order, wins; the others are shadowed. */
        EXCLUSIVE,
        /**
         * Ordered steps: the first step fires on its trigger; each later step fires once its delay has passed since
         * the previous step fired, if its own trigger holds then, and once per firing of the previous step.
         */
        SEQUENCE
    }

    /** Validates every part: unique rule ids, and delays only on the later steps of a sequence. */
    public Playbook {
        Checks.id(id, "playbook.id");
        Objects.requireNonNull(purpose, "playbook " + id + ".purpose");
        Objects.requireNonNull(description, "playbook " + id + ".description");
        description.ifPresent(d -> Checks.nonBlank(d, "playbook " + id + ".description"));
        Objects.requireNonNull(mode, "playbook " + id + ".mode");
        Objects.requireNonNull(rules, "playbook " + id + ".rules");
        Objects.requireNonNull(control, "playbook " + id + ".control");
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("playbook " + id + ".rules: " + rules.size()
                    + " rules; a playbook needs 1 to " + MAX_RULES);
        }
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("playbook " + id + ".rules[" + i + "].id: '" + r.id()
                        + "' is a duplicate");
            }
            if (!r.delay().isZero() && (mode != Mode.SEQUENCE || i == 0)) {
                throw new IllegalArgumentException("playbook " + id + ".rules[" + i + "].delay: " + r.delay()
                        + " is only allowed on the second and later steps of a SEQUENCE playbook");
            }
        }
        signals = DeclaredSignals.complete(signals, signalsRead(rules), "playbook " + id + ".signals");
    }

    /** Returns the playbook of the given parts, whose custom signals take any finite number. */
    public Playbook(String id, Archetype purpose, Optional<String> description, Mode mode, List<Rule> rules,
                    ControlGroup control) {
        this(id, purpose, description, mode, rules, control, Collections.emptySortedMap());
    }

    /** Returns the signal's own domain when it is well-known, else its domain in {@link #signals()}. */
    public SignalDomain domainOf(SignalName signal) {
        return DeclaredSignals.domainOf(signal, signals);
    }

    /** Returns every signal the rules' conditions read, sorted. */
    private static SortedSet<SignalName> signalsRead(List<Rule> rules) {
        SortedSet<SignalName> out = new TreeSet<>();
        for (Rule r : rules) {
            collect(r.trigger().condition(), out);
        }
        return out;
    }

    private static void collect(Condition condition, SortedSet<SignalName> out) {
        if (condition instanceof Condition.Test test) {
            test.fact().signal().ifPresent(out::add);
        } else if (condition instanceof Condition.All all) {
            all.parts().forEach(p -> collect(p, out));
        } else if (condition instanceof Condition.Any any) {
            any.parts().forEach(p -> collect(p, out));
        } else if (condition instanceof Condition.Not not) {
            collect(not.part(), out);
        }
    }

    /** Returns a builder of an inclusive playbook without control group. */
    public static Builder builder(String id, Archetype purpose) {
        return new Builder(id, purpose);
    }

    /** Returns the rule of the given id, if there is one. */
    public Optional<Rule> rule(String ruleId) {
        for (Rule r : rules) {
            if (r.id().equals(ruleId)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Builds a {@link Playbook}. Not thread-safe; the playbook it builds is. */
    public static final class Builder {
        private final String id;
        private final Archetype purpose;
        private @Nullable String description;
        private Mode mode = Mode.INCLUSIVE;
        private final List<Rule> rules = new ArrayList<>();
        private ControlGroup control = ControlGroup.none();
        private final SortedMap<SignalName, SignalDomain> signals = new TreeMap<>();

        private Builder(String id, Archetype purpose) {
            this.id = Objects.requireNonNull(id, "playbook.id");
            this.purpose = Objects.requireNonNull(purpose, "playbook.purpose");
        }

        /** Sets what the playbook is for. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Sets the mode. Default {@link Mode#INCLUSIVE}. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Adds a rule (for a sequence: the next step). */
        public Builder rule(Rule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Sets the control group. Default {@link ControlGroup#none()}. */
        public Builder control(ControlGroup control) {
            this.control = Objects.requireNonNull(control, "control");
            return this;
        }

        /** Declares the domain of a custom signal (without a declaration, it takes any finite number). */
        public Builder signal(SignalName signal, SignalDomain domain) {
            signals.put(Objects.requireNonNull(signal, "signal"), Objects.requireNonNull(domain, "domain"));
            return this;
        }

        /** Builds the playbook. */
        public Playbook build() {
            return new Playbook(id, purpose, Optional.ofNullable(description), mode, rules, control, signals);
        }
    }
}
