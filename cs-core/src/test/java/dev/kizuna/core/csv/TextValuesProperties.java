package dev.kizuna.core.csv;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict readers of text values: round trips, and the same answers as a plain reading of their definition. */
class TextValuesProperties {
    /** The syntax of a number as TextValues documents it, written as a regular expression. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> YES = Set.of("true", "yes", "y", "1");
    private static final Set<String> NO = Set.of("false", "no", "n", "0");

    @Property
    void everyFiniteDoubleReadsBackFromItsText(@ForAll double value) {
        if (Double.isFinite(value)) {
            assertEquals(value, TextValues.number(Double.toString(value)));
        }
    }

    @Property
    void everyIntReadsBackFromItsText(@ForAll int value) {
        assertEquals(value, TextValues.wholeNumber(Integer.toString(value)));
    }

    @Property(tries = 2_000)
    void aNumberIsAcceptedExactlyWhenItMatchesTheDocumentedSyntaxAndIsFinite(@ForAll("numberLike") String text) {
        boolean documented = text.length() <= TextValues.MAX_NUMBER_LENGTH && DECIMAL.matcher(text).matches()
                && text.chars().allMatch(c -> c < 128) && Double.isFinite(Double.parseDouble(text));
        if (documented) {
            assertEquals(Double.parseDouble(text), TextValues.number(text));
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextValues.number(text));
            assertTrue(e.getMessage().startsWith("'"), e.getMessage());
        }
    }

    @Property(tries = 2_000)
    void aWholeNumberIsAcceptedExactlyWhenItIsAsciiDigitsInTheIntRange(@ForAll("numberLike") String text) {
        boolean digits = text.matches("[+-]?[0-9]{1,10}");
        boolean documented = digits && Long.parseLong(text) <= Integer.MAX_VALUE
                && Long.parseLong(text) >= Integer.MIN_VALUE;
        if (documented) {
            assertEquals(Long.parseLong(text), TextValues.wholeNumber(text));
        } else {
            assertThrows(IllegalArgumentException.class, () -> TextValues.wholeNumber(text));
        }
    }

    @Property
    void yesNoAcceptsTheDocumentedSpellingsInAnyCaseAndNothingElse(@ForAll("yesNoLike") String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (YES.contains(lower)) {
            assertTrue(TextValues.yesNo(text));
        } else if (NO.contains(lower)) {
            assertEquals(false, TextValues.yesNo(text));
        } else {
            assertThrows(IllegalArgumentException.class, () -> TextValues.yesNo(text));
        }
    }

    @Property
    void namesMatchOnlyAsciiSpellingsOfTheConstants(@ForAll("nameLike") String text) {
        String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_');
        boolean ascii = text.chars().allMatch(c -> c < 128);
        boolean known = Set.of("TEXT", "JSON", "SERVICE_END").contains(wanted);
        if (ascii && known) {
            assertEquals(wanted, TextValues.name(text, Sample.class).name());
        } else {
            assertThrows(IllegalArgumentException.class, () -> TextValues.name(text, Sample.class));
        }
    }

    @Property
    void theEditDistanceIsThePlainOneCappedAtTheLimit(@ForAll("words") String a, @ForAll("words") String b,
                                                      @ForAll @IntRange(min = 1, max = 6) int limit) {
        assertEquals(Math.min(limit, plainDistance(a, b)), Nearest.distance(a, b, limit));
        assertEquals(Nearest.distance(a, b, limit), Nearest.distance(b, a, limit));
    }

    /** A sample set of names. */
    enum Sample {
        TEXT, JSON, SERVICE_END
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.strings().withChars("0123456789+-.eE xdNaIfinty١１").ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> yesNoLike() {
        return Arbitraries.oneOf(Arbitraries.of("true", "TRUE", "Yes", "y", "N", "no", "0", "1", "false", "ｙｅｓ",
                "yes ", "on", "off", ""), Arbitraries.strings().withChars("yesnotrufalYESNOTRUFAL01").ofMaxLength(6));
    }

    @Provide
    Arbitrary<String> nameLike() {
        return Arbitraries.oneOf(Arbitraries.of("text", "Json", "service-end", "SERVICE_END", "ſervice-end", "ＪＳＯＮ",
                "jſon", "text ", "service end"), Arbitraries.strings().withChars("textjsonrvic-_TEXJSONſ").ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcde_.").ofMaxLength(10);
    }

    /** The optimal-string-alignment distance, by its textbook recurrence over the whole table. */
    private static int plainDistance(String a, String b) {
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
}
