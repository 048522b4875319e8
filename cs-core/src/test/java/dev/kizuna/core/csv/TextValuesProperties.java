package dev.kizuna.core.csv;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
}
