package dev.kizuna.health.scorecard;

import dev.kizuna.health.BandLever.Relation;
import dev.kizuna.health.BandLever.Target;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.health.scorecard.LogScale;
import dev.kizuna.core.internal.Numbers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a measure's raw signal value to a sub-score from 0 to 100.
 *
 * <p>Every normaliser is <em>monotone</em> (non-decreasing or non-increasing over the whole line) and total (any
 * finite raw value has a score), so that it can be inverted: {@link #atLeast} answers "which raw values score at
 * least {@code t}?", which the explanations use to find the smallest change that reaches the next band. Every raw
 * value a normaliser names (a point, a bound, a step) is finite and within
 * {@code ±}{@value dev.kizuna.health.definition.DefinitionLimits#MAX_MAGNITUDE}, so that no difference of two of them
 * overflows. Immutable and thread-safe.
 */
public sealed interface Normaliser
        permits Normaliser.Linear, Normaliser.Inverted, Normaliser.Steps, Normaliser.Logarithmic,
        Normaliser.PiecewiseLinear {

    /** Returns the sub-score of {@code raw}, from 0 to 100. */
    double score(double raw);

    /** Returns +1 if the score never decreases as the raw value grows, -1 if it never increases, 0 if constant. */
    int direction();

    /**
     * Returns the bound of the raw values whose score is at least {@code subscore}, closest to {@code current}:
     * {@code current} itself (as {@code AT_LEAST}) when it already scores that much; empty when no raw value does.
     */
    Optional<Target> atLeast(double subscore, double current);

    /**
     * Returns the bound of the raw values whose score is at most {@code subscore}, closest to {@code current}; the
     * mirror of {@link #atLeast}, used by {@link Inverted}.
     */
    Optional<Target> atMost(double subscore, double current);

    /** Returns the normaliser as a short formula, for messages. */
    String describe();

    /** Returns the linear normaliser from {@code from} (score 0) to {@code to} (score 100). */
    static Linear linear(double from, double to) {
        return new Linear(from, to);
    }

    /** Returns 100 minus the score of {@code of}. */
    static Inverted inverted(Normaliser of) {
        return new Inverted(of);
    }

    /**
     * A straight line through {@code (from, 0)} and {@code (to, 100)}, clamped to {@code [0, 100]} outside. With
     * {@code from > to} the line falls: more is worse (open tickets from 0 to 10 is {@code linear(10, 0)}).
     *
     * @param from the raw value that scores 0
     * @param to   the raw value that scores 100; not equal to {@code from}
     */
    record Linear(double from, double to) implements Normaliser {

        /** Validates the bounds. */
        public Linear {
            Magnitudes.check(from, "linear.from");
            Magnitudes.check(to, "linear.to");
            if (from == to) {
                throw new IllegalArgumentException("linear.to: " + Numbers.plain(to) + " must differ from from");
            }
        }

        @Override
        public double score(double raw) {
            double s = (raw - from) / (to - from) * 100.0;
            return s <= 0 ? 0 : (s >= 100 ? 100 : s);
        }

        @Override
        public int direction() {
            return to > from ? 1 : -1;
        }

        @Override
        public Optional<Target> atLeast(double subscore, double current) {
            if (score(current) >= subscore) {
                return Optional.of(new Target(current, Relation.AT_LEAST));
            }
            if (subscore > 100) {
                return Optional.empty();
            }
            double bound = from + subscore / 100.0 * (to - from);
            return Optional.of(new Target(bound, to > from ? Relation.AT_LEAST : Relation.AT_MOST));
        }

        @Override
        public Optional<Target> atMost(double subscore, double current) {
            if (score(current) <= subscore) {
                return Optional.of(new Target(current, Relation.AT_MOST));
            }
            if (subscore < 0) {
                return Optional.empty();
            }
            double bound = from + subscore / 100.0 * (to - from);
            return Optional.of(new Target(bound, to > from ? Relation.AT_MOST : Relation.AT_LEAST));
        }

        @Override
        public String describe() {
            return "linear " + Numbers.plain(from) + " -> 0, " + Numbers.plain(to) + " -> 100";
        }
    }

    /**
     * {@code 100 - of.score(raw)}: turns a "more is better" normaliser into "more is worse".
     *
     * @param of the normaliser inverted
     */
    record Inverted(Normaliser of) implements Normaliser {

        /** Validates the part. */
        public Inverted {
            Objects.requireNonNull(of, "inverted.of");
        }

        @Override
        public double score(double raw) {
            return 100.0 - of.score(raw);
        }

        @Override
        public int direction() {
            return -of.direction();
        }

        @Override
        public Optional<Target> atLeast(double subscore, double current) {
            return of.atMost(100.0 - subscore, current);
        }

        @Override
        public Optional<Target> atMost(double subscore, double current) {
            return of.atLeast(100.0 - subscore, current);
        }

        @Override
        public String describe() {
            return "inverted (" + of.describe() + ")";
        }
    }

    /**
     * One step of a {@link Steps} normaliser: raw values from {@code from} (inclusive) up to the next step score
     * {@code score}.
     *
     * @param from  the step's lowest raw value
     * @param score the score of the step, from 0 to 100
     */
    record Step(double from, double score) {

        /** Validates the parts. */
        public Step {
            Magnitudes.check(from, "step.from");
            Checks.within(score, 0, 100, "step.score");
        }
    }

    /**
     * Thresholds: a raw value scores the {@code score} of the last step whose {@code from} it reaches, or
     * {@code below} if it reaches none. Open tickets "0 is 100, 1 or 2 is 60, 3 or more is 20" is
     * {@code below 100, steps [from 1: 60, from 3: 20]}. The steps' {@code from} values strictly increase, and the
     * scores ({@code below} first) are monotone.
     *
     * @param below the score below the first step
     * @param steps the steps, by increasing {@code from}; at least one
     */
    record Steps(double below, List<Step> steps) implements Normaliser {

        /** Validates the order and the monotonicity. */
        public Steps {
            Checks.within(below, 0, 100, "steps.below");
            Objects.requireNonNull(steps, "steps.steps");
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("steps.steps: there must be at least one step");
            }
            int direction = 0;
            double previousScore = below;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (i > 0 && !(step.from() > steps.get(i - 1).from())) {
                    throw new IllegalArgumentException("steps.steps[" + i + "].from: " + Numbers.plain(step.from())
                            + " must be above the previous step's " + Numbers.plain(steps.get(i - 1).from()));
                }
                int d = Double.compare(step.score(), previousScore);
                if (d != 0) {
                    if (direction != 0 && d != direction) {
                        throw new IllegalArgumentException("steps.steps[" + i + "].score: "
                                + Numbers.plain(step.score()) + " breaks monotonicity: the scores must only rise or"
                                + " only fall");
                    }
                    direction = d;
                }
                previousScore = step.score();
            }
        }

        @Override
        public double score(double raw) {
            double s = below;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (raw >= step.from()) {
                    s = step.score();
                } else {
                    break;
                }
            }
            return s;
        }

        @Override
        public int direction() {
            double last = steps.get(steps.size() - 1).score();
            return Double.compare(last, below);
        }

        @Override
        public Optional<Target> atLeast(double subscore, double current) {
            if (score(current) >= subscore) {
                return Optional.of(new Target(current, Relation.AT_LEAST));
            }
            if (direction() > 0) {
                for (Step step : steps) {
                    if (step.score() >= subscore) {
                        return Optional.of(new Target(step.from(), Relation.AT_LEAST));
                    }
                }
                return Optional.empty();
            }
            if (below < subscore) {
                return Optional.empty();
            }
            for (Step step : steps) {
                if (step.score() < subscore) {
                    return Optional.of(new Target(step.from(), Relation.BELOW));
                }
            }
            return Optional.of(new Target(current, Relation.AT_LEAST));
        }

        @Override
        public Optional<Target> atMost(double subscore, double current) {
            if (score(current) <= subscore) {
                return Optional.of(new Target(current, Relation.AT_MOST));
            }
            if (direction() < 0) {
                for (Step step : steps) {
                    if (step.score() <= subscore) {
                        return Optional.of(new Target(step.from(), Relation.AT_LEAST));
                    }
                }
                return Optional.empty();
            }
            if (below > subscore) {
                return Optional.empty();
            }
            for (Step step : steps) {
                if (step.score() > subscore) {
                    return Optional.of(new Target(step.from(), Relation.BELOW));
                }
            }
            return Optional.of(new Target(current, Relation.AT_MOST));
        }

        @Override
        public String describe() {
            StringBuilder out = new StringBuilder("steps: below ").append(Numbers.plain(steps.get(0).from()))
                    .append(" -> ").append(Numbers.plain(below));
            for (Step step : steps) {
                out.append(", from ").append(Numbers.plain(step.from())).append(" -> ")
                        .append(Numbers.plain(step.score()));
            }
            return out.toString();
        }
    }

    /**
     * A logarithmic scale: {@code 100 · (ln(1 + raw) - ln(1 + from)) / (ln(1 + to) - ln(1 + from))}, clamped to
     * {@code [0, 100]}, for signals whose value matters by orders of magnitude (API calls, events). Raw values at or
     * below -1 score as far below {@code from} as possible. With {@code from > to} the scale falls.
     *
     * @param from the raw value that scores 0; above -1
     * @param to   the raw value that scores 100; above -1 and not equal to {@code from}
     */
    record Logarithmic(double from, double to) implements Normaliser {

        /** Validates the bounds. */
        public Logarithmic {
            Magnitudes.check(from, "logarithmic.from");
            Magnitudes.check(to, "logarithmic.to");
            if (!(from > -1)) {
                throw new IllegalArgumentException("logarithmic.from: " + Numbers.plain(from) + " must be > -1");
            }
            if (!(to > -1)) {
                throw new IllegalArgumentException("logarithmic.to: " + Numbers.plain(to) + " must be > -1");
            }
            if (from == to) {
                throw new IllegalArgumentException("logarithmic.to: " + Numbers.plain(to) + " must differ from from");
            }
            if (Math.log1p(from) == Math.log1p(to)) {
                // Their logarithms are the scale's ends: equal ones would divide by zero.
                throw new IllegalArgumentException("logarithmic.to: " + to + " is too close to from, " + from
                        + ", for a logarithmic scale");
            }
        }

        @Override
        public double score(double raw) {
            return LogScale.score(raw, Math.log1p(from), Math.log1p(to));
        }

        @Override
        public int direction() {
            return to > from ? 1 : -1;
        }

        @Override
        public Optional<Target> atLeast(double subscore, double current) {
            return LogScale.atLeast(subscore, current, Math.log1p(from), Math.log1p(to), to > from);
        }

        @Override
        public Optional<Target> atMost(double subscore, double current) {
            return LogScale.atMost(subscore, current, Math.log1p(from), Math.log1p(to), to > from);
        }

        @Override
        public String describe() {
            return "logarithmic " + Numbers.plain(from) + " -> 0, " + Numbers.plain(to) + " -> 100";
        }
    }

    /**
     * One point of a {@link PiecewiseLinear} normaliser.
     *
     * @param raw   the raw value
     * @param score its score, from 0 to 100
     */
    record Point(double raw, double score) {

        /** Validates the parts. */
        public Point {
            Magnitudes.check(raw, "point.raw");
            Checks.within(score, 0, 100, "point.score");
        }
    }

    /**
     * Straight lines between points, flat beyond the first and the last: for scales that are not straight, such as
     * licence utilisation where 80% is already good. The points' raw values strictly increase and their scores are
     * monotone.
     *
     * @param points at least two points, by increasing raw value
     */
    record PiecewiseLinear(List<Point> points) implements Normaliser {

        /** Validates the order and the monotonicity. */
        public PiecewiseLinear {
            Objects.requireNonNull(points, "piecewise.points");
            points = List.copyOf(points);
            if (points.size() < 2) {
                throw new IllegalArgumentException("piecewise.points: there must be at least two points");
            }
            int direction = 0;
            for (int i = 1; i < points.size(); i++) {
                Point a = points.get(i - 1);
                Point b = points.get(i);
                if (!(b.raw() > a.raw())) {
                    throw new IllegalArgumentException("piecewise.points[" + i + "].raw: " + Numbers.plain(b.raw())
                            + " must be above the previous point's " + Numbers.plain(a.raw()));
                }
                int d = Double.compare(b.score(), a.score());
                if (d != 0) {
                    if (direction != 0 && d != direction) {
                        throw new IllegalArgumentException("piecewise.points[" + i + "].score: "
                                + Numbers.plain(b.score()) + " breaks monotonicity: the scores must only rise or"
                                + " only fall");
                    }
                    direction = d;
                }
            }
        }

        @Override
        public double score(double raw) {
            Point first = points.get(0);
            if (raw <= first.raw()) {
                return first.score();
            }
            for (int i = 1; i < points.size(); i++) {
                Point b = points.get(i);
                if (raw <= b.raw()) {
                    Point a = points.get(i - 1);
                    double s = a.score() + (raw - a.raw()) / (b.raw() - a.raw()) * (b.score() - a.score());
                    return s <= 0 ? 0 : (s >= 100 ? 100 : s);
                }
            }
            return points.get(points.size() - 1).score();
        }

        @Override
        public int direction() {
            return Double.compare(points.get(points.size() - 1).score(), points.get(0).score());
        }

        @Override
        public Optional<Target> atLeast(double subscore, double current) {
            if (score(current) >= subscore) {
                return Optional.of(new Target(current, Relation.AT_LEAST));
            }
            // The score crosses the level on the first segment (rising) or the last segment (falling) that
            // reaches it; monotonicity makes that the closest bound.
            if (direction() > 0) {
                for (int i = 1; i < points.size(); i++) {
                    Point a = points.get(i - 1);
                    Point b = points.get(i);
                    if (b.score() >= subscore) {
                        return Optional.of(new Target(cross(a, b, subscore), Relation.AT_LEAST));
                    }
                }
                return Optional.empty();
            }
            for (int i = points.size() - 1; i >= 1; i--) {
                Point a = points.get(i - 1);
                Point b = points.get(i);
                if (a.score() >= subscore) {
                    return Optional.of(new Target(cross(a, b, subscore), Relation.AT_MOST));
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<Target> atMost(double subscore, double current) {
            if (score(current) <= subscore) {
                return Optional.of(new Target(current, Relation.AT_MOST));
            }
            if (direction() < 0) {
                for (int i = 1; i < points.size(); i++) {
                    Point a = points.get(i - 1);
                    Point b = points.get(i);
                    if (b.score() <= subscore) {
                        return Optional.of(new Target(cross(a, b, subscore), Relation.AT_LEAST));
                    }
                }
                return Optional.empty();
            }
            for (int i = points.size() - 1; i >= 1; i--) {
                Point a = points.get(i - 1);
                Point b = points.get(i);
                if (a.score() <= subscore) {
                    return Optional.of(new Target(cross(a, b, subscore), Relation.AT_MOST));
                }
            }
            return Optional.empty();
        }

        private static double cross(Point a, Point b, double level) {
            if (b.score() == a.score()) {
                return a.raw();
            }
            double t = (level - a.score()) / (b.score() - a.score());
            t = t < 0 ? 0 : (t > 1 ? 1 : t);
            return a.raw() + t * (b.raw() - a.raw());
        }

        @Override
        public String describe() {
            StringBuilder out = new StringBuilder("piecewise");
            for (Point p : points) {
                out.append(' ').append(Numbers.plain(p.raw())).append(" -> ").append(Numbers.plain(p.score()));
            }
            return out.toString();
        }
    }
}
