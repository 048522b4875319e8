package dev.kizuna.core.csv;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tool's streaming UTF-8 reader against the JDK's decoder of whole arrays: the same text for every valid input
 * (a leading byte-order mark dropped), and a failure for every invalid one at the first malformed byte, on the line
 * it is on, across the reader's buffer boundaries.
 */
class InputFileProperties {
    @Property(tries = 300)
    void theReaderDecodesExactlyWhatTheJdkDecodesAndFailsWhereItFails(@ForAll("files") byte[] bytes) {
        CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String expected;
        try {
            expected = jdk.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes);
            long lines = 1;
            for (int i = 0; i < bad; i++) {
                lines += bytes[i] == '\n' ? 1 : 0;
            }
            InputException failure = assertThrows(InputException.class,
                    () -> InputFile.of("f.csv", bytes).text(Integer.MAX_VALUE));
            String where = "f.csv:" + lines + ": not UTF-8 at byte offset " + String.format(Locale.ROOT, "%,d", bad) + " (";
            assertTrue(failure.getMessage().startsWith(where), failure.getMessage() + " / " + where);
            return;
        }
        String text = expected.startsWith("\uFEFF") ? expected.substring(1) : expected;
        assertEquals(text, InputFile.of("f.csv", bytes).text(Integer.MAX_VALUE));
    }

    /** The offset of the first byte at which decoding the prefix up to it and one sequence more fails. */
    private static int firstMalformed(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = d.decode(in, out, true);
        assertTrue(result.isError(), "the array is malformed somewhere");
        return in.position();
    }

    @Provide
    Arbitrary<byte[]> files() {
        // Mostly valid text of all widths, some long enough to cross the 8 KiB buffers, some with a byte spoilt.
        Arbitrary<String> text = Arbitraries.strings().withChars("ab,\n\r\"é€\uFEFF日").ofMaxLength(12_000);
        Arbitrary<Boolean> mark = Arbitraries.of(false, false, false, true);
        return Combinators.combine(text, mark).as((s, m) -> (m ? "\uFEFF" + s : s).getBytes(StandardCharsets.UTF_8))
                .flatMap(valid -> Arbitraries.oneOf(Arbitraries.just(valid),
                        Arbitraries.integers().between(0, Math.max(0, valid.length - 1)).flatMap(at ->
                                Arbitraries.of((byte) 0x80, (byte) 0xC0, (byte) 0xE2, (byte) 0xF0, (byte) 0xFF,
                                        (byte) 0xED).map(b -> spoil(valid, at, b))),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(64)));
    }

    private static byte[] spoil(byte[] valid, int at, byte b) {
        byte[] out = Arrays.copyOf(valid, Math.max(1, valid.length));
        out[Math.min(at, out.length - 1)] = b;
        return out;
    }
}
