package dev.kizuna.metrics.clv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.metrics.json.ClvJsonModule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every model, with or without a fit report, survives a JSON round trip unchanged. */
class ClvJsonProperties {
    private static final ObjectMapper MAPPER = KizunaJson.newObjectMapper().registerModule(new ClvJsonModule());

    @Provide
    Arbitrary<Optional<FitReport>> reports() {
        Arbitrary<Double> positive = Arbitraries.doubles().between(-20, 13).map(Math::exp);
        Arbitrary<FitReport> report = Combinators.combine(
                Arbitraries.doubles().between(-1e7, 0), positive, Arbitraries.of(FitStatus.class),
                Arbitraries.integers().between(1, 20), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 100_000), Arbitraries.longs().between(1, 10_000_000),
                Arbitraries.longs().between(0, 1_000_000)).as((ll, se, status, starts, iterations, evaluations, customers,
                        excluded) -> {
                    Map<String, Double> errors = new LinkedHashMap<>();
                    if (status == FitStatus.CONVERGED) {
                        errors.put("first", se);
                        errors.put("second", se / 3);
                    }
                    return new FitReport(ll, errors, status, starts, starts, iterations, evaluations, se / 1e9,
                            customers, excluded);
                });
        return report.optional();
    }

    @Provide
    Arbitrary<Double> parameters() {
        // exp of a uniform: doubles with every bit of the mantissa in use, from 1.5e-8 to 6.6e7
        return Arbitraries.doubles().between(-18, 18).map(Math::exp);
    }

    @Property
    void bgNbdRoundTrips(@ForAll("parameters") double r, @ForAll("parameters") double alpha,
                         @ForAll("parameters") double a, @ForAll("parameters") double b,
                         @ForAll("reports") Optional<FitReport> report) throws JsonProcessingException {
        BgNbdModel m = new BgNbdModel(r, alpha, a, b, report);
        assertEquals(m, MAPPER.readValue(MAPPER.writeValueAsString(m), BgNbdModel.class));
    }

    @Property
    void paretoNbdRoundTrips(@ForAll("parameters") double r, @ForAll("parameters") double alpha,
                             @ForAll("parameters") double s, @ForAll("parameters") double beta,
                             @ForAll("reports") Optional<FitReport> report) throws JsonProcessingException {
        ParetoNbdModel m = new ParetoNbdModel(r, alpha, s, beta, report);
        assertEquals(m, MAPPER.readValue(MAPPER.writeValueAsString(m), ParetoNbdModel.class));
    }

    @Property
    void gammaGammaRoundTrips(@ForAll("parameters") double p, @ForAll("parameters") double q,
                              @ForAll("parameters") double gamma, @ForAll("reports") Optional<FitReport> report)
            throws JsonProcessingException {
        GammaGammaModel m = new GammaGammaModel(p, q, gamma, report);
        assertEquals(m, MAPPER.readValue(MAPPER.writeValueAsString(m), GammaGammaModel.class));
    }

    @Property
    void sbgRoundTrips(@ForAll("parameters") double alpha, @ForAll("parameters") double beta,
                       @ForAll("reports") Optional<FitReport> report) throws JsonProcessingException {
        SbgModel m = new SbgModel(alpha, beta, report);
        assertEquals(m, MAPPER.readValue(MAPPER.writeValueAsString(m), SbgModel.class));
    }
}
