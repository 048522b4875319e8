package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.kizuna.core.internal.json.JsonProblems;
import dev.kizuna.core.internal.json.NullRejecting;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * A ready {@link ObjectMapper} for Kizuna's types, for hosts that do not bring their own, and the way to tell its
 * errors to a user.
 *
 * <p>Besides registering {@link KizunaModule}, the mapper limits what one document may do, so that no input costs
 * more than its size: at most {@value #MAX_NESTING_DEPTH} levels of nesting, strings of at most
 * {@value #MAX_STRING_LENGTH} characters, field names of at most {@value #MAX_NAME_LENGTH}, numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters, and documents of at most {@value #MAX_DOCUMENT_LENGTH} bytes. It rejects
 * NaN and infinity literals, trailing tokens and duplicate keys, and a {@code null} where a list or a map is expected
 * (a document that is just {@code null} does not read as a Java {@code null}); it enables no polymorphic typing.
 *
 * <p>Text: bytes are read as UTF-8 only (bytes that start as UTF-16 or UTF-32 do are an error that says so); a
 * leading byte-order mark is skipped, whether the input is bytes, a {@link Reader} or a {@link String}; invalid UTF-8
 * is an error with its line and column. A string that escapes half of a surrogate pair alone ({@code "\u005Cud800"}) is
 * rejected by every Kizuna type, since it is not Unicode text and could not be written back unchanged.
 *
 * <p>{@link #describe(JsonProcessingException)} turns any error of such a mapper into a message in the user's terms.
 */
public final class KizunaJson {
    /** The deepest nesting a document may have. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** The longest field name, in characters. */
    public static final int MAX_NAME_LENGTH = 10_000;
    /**
     * The longest number, in characters: ample for any amount Kizuna accepts (64 characters) and any double written
     * in full.
     */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The longest document, in bytes. */
    public static final long MAX_DOCUMENT_LENGTH = 256L * 1024 * 1024;

    private KizunaJson() {
    }

    /** Returns a new mapper with {@link KizunaModule} and the limits above. Mappers are thread-safe once built. */
    public static ObjectMapper newObjectMapper() {
        JsonFactory factory = new Utf8Text(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build())
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build());
        return JsonMapper.builder(factory)
                .addModule(new KizunaModule())
                .addModule(new SimpleModule("kizuna-no-null-documents").setDeserializerModifier(NullRejecting.modifier()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /**
     * Returns the error of reading a document, in the user's terms, without Java class names:
     * <ul>
     *   <li>broken syntax, invalid UTF-8 or a limit above: its line and column first, such as
     *       {@code line 3, column 14: unexpected character ('}'): expected a value} or
     *       {@code line 1, column 2: a number of 2000 characters is over the limit of 100};</li>
     *   <li>a value a Kizuna type cannot accept: its JSON path from the document's root, then the problem, such as
     *       {@code $[4].effectiveDate: '2024-13-01' is not a date: there is no month 13};</li>
     *   <li>a document of the wrong shape: what was expected, such as {@code $: expected an array but found an
     *       object}.</li>
     * </ul>
     */
    public static String describe(JsonProcessingException error) {
        return JsonProblems.describe(error);
    }

    /**
     * Returns what is wrong with a document that cannot be parsed (broken syntax, invalid UTF-8, a parser limit), in
     * the user's terms and without its place, such as {@code unexpected character ('}'): was expecting double-quote to
     * start field name} or {@code the document ends too early: expected close marker for Array}: no character codes,
     * feature flags or Java names. The error's {@link JsonProcessingException#getLocation() location} gives the line
     * and column. For any JSON parser's errors, Kizuna's or a host's.
     */
    public static String syntaxProblem(JsonProcessingException error) {
        return JsonProblems.syntaxProblem(error);
    }

    /**
     * A factory whose parsers read bytes as UTF-8 only, and skip a leading byte-order mark in characters as Jackson's
     * parsers of bytes do in UTF-8.
     */
    private static final class Utf8Text extends JsonFactory {
        private static final long serialVersionUID = 1L;
        private static final char BOM = '\uFEFF';

        Utf8Text(JsonFactory configured) {
            super(configured, null);
        }

        private Utf8Text(JsonFactory source, @Nullable ObjectCodec codec) {
            super(source, codec);
        }

        @Override
        public JsonFactory copy() {
            return new Utf8Text(this, null);
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            requireUtf8(data, offset, len);
            return super._createParser(data, offset, len, ctxt);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            PushbackInputStream peek = new PushbackInputStream(in, 4);
            byte[] first = new byte[4];
            int n = peek.readNBytes(first, 0, first.length);
            if (n > 0) {
                peek.unread(first, 0, n);
            }
            requireUtf8(first, 0, n);
            return super._createParser(peek, ctxt);
        }

        /**
         * Rejects bytes that Jackson would read as UTF-16 or UTF-32, whose decoders fail with a CharConversionException
         * instead of a parse error. JSON in UTF-8 starts with an ASCII character or the mark EF BB BF, never with a zero
         * byte or the marks FE FF and FF FE that those encodings start with.
         */
        private static void requireUtf8(byte[] data, int offset, int len) throws JsonParseException {
            boolean other = len >= 2 && (data[offset] == (byte) 0xFE && data[offset + 1] == (byte) 0xFF
                    || data[offset] == (byte) 0xFF && data[offset + 1] == (byte) 0xFE);
            for (int i = 0; i < Math.min(4, len) && !other; i++) {
                other = data[offset + i] == 0;
            }
            if (other) {
                throw new JsonParseException((JsonParser) null, "the text is not UTF-8: it starts as UTF-16 or UTF-32 do (with a"
                        + " zero byte or an FE FF mark); save it as UTF-8", new JsonLocation(ContentReference.unknown(),
                        0, 1, 1));
            }
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
                throws IOException {
            boolean mark = len > 0 && data[offset] == BOM;
            return super._createParser(data, mark ? offset + 1 : offset, mark ? len - 1 : len, ctxt, recyclable);
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            PushbackReader in = new PushbackReader(r, 1);
            int first = in.read();
            if (first >= 0 && first != BOM) {
                in.unread(first);
            }
            return super._createParser(in, ctxt);
        }
    }
}
