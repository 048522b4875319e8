package dev.kizuna.health;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.internal.Numbers;

import java.util.Objects;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * How far one input would have to move, all others held fixed, to lift the account into the next band; or why no
 * change of that input alone can.
 *
 * <p>The target is the smallest change in the improving direction (the raw value is found through the model's
 * inverse, for a scorecard measure its normaliser's), on the hundredths grid the score is rounded to.
 *
 * <p><b>Inside the signal's domain.</b> A target is always a value the signal can take: its
 * {@link Target#nearest() nearest} value lies in the input's domain ({@link ModelDefinition#domainOf}, narrowed by
 * the snapshot's rules between signals, {@link InputDomains#leverDomain}). For whole numbers the bound is rounded in
 * the improving direction ("at least 3.2 open tickets" becomes "at most 3" when fewer is better, a flag goes to 0 or
 * 1); a bound beyond the domain is clamped to its edge. The model then checks that the moved value still reaches the
 * band, and when no value inside the domain does, the lever has no target and says so, such as
 * {@code no value of commercial.mrr from 0 up reaches yellow} ({@link #within}). Immutable and thread-safe.
 *
 * @param input    the input's id in the model
 * @param label    the input's readable name
 * @param signal   the signal the input reads
 * @param current  the signal's current value
 * @param band     the band to reach: the one just above the current band
 * @param target   the value to move the signal to, or empty if no value of this input alone reaches the band
 * @param obstacle why the band cannot be reached through this input, when {@code target} is empty
 */
public record BandLever(
        String input,
        String label,
        SignalName signal,
        double current,
        HealthBand band,
        Optional<Target> target,
        Optional<String> obstacle) {

    /** How a target bounds the signal's new value. */
    public enum Relation {
        /** The value must be at least {@code value}. */
        AT_LEAST("at least"),
        /** The value must be above {@code value}. */
        ABOVE("above"),
        /** The value must be at most {@code value}. */
        AT_MOST("at most"),
        /** The value must be below {@code value}. */
        BELOW("below");

        private final String words;

        Relation(String words) {
            this.words = words;
        }

        /** Returns the relation in words, such as {@code at least}. */
        public String words() {
            return words;
        }
    }

    /**
     * The value a signal must move to.
     *
     * @param value    the bound
     * @param relation how the new value relates to the bound
     */
    public record Target(double value, Relation relation) {

        /** Validates the parts. */
        public Target {
            Checks.finite(value, "target.value");
            Objects.requireNonNull(relation, "target.relation");
        }

        /** Returns whether the target lies above the values it replaces: {@code AT_LEAST} or {@code ABOVE}. */
        public boolean isUpward() {
            return relation == Relation.AT_LEAST || relation == Relation.ABOVE;
        }

        /**
         * Returns the value nearest the bound that meets the relation: the bound itself for {@code AT_LEAST} and
         * {@code AT_MOST}, the next double above it for {@code ABOVE}, below it for {@code BELOW}. It is the value a
         * lever proposes to move the signal to.
         */
        public double nearest() {
            switch (relation) {
                case ABOVE:
                    return Math.nextUp(value);
                case BELOW:
                    return Math.nextDown(value);
                default:
                    return value;
            }
        }

        /**
         * Returns this target moved into {@code domain}: itself when its {@link #nearest()} value lies inside;
         * otherwise, for a whole-number domain, that value rounded in the target's direction ({@code at least 3.2}
         * becomes {@code at least 4}, {@code below 3} becomes {@code at most 2}), then clamped to the domain's
         * bounds, as {@code AT_LEAST} (upward) or {@code AT_MOST}. A clamped target no longer meets this one's bound:
         * the model re-scores to see whether it still reaches the band ({@link BandLever#within}).
         */
        public Target within(SignalDomain domain) {
            Objects.requireNonNull(domain, "domain");
            double near = nearest();
            if (domain.contains(near)) {
                return this;
            }
            boolean up = isUpward();
            boolean whole = domain.whole();
            double moved = whole ? (up ? Math.ceil(near) : Math.floor(near)) : near;
            double low = whole ? Math.ceil(domain.min()) : domain.min();
            double high = whole ? Math.floor(domain.max()) : domain.max();
            moved = Math.max(low, Math.min(high, moved)) + 0.0;
            return new Target(moved, up ? Relation.AT_LEAST : Relation.AT_MOST);
        }
    }

    /** Validates that exactly one of target and obstacle is given. */
    public BandLever {
        Checks.key(input, "lever.input");
        Checks.label(label, "lever.label");
        Objects.requireNonNull(signal, "lever.signal");
        Checks.finite(current, "lever.current");
        Objects.requireNonNull(band, "lever.band");
        Objects.requireNonNull(target, "lever.target");
        Objects.requireNonNull(obstacle, "lever.obstacle");
        if (target.isPresent() == obstacle.isPresent()) {
            throw new IllegalArgumentException("lever " + input + ": exactly one of target and obstacle must be given");
        }
    }

    /** Returns a lever that reaches {@code band} by moving the signal to {@code target}. */
    public static BandLever reaching(String input, String label, SignalName signal, double current, HealthBand band,
                                     Target target) {
        return new BandLever(input, label, signal, current, band, Optional.of(target), Optional.empty());
    }

    /** Returns a lever that reaches {@code band} by moving the signal to {@code target}. */
    public static BandLever reaching(String input, String label, SignalName signal, double current, HealthBand band,
                                     Optional<Target> target) {
        if (target.isEmpty()) {
            throw new IllegalArgumentException("lever " + input + ": a reachable lever needs a target");
        }
        return new BandLever(input, label, signal, current, band, target, Optional.empty());
    }

    /** Returns a lever that cannot reach {@code band}, and why. */
    public static BandLever blocked(String input, String label, SignalName signal, double current, HealthBand band,
                                    String obstacle) {
        return new BandLever(input, label, signal, current, band, Optional.empty(), Optional.of(obstacle));
    }

    /**
     * Returns the lever that moves the signal to {@code target} {@linkplain Target#within moved into}
     * {@code domain}, if {@code reaches} confirms that the moved value ({@link Target#nearest()}) reaches the band,
     * the other signals held fixed. Otherwise the lever has no target, and its obstacle says what was found: when
     * the score moves monotonically with the signal, so that the moved value is the best the domain has, that no
     * value of the domain reaches the band ({@link #noValueReaches}); when it need not (a scorecard with two
     * measures on the signal, pulling opposite ways), only that the moved value does not
     * ({@link #nearestDoesNotReach}).
     *
     * @param target    the target found without regard to the domain, reaching the band
     * @param domain    the values the signal can take ({@link InputDomains#leverDomain})
     * @param monotone  whether the score only rises, or only falls, as the signal moves, the others held fixed
     * @param reaches   whether the signal at a value, the others held fixed, scores in {@code band} or above
     */
    public static BandLever within(String input, String label, SignalName signal, double current, HealthBand band,
                                   Target target, SignalDomain domain, boolean monotone, DoublePredicate reaches) {
        Target moved = target.within(domain);
        double value = moved.nearest();
        if (moved == target || reaches.test(value)) {
            return reaching(input, label, signal, current, band, moved);
        }
        return blocked(input, label, signal, current, band, monotone ? noValueReaches(signal, domain, band)
                : nearestDoesNotReach(signal, domain, value, band));
    }

    /**
     * Returns the obstacle of a lever whose target, moved into the domain, no longer reaches the band, when other
     * values of the domain might: {@code adoption.feature_breadth at 1, the nearest value its domain (a number from
     * 0 to 1) allows, does not reach yellow}.
     */
    public static String nearestDoesNotReach(SignalName signal, SignalDomain domain, double value, HealthBand band) {
        StringBuilder out = new StringBuilder(100).append(signal.value()).append(" at ");
        return Numbers.appendRaw(out, value).append(", the nearest value its domain (").append(domain.describe())
                .append(") allows, does not reach ").append(band.name()).toString();
    }

    /**
     * Returns the obstacle of a lever whose band no value of the domain reaches, such as
     * {@code no value of commercial.mrr from 0 up reaches yellow},
     * {@code no whole number of support.open_tickets from 2 up reaches green} or
     * {@code no value of custom.dependents (0 or 1) reaches green}.
     */
    public static String noValueReaches(SignalName signal, SignalDomain domain, HealthBand band) {
        StringBuilder out = new StringBuilder(80);
        if (domain.min() == domain.max()) {
            out.append(signal.value()).append(" can only be ");
            Numbers.appendRaw(out, domain.min());
            return out.append(", which does not reach ").append(band.name()).toString();
        }
        if (domain.whole() && domain.min() == 0 && domain.max() == 1) {
            return out.append("no value of ").append(signal.value()).append(" (0 or 1) reaches ").append(band.name())
                    .toString();
        }
        out.append(domain.whole() ? "no whole number of " : "no value of ").append(signal.value());
        if (domain.hasMin()) {
            Numbers.appendRaw(out.append(" from "), domain.min());
            if (domain.hasMax()) {
                Numbers.appendRaw(out.append(" to "), domain.max());
            } else {
                out.append(" up");
            }
        } else if (domain.hasMax()) {
            Numbers.appendRaw(out.append(" up to "), domain.max());
        }
        return out.append(" reaches ").append(band.name()).toString();
    }

    /**
     * Returns the band a lever of {@code score} aims at: the band of {@code bands} just above the score's. Empty when
     * the score is not {@linkplain HealthScore#isScored() scored} or is already in the best band: then a model's
     * {@code explain} gives no levers.
     */
    public static Optional<HealthBand> nextBand(HealthScore score, BandScheme bands) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(bands, "bands");
        if (!score.isScored()) {
            return Optional.empty();
        }
        return bands.above(score.band().orElseThrow());
    }

    /** Returns whether this input alone can lift the account into the band. */
    public boolean isReachable() {
        return target.isPresent();
    }

    /** Returns the signed change from the current value to the target's bound, or 0 when unreachable. */
    public double change() {
        return target.map(t -> t.value() - current).orElse(0.0);
    }

    /**
     * Returns the lever in words, such as {@code raise NPS from 12 to at least 31.5 to reach yellow} or
     * {@code NPS cannot reach green: capped at 40 by open escalation}.
     */
    public String describe() {
        StringBuilder out = new StringBuilder(80);
        if (target.isEmpty()) {
            return out.append(label).append(" cannot reach ").append(band.name()).append(": ")
                    .append(obstacle.orElseThrow()).toString();
        }
        Target t = target.get();
        out.append(t.value() >= current ? "raise " : "lower ").append(label).append(" from ");
        Numbers.appendRaw(out, current).append(" to ").append(t.relation().words()).append(' ');
        Numbers.appendRaw(out, t.value()).append(" to reach ").append(band.name());
        return out.toString();
    }
}
