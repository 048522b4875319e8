package dev.kizuna.examples.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggestions for a misspelt name: the known name nearest to it, by edit distance, when it is near enough. */
final class Nearest {
    private Nearest() {
    }

    /**
     * Returns the name of {@code known} with the fewest single-character edits (insertions, deletions, substitutions)
     * from {@code name}, ignoring case, if that is at most a third of the longer name's length (and at least 1, at
     * most 3 edits); of several, the first.
     */
    static Optional<String> of(String name, Collection<String> known) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wanted, k.toLowerCase(Locale.ROOT), 4);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.min(3, Math.max(1, Math.max(wanted.length(), best.length()) / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * The edit distance of {@code a} and {@code b}, counting a swap of two adjacent characters as one edit (optimal
     * string alignment), or {@code limit} if it is {@code limit} or more.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] beforePrevious = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, beforePrevious[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = swap;
        }
        return Math.min(limit, previous[b.length()]);
    }
}
