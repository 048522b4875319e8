package dev.kizuna.core.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The banded edit distance behind "did you mean" agrees with the plain one, and suggestions stay close. */
class NearestNameProperties {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcde._").ofMaxLength(12);
    }

    /** The optimal-string-alignment distance, the whole table. */
    private static int plain(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @Property(tries = 2000)
    void theBandedDistanceIsThePlainOneWithinTheBand(@ForAll("names") String a, @ForAll("names") String b,
                                                     @ForAll @IntRange(min = 0, max = 4) int max) {
        int expected = plain(a, b);
        int banded = NearestName.distance(a, b, max, new NearestName.Budget(Long.MAX_VALUE));
        assertEquals(expected <= max ? expected : max + 1, banded);
    }

    @Property(tries = 500)
    void aSuggestionIsWithinTheToleranceAndNeverTheNameItself(@ForAll("names") String name,
                                                              @ForAll("names") String x, @ForAll("names") String y) {
        Optional<String> s = NearestName.nearest(name, List.of(x, y), NearestName.Budget.perDocument());
        s.ifPresent(found -> {
            assertEquals(true, !found.equals(name));
            assertEquals(true, plain(name.toLowerCase(java.util.Locale.ROOT), found) <= NearestName.tolerance(
                    name.length()));
        });
    }

    @Test
    void anExhaustedBudgetGivesNoSuggestion() {
        assertEquals(Optional.of("sentiment.nps"), NearestName.nearest("sentiment.npss", List.of("sentiment.nps"),
                NearestName.Budget.perDocument()));
        assertEquals(Optional.empty(), NearestName.nearest("sentiment.npss", List.of("sentiment.nps"),
                new NearestName.Budget(0)));
    }
}
