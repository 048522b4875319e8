package dev.kizuna.core.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?": the known name closest to a misspelt one, by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours, ignoring case), when it is close enough to be a likely typo: at most one
 * edit in a short name, up to three in a long one.
 *
 * <p>The work is bounded: names longer than {@value #MAX_LENGTH} characters get no suggestion, the distance is only
 * computed within a band around the diagonal, and a {@link Budget} caps the work one document may spend on
 * suggestions, so that a document of many misspelt names against many known ones cannot stall a reader.
 */
public final class NearestName {
    /** The longest name that gets a suggestion. */
    public static final int MAX_LENGTH = 128;

    private NearestName() {
    }

    /** The work one document may spend on suggestions, in cells of the distance table. Not thread-safe. */
    public static final class Budget {
        private long cells;

        /** Creates a budget of {@code cells} cells. */
        public Budget(long cells) {
            this.cells = cells;
        }

        /** Returns a budget for one document: enough for a few hundred suggestions among a thousand names. */
        public static Budget perDocument() {
            return new Budget(20_000_000L);
        }
    }

    /** Returns the edits a name of {@code length} characters may be away from a suggestion. */
    static int tolerance(int length) {
        return length <= 4 ? 1 : Math.min(3, 1 + length / 8);
    }

    /**
     * Returns the candidate closest to {@code name}, if one is within the tolerance and differs from it; ties go to
     * the candidate found first.
     */
    public static Optional<String> nearest(String name, Collection<String> candidates, Budget budget) {
        if (name.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String a = name.toLowerCase(Locale.ROOT);
        int limit = tolerance(name.length());
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : candidates) {
            if (budget.cells <= 0) {
                break;
            }
            if (candidate.equals(name) || candidate.length() > MAX_LENGTH
                    || Math.abs(candidate.length() - name.length()) >= bestDistance) {
                continue;
            }
            int d = distance(a, candidate.toLowerCase(Locale.ROOT), bestDistance - 1, budget);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns {@code "; did you mean X?"} for the nearest candidate, or {@code ""}. */
    public static String didYouMean(String name, Collection<String> candidates, Budget budget) {
        return nearest(name, candidates, budget).map(n -> "; did you mean " + n + "?").orElse("");
    }

    /**
     * The optimal-string-alignment distance of {@code a} and {@code b}, or {@code max + 1} once it is certain to
     * exceed {@code max}; only cells within {@code max} of the diagonal are computed.
     */
    static int distance(String a, String b, int max, Budget budget) {
        int n = a.length();
        int m = b.length();
        int over = max + 1;
        if (Math.abs(n - m) > max) {
            return over;
        }
        int[] previous2 = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j <= max ? j : over;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(m, i + max);
            budget.cells -= to - from + 1;
            current[0] = i <= max ? i : over;
            if (from > 1) {
                current[from - 1] = over;
            }
            int rowMin = current[0];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, previous2[j - 2] + 1);
                }
                current[j] = Math.min(d, over);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (to < m) {
                current[to + 1] = over;
            }
            if (rowMin > max) {
                return over;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[m], over);
    }
}
