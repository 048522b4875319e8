package dev.kizuna.health.fit;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fitted model declares every custom signal it reads, with a domain inferred from the training values, so that it
 * reads back from its written form (an undeclared custom signal would be an error) and a scored value outside what
 * it was trained on is rejected.
 */
class FitDeclarationsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final SignalName FLAG = SignalName.of("custom.has_sponsor");
    private static final SignalName COUNT = SignalName.of("custom.seats");
    private static final SignalName AMOUNT = SignalName.of("custom.spend");
    private static final SignalName CHANGE = SignalName.of("custom.change");
    private static final HealthModels MODELS = HealthModels.load();

    @Test
    void theFittedModelDeclaresEachCustomSignalWithItsInferredDomain() {
        int n = 400;
        SplittableRandom random = new SplittableRandom(7);
        double[] flag = new double[n];
        double[] count = new double[n];
        double[] amount = new double[n];
        double[] change = new double[n];
        double[] nps = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            flag[i] = random.nextInt(2);
            count[i] = random.nextInt(50);
            amount[i] = random.nextDouble() * 1000;
            change[i] = random.nextDouble() * 2 - 1;
            nps[i] = random.nextInt(201) - 100;
            event[i] = random.nextDouble() < 1 / (1 + Math.exp(-(flag[i] - count[i] / 25 + change[i])));
        }
        amount[3] = Double.NaN;
        SignalFrame frame = SignalFrame.builder(n, NOW).column(FLAG, flag).column(COUNT, count).column(AMOUNT, amount)
                .column(CHANGE, change).column(SignalName.SENTIMENT_NPS, nps).build();
        LogisticFit fit = LogisticFitter.builder(ModelId.of("fit", "1")).l2(1)
                .missingInput(LogisticFitter.MissingInput.MEAN).build().fit(frame, event);
        LogisticDefinition model = fit.definition();
        assertEquals(Map.of(FLAG, SignalDomain.FLAG, COUNT, SignalDomain.COUNT, AMOUNT, SignalDomain.NON_NEGATIVE,
                CHANGE, SignalDomain.ANY), model.signals());
        assertEquals(SignalDomain.between(-100, 100), model.domainOf(SignalName.SENTIMENT_NPS));
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = MODELS.write(model, format);
            assertTrue(written.contains("custom.has_sponsor"), written);
            assertEquals(model, MODELS.read(written, format));
        }
        ScorecardDefinition card = ScorecardSuggestions.suggest(fit, frame, event, ModelId.of("card", "1"))
                .scorecard();
        for (SignalName s : card.inputs()) {
            assertEquals(model.domainOf(s), card.domainOf(s), s.value());
        }
        assertEquals(card, MODELS.read(MODELS.write(card, DefinitionFormat.YAML), DefinitionFormat.YAML));
    }

    @Test
    void theDomainIsTheNarrowestThatHoldsEveryTrainingValue() {
        assertEquals(SignalDomain.FLAG, InferredDomains.infer(new double[] {0, 1, 1, Double.NaN}));
        assertEquals(SignalDomain.COUNT, InferredDomains.infer(new double[] {0, 1, 2}));
        assertEquals(SignalDomain.NON_NEGATIVE, InferredDomains.infer(new double[] {0, 1.5}));
        assertEquals(SignalDomain.ANY, InferredDomains.infer(new double[] {-1, 1}));
        assertEquals(SignalDomain.ANY, InferredDomains.infer(new double[] {-0.5}));
    }

    @Test
    void aSignalADefinitionCannotHoldIsAFitError() {
        int n = 100;
        double[] huge = new double[n];
        double[] flat = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            huge[i] = 1e18 + i * 1e16;
            flat[i] = 1 + (i % 2) * 1e-12;
            event[i] = i % 3 == 0;
        }
        SignalFrame big = SignalFrame.builder(n, NOW).column(AMOUNT, huge).build();
        FitException e = assertThrows(FitException.class, () -> LogisticFitter.builder(ModelId.of("f", "1")).l2(1)
                .build().fit(big, event));
        assertTrue(e.getMessage().startsWith("signal custom.spend: its mean, "), e.getMessage());
        SignalFrame tiny = SignalFrame.builder(n, NOW).column(AMOUNT, flat).build();
        FitException t = assertThrows(FitException.class, () -> LogisticFitter.builder(ModelId.of("f", "1")).l2(1)
                .build().fit(tiny, event));
        assertTrue(t.getMessage().contains("it barely varies, leave it out"), t.getMessage());
    }
}
