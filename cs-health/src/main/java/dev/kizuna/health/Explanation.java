package dev.kizuna.health;

import dev.kizuna.health.internal.Numbers;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Why an account has its health score: the inputs that pulled it down and lifted it, the change of each input that
 * would reach the next band, and a one-line reason a person can read.
 *
 * <p>Drivers come from the contributions' {@link Contribution#impact() impact}: {@code pullingDown} holds every
 * input with a negative impact, strongest first; {@code lifting} every input with a positive impact, strongest
 * first; ties are broken by id, so explanations are deterministic. A cap that lowered the score is listed first
 * among the inputs pulling down. Immutable and thread-safe.
 *
 * @param score       the score explained
 * @param pullingDown the contributions with negative impact, strongest first
 * @param lifting     the contributions with positive impact, strongest first
 * @param levers      for each input with data, the change that reaches the next band (empty in the best band, for
 *                    insufficient data, and for models that cannot invert their inputs)
 * @param reason      a one-line reason, such as
 *                    {@code red 38.50: pulled down by NPS (-9.20), open tickets (-4.10); lifted by licence use (+3.00)}
 */
public record Explanation(
        HealthScore score,
        List<Contribution> pullingDown,
        List<Contribution> lifting,
        List<BandLever> levers,
        String reason) {

    /** How many drivers the reason names on each side. */
    public static final int REASON_DRIVERS = 2;

    private static final Comparator<Contribution> STRONGEST_DOWN = (a, b) -> {
        boolean capA = a.kind() == Contribution.Kind.CAP;
        if (capA != (b.kind() == Contribution.Kind.CAP)) {
            return capA ? -1 : 1;
        }
        int c = Double.compare(a.impact(), b.impact());
        return c != 0 ? c : a.id().compareTo(b.id());
    };
    private static final Comparator<Contribution> STRONGEST_UP = (a, b) -> {
        int c = Double.compare(b.impact(), a.impact());
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    /** Validates the parts and copies the lists. */
    public Explanation {
        Objects.requireNonNull(score, "score");
        pullingDown = List.copyOf(pullingDown);
        lifting = List.copyOf(lifting);
        levers = List.copyOf(levers);
        Objects.requireNonNull(reason, "reason");
    }

    /** Returns the explanation of {@code score}, with the drivers and the reason derived from its contributions. */
    public static Explanation of(HealthScore score, List<BandLever> levers) {
        List<Contribution> all = score.contributions();
        int n = all.size();
        // Sorted by insertion of positions, not references: a model has a dozen inputs, and int stores are cheap.
        // Positions pulling down fill the front half, lifting ones the back half.
        int[] order = new int[2 * n];
        int downs = 0;
        int ups = 0;
        for (int i = 0; i < n; i++) {
            Contribution c = all.get(i);
            if (c.kind() == Contribution.Kind.BASELINE) {
                continue;
            }
            if (c.impact() < 0 || (c.kind() == Contribution.Kind.CAP && c.points() < 0)) {
                int j = downs++;
                while (j > 0 && STRONGEST_DOWN.compare(all.get(order[j - 1]), c) > 0) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = i;
            } else if (c.impact() > 0) {
                int j = n + ups++;
                while (j > n && STRONGEST_UP.compare(all.get(order[j - 1]), c) > 0) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = i;
            }
        }
        List<Contribution> pullingDown = pick(all, order, 0, downs);
        List<Contribution> lifting = pick(all, order, n, ups);
        return new Explanation(score, pullingDown, lifting, levers, reason(score, pullingDown, lifting));
    }

    private static List<Contribution> pick(List<Contribution> all, int[] positions, int from, int n) {
        switch (n) {
            case 0:
                return List.of();
            case 1:
                return List.of(all.get(positions[from]));
            case 2:
                return List.of(all.get(positions[from]), all.get(positions[from + 1]));
            default:
                Contribution[] out = new Contribution[n];
                for (int i = 0; i < n; i++) {
                    out[i] = all.get(positions[from + i]);
                }
                return List.of(out);
        }
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
        StringBuilder out = new StringBuilder(256);
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
