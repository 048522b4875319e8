package dev.kizuna.health.override;

import dev.kizuna.core.AccountId;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthScore;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The append-only audit log of overrides, and the rules that apply them.
 *
 * <p>Every change is an {@link OverrideEvent}; nothing is ever removed, so the log answers "who overrode what,
 * when, why, and until when" for any account. Whether an override is in force is always evaluated against an
 * explicit {@code now}: it applies from its creation until it expires or is revoked, whichever comes first, so an
 * expired override stops applying by itself. When several are in force for one account, the latest created wins
 * (then the largest id). Immutable: {@link #set} and {@link #revoke} return a new log. Thread-safe.
 */
public final class OverrideLog {
    private static final OverrideLog EMPTY = new OverrideLog(List.of());

    private final List<OverrideEvent> events;

    private OverrideLog(List<OverrideEvent> events) {
        this.events = List.copyOf(events);
    }

    /** Returns the empty log. */
    public static OverrideLog empty() {
        return EMPTY;
    }

    /** Returns every event, in the order recorded. */
    public List<OverrideEvent> events() {
        return events;
    }

    /**
     * Returns this log with {@code override} set.
     *
     * @throws IllegalArgumentException if an override with the same id was set before
     */
    public OverrideLog set(ScoreOverride override) {
        Objects.requireNonNull(override, "override");
        if (find(override.id()).isPresent()) {
            throw new IllegalArgumentException("override.id: '" + override.id() + "' is already in the log");
        }
        List<OverrideEvent> next = new ArrayList<>(events);
        next.add(new OverrideEvent(OverrideEvent.Kind.SET, override, override.author(), override.reason(),
                override.createdAt()));
        return new OverrideLog(next);
    }

    /**
     * Returns this log with override {@code id} revoked at {@code at}.
     *
     * @throws IllegalArgumentException if there is no such override, it was already revoked, or {@code at} is before
     *                                  its creation
     */
    public OverrideLog revoke(String id, String author, String reason, Instant at) {
        ScoreOverride override = find(id).orElseThrow(
                () -> new IllegalArgumentException("override.id: '" + id + "' is not in the log"));
        if (revokedAt(id).isPresent()) {
            throw new IllegalArgumentException("override.id: '" + id + "' is already revoked");
        }
        if (at.isBefore(override.createdAt())) {
            throw new IllegalArgumentException("revoke.at: " + at + " is before the override's creation "
                    + override.createdAt());
        }
        List<OverrideEvent> next = new ArrayList<>(events);
        next.add(new OverrideEvent(OverrideEvent.Kind.REVOKED, override, author, reason, at));
        return new OverrideLog(next);
    }

    /** Returns the events about {@code account}, in the order recorded. */
    public List<OverrideEvent> history(AccountId account) {
        List<OverrideEvent> out = new ArrayList<>();
        for (OverrideEvent e : events) {
            if (e.override().account().equals(account)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Returns the override in force for {@code account} at {@code now}, if any. */
    public Optional<ScoreOverride> inForce(AccountId account, Instant now) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(now, "now");
        @Nullable ScoreOverride best = null;
        for (OverrideEvent e : events) {
            ScoreOverride o = e.override();
            if (e.kind() != OverrideEvent.Kind.SET || !o.account().equals(account) || !o.isInForceAt(now)) {
                continue;
            }
            Optional<Instant> revoked = revokedAt(o.id());
            if (revoked.isPresent() && !now.isBefore(revoked.get())) {
                continue;
            }
            if (best == null || o.createdAt().isAfter(best.createdAt())
                    || (o.createdAt().equals(best.createdAt()) && o.id().compareTo(best.id()) > 0)) {
                best = o;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Returns the health to act on for {@code score} at {@code now}: the override in force, if any, beside the
     * original score.
     *
     * @param bands the bands of the model that computed the score, to band a value override and to find a band
     *              override's band
     * @throws IllegalArgumentException if a band override names a band the scheme does not have
     */
    public EffectiveScore apply(HealthScore score, BandScheme bands, Instant now) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(bands, "bands");
        Optional<ScoreOverride> override = inForce(score.account(), now);
        if (override.isEmpty()) {
            return EffectiveScore.of(score);
        }
        ScoreOverride o = override.get();
        if (o.value().isPresent()) {
            double value = o.value().getAsDouble();
            return new EffectiveScore(score, override, OptionalDouble.of(value), Optional.of(bands.bandOf(value)));
        }
        String name = o.band().orElseThrow();
        HealthBand band = bands.band(name).orElseThrow(() -> new IllegalArgumentException("override " + o.id()
                + ".band: '" + name + "' is not one of the bands " + bands));
        return new EffectiveScore(score, override, score.value(), Optional.of(band));
    }

    private Optional<ScoreOverride> find(String id) {
        for (OverrideEvent e : events) {
            if (e.kind() == OverrideEvent.Kind.SET && e.override().id().equals(id)) {
                return Optional.of(e.override());
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> revokedAt(String id) {
        for (OverrideEvent e : events) {
            if (e.kind() == OverrideEvent.Kind.REVOKED && e.override().id().equals(id)) {
                return Optional.of(e.at());
            }
        }
        return Optional.empty();
    }
}
