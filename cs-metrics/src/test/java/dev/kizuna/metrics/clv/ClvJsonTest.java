package dev.kizuna.metrics.clv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.metrics.json.ClvJsonModule;
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

    @Test
    void readingIsTheSameStrictReaderAsCsCores() {
        String sbg = "{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":2},\"report\":{\"logLikelihood\":-5,"
                + "\"standardErrors\":%s,\"status\":\"CONVERGED\",\"starts\":1,\"startsAtOptimum\":1,\"iterations\":1,"
                + "\"evaluations\":1,\"gradientNorm\":0,\"customers\":%s,\"excludedCustomers\":0}}";
        // A duplicate parameter let the last value win; a count of 1e-400 was the whole number 0 (then "must be >= 1"),
        // 2.0000000000000001 was 2; a name with half a surrogate pair could not be written back.
        assertFails("$.parameters.alpha: duplicate field 'alpha': each field may appear once in an object",
                "{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"alpha\":3,\"beta\":2}}", SbgModel.class);
        assertFails("$.report.customers: 1e-400 is not a whole number in the long range",
                sbg.formatted("{}", "1e-400"), SbgModel.class);
        assertFails("$.report.customers: 2.0000000000000001 is not a whole number in the long range",
                sbg.formatted("{}", "2.0000000000000001"), SbgModel.class);
        assertFails("$.report.standardErrors['al\uFFFDpha']: the text has an unpaired surrogate (\\ud800) at character 3",
                sbg.formatted("{\"al\\ud800pha\":0.1}", "2"), SbgModel.class);
        assertFails("$: expected a value but found null", "null", SbgModel.class);
        var e = assertThrows(IllegalArgumentException.class, () -> new FitReport(-5, java.util.Map.of("a\uD800", 0.1),
                FitStatus.CONVERGED, 1, 1, 1, 1, 0, 2, 0));
        assertEquals("standardErrors key: the text has an unpaired surrogate (U+D800) at character 2, which is not"
                + " valid Unicode; write the character itself, or the two halves of its pair", e.getMessage());
    }

    @Test
    void negativeZeroAndTheExtremesOfTheDoublesSurviveATrip() throws JsonProcessingException {
        FitReport report = new FitReport(-0.0, java.util.Map.of("alpha", Double.MIN_VALUE), FitStatus.CONVERGED, 1, 1,
                1, 1, 0.0, Long.MAX_VALUE, 0);
        SbgModel model = new SbgModel(Double.MIN_VALUE, Double.MAX_VALUE, java.util.Optional.of(report));
        SbgModel back = MAPPER.readValue(MAPPER.writeValueAsString(model), SbgModel.class);
        assertEquals(model, back);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.report().orElseThrow()
                .logLikelihood()));
    }

    private static void assertFails(String prefix, String json, Class<?> type) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> MAPPER.readValue(json, type));
        assertTrue(e.getOriginalMessage().startsWith(prefix),
                () -> "expected '" + prefix + "' but was '" + e.getOriginalMessage() + "'");
    }
}
