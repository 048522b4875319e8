package dev.kizuna.metrics.clv;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.metrics.json.ClvJsonModule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Fuzzes {@link ClvJsonModule}'s readers of the fitted models. The contract: a model that writes back and reads equal,
 * or a {@link JsonProcessingException} that {@code KizunaJson.describe} tells without Java names; anything else is a
 * finding. The first byte picks the model type; the seeds are the models of the module's documentation.
 */
class ClvJsonFuzzTest {
    private static final ObjectMapper MAPPER = KizunaJson.newObjectMapper().registerModule(new ClvJsonModule());
    private static final Class<?>[] TYPES = {BgNbdModel.class, ParetoNbdModel.class, GammaGammaModel.class,
        SbgModel.class, FitReport.class};

    @FuzzTest(maxDuration = "5m")
    void models(FuzzedDataProvider data) throws Exception {
        Class<?> type = data.pickValue(TYPES);
        byte[] document = data.consumeRemainingAsBytes();
        Object model;
        try {
            model = MAPPER.readValue(document, type);
        } catch (JsonProcessingException e) {
            String told = KizunaJson.describe(e);
            assertFalse(told.isBlank(), e::toString);
            assertNoJavaNames(told, document);
            return;
        }
        assertEquals(model, MAPPER.readValue(MAPPER.writeValueAsBytes(model), type));
        assertEquals(model, MAPPER.readValue(MAPPER.writeValueAsString(model), type));
    }

    /**
     * Asserts that a message shows no Java names of its own. Messages echo the input (values in quotes, field names in
     * paths), and the fuzzer likes to write "java." there, so the path before the first ": " and quoted text are left
     * out, and a name the input itself contains is not a leak.
     */
    static void assertNoJavaNames(String told, byte[] document) {
        String input = new String(document, java.nio.charset.StandardCharsets.UTF_8);
        String ours = told.startsWith("$") && told.contains(": ") ? told.substring(told.indexOf(": ") + 2) : told;
        // A shown value may be cut short with "...", which then stands in for its closing quote.
        ours = ours.replaceAll("'[^']*'", "''").replaceAll("\"[^\"]*(\"|\\.\\.\\.)", "\"\"");
        for (String leak : new String[] {"java.", "com.fasterxml", "dev.kizuna", "Exception"}) {
            if (!input.contains(leak)) {
                assertFalse(ours.contains(leak), () -> "'" + leak + "' in: " + told);
            }
        }
    }
}
