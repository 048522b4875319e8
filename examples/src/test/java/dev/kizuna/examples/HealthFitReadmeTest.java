package dev.kizuna.examples;

// README: health-fit BEGIN
import dev.kizuna.core.Portfolio;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.fit.LogisticFit;
import dev.kizuna.health.fit.LogisticFitter;
import dev.kizuna.health.outcome.Labelling;
import dev.kizuna.health.outcome.Labels;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.sample.DemoPortfolio;

import java.time.Period;
// README: health-fit END
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cs-health README's fit snippet, run as written. */
class HealthFitReadmeTest {

    @Test
    void theFitSnippetLabelsTheDemoAndFitsALogisticModel() {
        // README: health-fit BEGIN
        Portfolio demo = DemoPortfolio.builder().accounts(600).build();  // synthetic; yours: your snapshots and outcomes
        Labels labels = Labelling.churnWithin(Period.ofDays(90)).withObservedUntil(demo.asOf())
                .label(SignalFrame.of(demo.signals()), Outcome.churnsOf(demo.subscriptionEvents()));
        LogisticFit fit = LogisticFitter.builder(ModelId.of("churn", "2026-06")).l2(1.0).build().fit(labels);
        // README: health-fit END
        assertTrue(fit.rows() > 0 && fit.events() > 0, fit.rows() + " rows, " + fit.events() + " churned");
        assertTrue(fit.logLikelihood() > fit.nullLogLikelihood(), "the signals explain some of the churn");
        assertEquals(ModelId.of("churn", "2026-06"), fit.definition().id());
    }
}
