package dev.kizuna.core.internal;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Account;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.Touchpoint;
import dev.kizuna.core.plan.TouchpointChannel;
import dev.kizuna.core.CoreArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksTest {
    @Test
    void anUnpairedSurrogateIsRejectedInIdentifiersAndTexts() {
        var id = assertThrows(IllegalArgumentException.class, () -> AccountId.of("ac\uD800me"));
        assertEquals("accountId: the text has an unpaired surrogate (U+D800) at character 3, which is not valid"
                + " Unicode; write the character itself, or the two halves of its pair", id.getMessage());
        var low = assertThrows(IllegalArgumentException.class, () -> AccountId.of("\uDC00acme"));
        assertTrue(low.getMessage().startsWith("accountId: the text has an unpaired surrogate (U+DC00) at character 1"),
                low.getMessage());
        var note = assertThrows(IllegalArgumentException.class,
                () -> Touchpoint.of(TouchpointChannel.CALL, LocalDate.of(2024, 1, 1), "call ended \uD83D"));
        assertTrue(note.getMessage().startsWith("touchpoint.note: the text has an unpaired surrogate (U+D83D)"),
                note.getMessage());
        var attribute = assertThrows(IllegalArgumentException.class, () -> Account.builder(AccountId.of("a"), "A")
                .segment(Segment.of("s")).tier(Tier.of("t", 1)).currency("EUR")
                .stage(JourneyStage.AWARENESS, Instant.EPOCH).attribute("region", "\uDFFF").build());
        assertTrue(attribute.getMessage().startsWith("attributes.region: the text has an unpaired surrogate"),
                attribute.getMessage());
    }

    @Test
    void pairedSurrogatesAreText() {
        assertEquals("😀acme", AccountId.of("😀acme").value());
        assertEquals("a😀", Checks.nonBlank("a😀", "name"));
    }

    @Test
    void messagesShowLongOrUnprintableValuesShortened() {
        var e = assertThrows(IllegalArgumentException.class, () -> AccountId.of("x".repeat(1_000_000)));
        assertEquals("accountId: '" + "x".repeat(40) + "...' must be 1 to 256 characters, not 1000000", e.getMessage());
        assertEquals("a\uFFFDb\uFFFD", Checks.shown("a\u0000b\uD800"));
    }

    @Test
    void attributeValuesAreBoundedLikeOtherText() {
        var e = assertThrows(IllegalArgumentException.class, () -> Checks.text("v".repeat(10_001), "attributes.k"));
        assertEquals("attributes.k: 10001 characters is over the limit of 10000", e.getMessage());
        assertEquals("", Checks.text("", "attributes.k"));
    }

    @Provide
    Arbitrary<String> textsWithSurrogates() {
        Arbitrary<Character> halves = Arbitraries.chars().range('\uD800', '\uDFFF');
        return Combinators.combine(CoreArbitraries.unicode(0, 12), halves.list().ofMaxSize(3),
                        Arbitraries.integers().between(0, 12))
                .as((text, inserted, at) -> {
                    StringBuilder out = new StringBuilder(text);
                    for (char c : inserted) {
                        out.insert(Math.min(at, out.length()), c);
                    }
                    return out.toString();
                });
    }

    @Property
    void validUnicodeTextIsAcceptedAndTextWithALoneSurrogateIsNot(@ForAll("textsWithSurrogates") String text) {
        boolean valid = text.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
        if (valid) {
            assertEquals(text, Checks.text(text, "t"));
        } else {
            assertThrows(IllegalArgumentException.class, () -> Checks.text(text, "t"));
        }
    }
}
