package dev.kizuna.metrics.clv;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.json.KizunaJson;

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
            // The input's own text is quoted in messages; outside the quotes, no Java name may show.
            String ours = told.replaceAll("'[^']*'", "''");
            for (String leak : new String[] {"java.", "com.fasterxml", "dev.kizuna", "Exception"}) {
                assertFalse(ours.contains(leak), () -> "'" + leak + "' in: " + told);
            }
            return;
        }
        assertEquals(model, MAPPER.readValue(MAPPER.writeValueAsBytes(model), type));
        assertEquals(model, MAPPER.readValue(MAPPER.writeValueAsString(model), type));
    }
}
