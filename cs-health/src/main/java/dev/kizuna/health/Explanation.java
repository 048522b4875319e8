package dev.kizuna.health;

import dev.kizuna.health.internal.ImmutableArray;
import dev.kizuna.core.internal.Numbers;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * Why an account has its health score: the inputs that pulled it down and lifted it, the change of each input that
 * would reach the next band, and a one-line reason a person can read.
 *
 * <p>Drivers come from the contributions' {@link Contribution#impact() impact}: {@link #pullingDown()} holds every
 * input with a negative impact, strongest first; {@link #lifting()} every input with a positive impact, strongest
 * first; ties are broken by id, so explanations are deterministic. A cap that lowered the score is listed first
 * among the inputs pulling down.
 *
 * <p>The {@linkplain #reason() reason} of an explanation made by {@link #of} is written the first time it is asked
 * for, from the score and the drivers, and then kept: a host that explains many accounts and shows the reasons of a
 * few does not pay for the others' text. It is always the same text, so an explanation is a value all the same:
 * {@code equals} and {@code hashCode} compare all five parts. Immutable and thread-safe.
 */
public final class Explanation {

    /** How many drivers the reason names on each side. */
    public static final int REASON_DRIVERS = 2;

    private final HealthScore score;
    private final List<Contribution> pullingDown;
    private final List<Contribution> lifting;
    private final List<BandLever> levers;
    /** The reason, once written; a String is immutable, so a race only writes the same text twice. */
    private @Nullable String reason;

    /**
     * Returns an explanation of the given parts; the lists are copied.
     *
     * @param score       the score explained
     * @param pullingDown the contributions with negative impact, strongest first
     * @param lifting     the contributions with positive impact, strongest first
     * @param levers      for each input with data, the change that reaches the next band (empty in the best band,
     *                    for insufficient data, and for models that cannot invert their inputs)
     * @param reason      a one-line reason, such as
     *                    {@code red 38.50: pulled down by NPS (-9.20), open tickets (-4.10); lifted by licence use
     *                    (+3.00)}
     */
    public Explanation(HealthScore score, List<Contribution> pullingDown, List<Contribution> lifting,
                       List<BandLever> levers, String reason) {
        this(score, pullingDown, lifting, levers);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private Explanation(HealthScore score, List<Contribution> pullingDown, List<Contribution> lifting,
                        List<BandLever> levers) {
        this.score = Objects.requireNonNull(score, "score");
        this.pullingDown = ImmutableArray.copyOf(pullingDown);
        this.lifting = ImmutableArray.copyOf(lifting);
        this.levers = ImmutableArray.copyOf(levers);
    }

    /** Returns the score explained. */
    public HealthScore score() {
        return score;
    }

    /** Returns the contributions with negative impact, strongest first (a binding cap first of all). */
    public List<Contribution> pullingDown() {
        return pullingDown;
    }

    /** Returns the contributions with positive impact, strongest first. */
    public List<Contribution> lifting() {
        return lifting;
    }

    /**
     * Returns, for each input with data, the change that reaches the next band: empty in the best band, for
     * insufficient data, and for models that cannot invert their inputs.
     */
    public List<BandLever> levers() {
        return levers;
    }

    /**
     * Returns the one-line reason, such as
     * {@code red 38.50: pulled down by NPS (-9.20), open tickets (-4.10); lifted by licence use (+3.00)}: the band and
     * value, the {@value #REASON_DRIVERS} strongest drivers each way, and the signals without data; or
     * {@code insufficient data: } and why.
     */
    public String reason() {
        String text = reason;
        if (text == null) {
            text = reason(score, pullingDown, lifting);
            reason = text;
        }
        return text;
    }

    /** Returns whether {@code other} is an explanation with equal parts. */
    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Explanation)) {
            return false;
        }
        Explanation that = (Explanation) other;
        return score.equals(that.score) && pullingDown.equals(that.pullingDown) && lifting.equals(that.lifting)
                && levers.equals(that.levers) && reason().equals(that.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, pullingDown, lifting, levers, reason());
    }

    /** Returns the parts, as a record would. */
    @Override
    public String toString() {
        return "Explanation[score=" + score + ", pullingDown=" + pullingDown + ", lifting=" + lifting + ", levers="
                + levers + ", reason=" + reason() + "]";
    }

    /** Returns the explanation of {@code score}, with the drivers and the reason derived from its contributions. */
    public static Explanation of(HealthScore score, List<BandLever> levers) {
        List<Contribution> all = score.contributions();
        int n = all.size();
        // One pass, each side sorted by insertion (a model has a dozen inputs) into one array: the inputs pulling
        // down from the front, strongest first; the lifting ones from the back, strongest first.
        Contribution[] sides = new Contribution[n];
        int downs = 0;
        int ups = n;
        for (int i = 0; i < n; i++) {
            Contribution c = all.get(i);
            int side = side(c);
            if (side < 0) {
                int j = downs++;
                while (j > 0 && pullsHarder(c, sides[j - 1])) {
                    sides[j] = sides[j - 1];
                    j--;
                }
                sides[j] = c;
            } else if (side > 0) {
                // Moves past every earlier input that lifts as much or more: ties keep their order.
                int j = --ups;
                while (j + 1 < n && !liftsMore(c, sides[j + 1])) {
                    sides[j] = sides[j + 1];
                    j++;
                }
                sides[j] = c;
            }
        }
        return new Explanation(score, ImmutableArray.own(sides, 0, downs), ImmutableArray.own(sides, ups, n), levers);
    }

    /** Returns -1 if the contribution pulls the score down, 1 if it lifts it, 0 if neither. */
    private static int side(Contribution c) {
        if (c.kind() == Contribution.Kind.BASELINE) {
            return 0;
        }
        if (c.impact() < 0 || (c.kind() == Contribution.Kind.CAP && c.points() < 0)) {
            return -1;
        }
        return c.impact() > 0 ? 1 : 0;
    }

    /**
     * Returns whether {@code a} comes before {@code b} among the inputs pulling down: a cap first, then the more
     * negative impact, then the smaller id. Impacts are finite, so {@code <} orders them as {@link Double#compare}.
     */
    private static boolean pullsHarder(Contribution a, Contribution b) {
        boolean capA = a.kind() == Contribution.Kind.CAP;
        if (capA != (b.kind() == Contribution.Kind.CAP)) {
            return capA;
        }
        return a.impact() < b.impact() || (a.impact() == b.impact() && a.id().compareTo(b.id()) < 0);
    }

    /** Returns whether {@code a} comes before {@code b} among the lifting inputs: the larger impact, then the id. */
    private static boolean liftsMore(Contribution a, Contribution b) {
        return a.impact() > b.impact() || (a.impact() == b.impact() && a.id().compareTo(b.id()) < 0);
    }

    /** Returns the first {@code n} inputs pulling the score down. */
    public List<Contribution> topPullingDown(int n) {
        return pullingDown.subList(0, Math.min(n, pullingDown.size()));
    }

    /** Returns the first {@code n} inputs lifting the score. */
    public List<Contribution> topLifting(int n) {
        return lifting.subList(0, Math.min(n, lifting.size()));
    }

    private static String reason(HealthScore score, List<Contribution> down, List<Contribution> up) {
        StringBuilder out = new StringBuilder(160);
        if (!score.isScored()) {
            out.append("insufficient data: ").append(score.note().orElseThrow());
            return out.toString();
        }
        out.append(score.band().orElseThrow().name()).append(' ');
        Numbers.appendCenti(out, Numbers.centi(score.value().getAsDouble()));
        int shown = 0;
        for (Contribution c : down) {
            if (shown == REASON_DRIVERS) {
                break;
            }
            out.append(shown == 0 ? ": pulled down by " : ", ");
            if (c.kind() == Contribution.Kind.CAP) {
                out.append("cap '").append(c.label()).append("' (");
                Numbers.appendCenti(out, Numbers.centi(c.points())).append(')');
            } else {
                driver(out, c);
            }
            shown++;
        }
        int lifted = 0;
        for (Contribution c : up) {
            if (lifted == REASON_DRIVERS) {
                break;
            }
            out.append(lifted == 0 ? (shown == 0 ? ": lifted by " : "; lifted by ") : ", ");
            driver(out, c);
            lifted++;
        }
        if (!score.missing().isEmpty()) {
            out.append(shown + lifted == 0 ? ": " : "; ").append("no data for ");
            for (int i = 0; i < score.missing().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(score.missing().get(i).value());
            }
        }
        return out.toString();
    }

    private static void driver(StringBuilder out, Contribution c) {
        out.append(c.label()).append(" (");
        if (c.isMissing()) {
            out.append("no data, ");
        }
        long centi = Numbers.centi(c.impact());
        if (centi > 0) {
            out.append('+');
        }
        Numbers.appendCenti(out, centi).append(')');
    }
}
