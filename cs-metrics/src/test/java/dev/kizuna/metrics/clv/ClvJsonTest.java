package dev.kizuna.metrics.clv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.json.KizunaJson;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClvJsonTest {
    private static final ObjectMapper MAPPER = KizunaJson.newObjectMapper().registerModule(new ClvJsonModule());

    @Test
    void aFittedModelRoundTripsAndPredictsTheSame() throws JsonProcessingException {
        SbgModel fitted = SbgModel.fitSurvival(1000, 631, 468, 382, 326, 289, 262, 241);
        String json = MAPPER.writeValueAsString(fitted);
        assertTrue(json.startsWith("{\"model\":\"sbg\",\"parameters\":{\"alpha\":"), json);
        assertTrue(json.contains("\"status\":\"CONVERGED\""), json);
        SbgModel reloaded = MAPPER.readValue(json, SbgModel.class);
        assertEquals(fitted, reloaded);
        assertEquals(fitted.discountedExpectedResidualLifetime(0.1, 3), reloaded.discountedExpectedResidualLifetime(0.1, 3));
    }

    @Test
    void aModelWithoutReportOmitsIt() throws JsonProcessingException {
        assertEquals("{\"model\":\"gamma-gamma\",\"parameters\":{\"p\":6.25,\"q\":3.74,\"gamma\":15.44}}",
                MAPPER.writeValueAsString(GammaGammaModel.of(6.25, 3.74, 15.44)));
    }

    @Test
    void readingIsStrict() {
        String bg = "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.24,\"alpha\":4.4,\"a\":0.79,\"b\":2.4}";
        assertFails("$.extra: unknown field", bg + ",\"extra\":1}", BgNbdModel.class);
        assertFails("$.parameters.c: unknown field",
                "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.24,\"alpha\":4.4,\"a\":0.79,\"b\":2.4,\"c\":1}}", BgNbdModel.class);
        assertFails("$.model: 'bg-nbd' is not the tag of this model type; expected 'pareto-nbd'", bg + "}",
                ParetoNbdModel.class);
        assertFails("$.parameters: missing required field 'b'",
                "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.24,\"alpha\":4.4,\"a\":0.79}}", BgNbdModel.class);
        assertFails("$.parameters.r: expected a number but found string \"0.24\"",
                "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":\"0.24\",\"alpha\":4.4,\"a\":0.79,\"b\":2.4}}", BgNbdModel.class);
        assertFails("$: a: -0.79 must be a finite number > 0",
                "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.24,\"alpha\":4.4,\"a\":-0.79,\"b\":2.4}}", BgNbdModel.class);
        assertFails("$.report.status: 'DONE' is not one of [CONVERGED, BOUNDARY, NOT_CONVERGED]",
                "{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":2},\"report\":{\"logLikelihood\":-5,"
                        + "\"standardErrors\":{},\"status\":\"DONE\",\"starts\":1,\"startsAtOptimum\":1,\"iterations\":1,"
                        + "\"evaluations\":1,\"gradientNorm\":0,\"customers\":2,\"excludedCustomers\":0}}", SbgModel.class);
        assertFails("$.report: customers: 0 must be >= 1",
                "{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":2},\"report\":{\"logLikelihood\":-5,"
                        + "\"standardErrors\":{},\"status\":\"CONVERGED\",\"starts\":1,\"startsAtOptimum\":1,\"iterations\":1,"
                        + "\"evaluations\":1,\"gradientNorm\":0,\"customers\":0,\"excludedCustomers\":0}}", SbgModel.class);
        assertFails("$.parameters.alpha: must not be null",
                "{\"model\":\"sbg\",\"parameters\":{\"alpha\":null,\"beta\":2}}", SbgModel.class);
    }

    private static void assertFails(String prefix, String json, Class<?> type) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> MAPPER.readValue(json, type));
        assertTrue(e.getOriginalMessage().startsWith(prefix),
                () -> "expected '" + prefix + "' but was '" + e.getOriginalMessage() + "'");
    }
}
