package dev.kizuna.examples.stumps;

// README: stumps-fit BEGIN
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.stumps.StumpBooster;
import dev.kizuna.examples.stumps.StumpFit;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.outcome.Labels;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.health.batch.SignalFrame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
// README: stumps-fit END
// README: researchers-backtest BEGIN
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.examples.stumps.StumpBooster;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.ModelComparison;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.kit.Samples;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
// README: researchers-backtest END
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stumps README's fit snippet and the main README's backtest snippet for researchers, run as written. (The
 * compatibility kit snippet both READMEs show is {@link StumpsCompatibilityTest}; the module descriptor snippet is
 * {@code module-info.java}.)
 */
class StumpsReadmeTest {

    @Test
    void theFitSnippetFitsAndWritesADefinitionThatReadsBack() throws Exception {
        // README: stumps-fit BEGIN
        Portfolio demo = DemoPortfolio.builder().accounts(600).build();   // snapshots and churn; yours: your history
        Labels labels = Backtest.builder(Period.ofMonths(3)).observedUntil(demo.asOf()).build()
                .labelling().label(SignalFrame.of(demo.signals()), Outcome.churnsOf(demo.subscriptionEvents()));
        StumpFit fit = StumpBooster.builder(ModelId.of("churn-stumps", "1")).rounds(200).learningRate(0.1).build()
                .fit(labels);
        Path file = Files.writeString(Files.createTempDirectory("kizuna").resolve("churn-stumps.json"),
                fit.definitionJson());
        // README: stumps-fit END

        assertEquals(200, fit.rounds());
        assertTrue(fit.rows() > 0 && fit.rows() <= labels.rows() && fit.events() > 0, fit.rows() + " rows fitted of "
                + labels.rows() + ", " + fit.events() + " churned");
        assertEquals(fit.definition(), HealthModels.load().read(file));
        assertTrue(fit.trainingLoss().get(fit.trainingLoss().size() - 1) < fit.trainingLoss().get(0),
                "boosting lowers the training loss");
    }

    @Test
    void theResearchersSnippetBacktestsAndComparesModels() {
        // README: researchers-backtest BEGIN
        Portfolio demo = DemoPortfolio.builder().accounts(600).build();        // synthetic; yours: your history
        List<SignalSnapshot> history = demo.signals();                         // each account's monthly signals
        List<Outcome> outcomes = Outcome.churnsOf(demo.subscriptionEvents());  // each time an account's last
                                                                               // subscription ends
        Backtest backtest = Backtest.builder(Period.ofMonths(3)).observedUntil(LocalDate.of(2026, 1, 1)).build();

        HealthModels models = HealthModels.load();
        HealthModel scorecard = models.create(models.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON));
        HealthModel myModel = models.create(StumpBooster.builder(ModelId.of("churn-stumps", "1")).build()
                .fit(backtest.labelling().label(SignalFrame.of(history), outcomes)).definition());   // in sample, for brevity
        BacktestReport mine = backtest.run(myModel, history, outcomes);   // ROC and PR AUC with bootstrap intervals,
                                                                          // Brier, calibration, lift, churn per band
        ModelComparison duel = backtest.compare(List.of(scorecard, myModel), history, outcomes);
        duel.pairs().get(0).deLong();                                     // paired DeLong test of the AUC difference
        // README: researchers-backtest END

        assertTrue(mine.rocAuc().lower() > 0.6, "the fitted stumps rank churners: " + mine.rocAuc());
        assertEquals(2, duel.reports().size());
        assertEquals(mine.rocAuc().value(), duel.reports().get(1).rocAuc().value(), "the comparison scores the same"
                + " snapshots");
        double p = duel.pairs().get(0).deLong().pValue();
        assertTrue(p >= 0 && p <= 1, "p = " + p);
    }
}
