package dev.kizuna.core.json;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers for the JSON error tests. */
final class JsonAssertions {
    static final ObjectMapper STRICT = KizunaJson.newObjectMapper();
    /** A host's lenient mapper that lets NaN and Infinity literals through the parser: the codecs must still refuse. */
    static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(new KizunaModule())
            .build();

    private JsonAssertions() {
    }

    /** Writes JSON with single quotes for readability: {@code {'a': 1}}. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** Asserts that reading fails with a {@link MismatchedInputException} whose message starts with {@code prefix}. */
    static void fails(ObjectMapper mapper, String json, Class<?> type, String prefix) {
        var e = assertThrows(MismatchedInputException.class, () -> mapper.readValue(json, type));
        assertTrue(e.getOriginalMessage().startsWith(prefix),
                "expected a message starting with\n  " + prefix + "\nbut was\n  " + e.getOriginalMessage());
    }

    static void fails(String json, Class<?> type, String prefix) {
        fails(STRICT, json, type, prefix);
    }
}
