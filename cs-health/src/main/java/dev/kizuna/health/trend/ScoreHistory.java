package dev.kizuna.health.trend;

import dev.kizuna.core.AccountId;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthScore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The health scores of one account over time, oldest first, and the trends derived from them.
 *
 * <p>Rules: every score is of {@code account}, and scores are in strictly increasing {@code computedAt}.
 * Insufficient-data results take part in band transitions (as "no band") but not in changes and slopes, which use
 * values only. Immutable and thread-safe.
 *
 * @param account the account
 * @param scores  the scores, oldest first
 */
public record ScoreHistory(AccountId account, List<HealthScore> scores) {
    private static final double SECONDS_PER_DAY = 86_400.0;

    /** Validates the order and copies the scores. */
    public ScoreHistory {
        Objects.requireNonNull(account, "account");
        scores = List.copyOf(scores);
        for (int i = 0; i < scores.size(); i++) {
            HealthScore s = scores.get(i);
            if (!s.account().equals(account)) {
                throw new IllegalArgumentException("scores[" + i + "].account: " + s.account()
                        + " is not the history's account " + account);
            }
            if (i > 0 && !s.computedAt().isAfter(scores.get(i - 1).computedAt())) {
                throw new IllegalArgumentException("scores[" + i + "].computedAt: " + s.computedAt()
                        + " is out of order: it must be after " + scores.get(i - 1).computedAt());
            }
        }
    }

    /** Returns the history of the given scores, oldest first. */
    public static ScoreHistory of(AccountId account, List<HealthScore> scores) {
        return new ScoreHistory(account, scores);
    }

    /** Returns this history with {@code score} appended; it must be later than the latest. */
    public ScoreHistory append(HealthScore score) {
        List<HealthScore> next = new ArrayList<>(scores);
        next.add(Objects.requireNonNull(score, "score"));
        return new ScoreHistory(account, next);
    }

    /** Returns the latest score, if any. */
    public Optional<HealthScore> latest() {
        return scores.isEmpty() ? Optional.empty() : Optional.of(scores.get(scores.size() - 1));
    }

    /**
     * Returns the change of the latest score since the previous one, in points: empty unless both of the last two
     * scores have values.
     */
    public OptionalDouble change() {
        if (scores.size() < 2) {
            return OptionalDouble.empty();
        }
        HealthScore last = scores.get(scores.size() - 1);
        HealthScore previous = scores.get(scores.size() - 2);
        if (!last.isScored() || !previous.isScored()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.round((last.value().getAsDouble() - previous.value().getAsDouble()) * 100)
                / 100.0);
    }

    /**
     * Returns the least-squares slope of the values against time, in points per day, over the scores computed in
     * {@code (now - window, now]}: {@code Σ (t - t̄)(v - v̄) / Σ (t - t̄)²}. Empty with fewer than two valued scores
     * in the window.
     *
     * @throws IllegalArgumentException if the window is not positive
     */
    public OptionalDouble slope(Duration window, Instant now) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window: " + window + " must be positive");
        }
        Instant start = now.minus(window);
        List<double[]> points = new ArrayList<>();
        for (HealthScore s : scores) {
            if (s.isScored() && s.computedAt().isAfter(start) && !s.computedAt().isAfter(now)) {
                double days = Duration.between(start, s.computedAt()).toMillis() / 1000.0 / SECONDS_PER_DAY;
                points.add(new double[] {days, s.value().getAsDouble()});
            }
        }
        if (points.size() < 2) {
            return OptionalDouble.empty();
        }
        double meanT = 0;
        double meanV = 0;
        for (double[] p : points) {
            meanT += p[0];
            meanV += p[1];
        }
        meanT /= points.size();
        meanV /= points.size();
        double num = 0;
        double den = 0;
        for (double[] p : points) {
            num += (p[0] - meanT) * (p[1] - meanV);
            den += (p[0] - meanT) * (p[0] - meanT);
        }
        return den == 0 ? OptionalDouble.empty() : OptionalDouble.of(num / den);
    }

    /** Returns every change of band between consecutive scores, oldest first. */
    public List<BandTransition> transitions() {
        List<BandTransition> out = new ArrayList<>();
        for (int i = 1; i < scores.size(); i++) {
            Optional<HealthBand> from = scores.get(i - 1).band();
            Optional<HealthBand> to = scores.get(i).band();
            String fromName = from.map(HealthBand::name).orElse("");
            String toName = to.map(HealthBand::name).orElse("");
            if (!fromName.equals(toName)) {
                out.add(new BandTransition(scores.get(i).computedAt(), from, to));
            }
        }
        return out;
    }

    /** Returns when the account last entered the band of the given name, if it ever did after its first score. */
    public Optional<Instant> lastEntered(String band) {
        List<BandTransition> transitions = transitions();
        for (int i = transitions.size() - 1; i >= 0; i--) {
            if (transitions.get(i).entered(band)) {
                return Optional.of(transitions.get(i).at());
            }
        }
        return Optional.empty();
    }

    /** Returns the staleness of the latest score's inputs at {@code now}, if there is a score. */
    public Optional<Staleness> staleness(Duration limit, Instant now) {
        return latest().map(s -> Staleness.of(s, limit, now));
    }
}
