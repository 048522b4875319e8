package dev.kizuna.health;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.internal.Checks;
import dev.kizuna.health.internal.Numbers;

import java.util.Objects;
import java.util.Optional;

/**
 * How far one input would have to move, all others held fixed, to lift the account into the next band; or why no
 * change of that input alone can.
 *
 * <p>The target is the smallest change in the improving direction (the raw value is found through the model's
 * inverse, for a scorecard measure its normaliser's), on the hundredths grid the score is rounded to. Immutable and
 * thread-safe.
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
    }

    /** Validates that exactly one of target and obstacle is given. */
    public BandLever {
        Checks.key(input, "lever.input");
        Checks.text(label, "lever.label");
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
