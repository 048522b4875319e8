package dev.kizuna.core.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonFactory;

/**
 * A ready {@link ObjectMapper} for Kizuna's types, for hosts that do not bring their own.
 *
 * <p>Besides registering {@link KizunaModule}, it limits what one document may do: at most
 * {@value #MAX_NESTING_DEPTH} levels of nesting, strings of at most {@value #MAX_STRING_LENGTH} characters and
 * documents of at most {@value #MAX_DOCUMENT_LENGTH} bytes. It rejects NaN and infinity literals, trailing tokens
 * and duplicate keys, and enables no polymorphic typing.
 */
public final class KizunaJson {
    /** The deepest nesting a document may have. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** The longest document, in bytes. */
    public static final long MAX_DOCUMENT_LENGTH = 256L * 1024 * 1024;

    private KizunaJson() {
    }

    /** Returns a new mapper with {@link KizunaModule} and the limits above. Mappers are thread-safe once built. */
    public static ObjectMapper newObjectMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build())
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new KizunaModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }
}
