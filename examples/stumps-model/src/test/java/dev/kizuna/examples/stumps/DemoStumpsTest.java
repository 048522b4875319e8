package dev.kizuna.examples.stumps;

import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.demo.DemoScorecard;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.backtest.Estimate;
import dev.kizuna.health.backtest.ModelComparison;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.outcome.Outcome;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code demo-stumps.json} is exactly what {@link StumpBooster} fits on the demo portfolio. To write it again after
 * changing the booster, run this test with {@code -Dstumps.regenerate=true}:
 * <pre>
 * ./mvnw -B -o -pl examples/stumps-model -am verify -Dstumps.regenerate=true -Dtest=DemoStumpsTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class DemoStumpsTest {

    @Test
    void theShippedDefinitionIsWhatTheBoosterFitsOnTheDemo() throws Exception {
        Portfolio demo = DemoData.portfolio();
        StumpFit fit = DemoData.booster().fit(DemoData.labels(demo));
        String fitted = fit.definitionJson();
        if (Boolean.getBoolean("stumps.regenerate")) {
            Files.writeString(DemoData.SOURCE, fitted);
        }
        assertEquals(fitted, DemoData.resource(), "demo-stumps.json differs from the fit; regenerate it (see the"
                + " class comment)");
        // The resource reads back, through discovery, to the fitted definition.
        assertEquals(fit.definition(), HealthModels.load().read(DemoData.resource(), DefinitionFormat.JSON));
    }

    @Test
    void onTheDemoTheFitRanksChurnersAtLeastAsWellAsTheDemoScorecard() throws Exception {
        Portfolio demo = DemoData.portfolio();
        HealthModels models = HealthModels.load();
        HealthModel stumps = models.create(models.read(DemoData.resource(), DefinitionFormat.JSON));
        // The scorecard the kizuna tool's demo backtests (examples, dev/kizuna/examples/cli/demo/demo-scorecard.yaml).
        String yaml;
        try (InputStream in = DemoScorecard.class.getResourceAsStream("demo-scorecard.yaml")) {
            yaml = new String(Objects.requireNonNull(in, "demo-scorecard.yaml").readAllBytes(), StandardCharsets.UTF_8);
        }
        HealthModel scorecard = models.create(models.read(yaml, DefinitionFormat.YAML));
        ModelComparison comparison = DemoData.backtest(demo).compare(List.of(stumps, scorecard), demo.signals(),
                Outcome.churnsOf(demo.subscriptionEvents()));
        Estimate fitted = comparison.reports().get(0).rocAuc();
        Estimate card = comparison.reports().get(1).rocAuc();
        System.out.println("ROC AUC on the demo (in sample for the stumps): demo-stumps " + fitted
                + ", demo scorecard " + card + "; " + comparison.pairs().get(0));
        assertTrue(fitted.lower() > 0.6, fitted.toString());
        assertTrue(fitted.value() >= card.value(), fitted + " < " + card);
    }

    /** Where the source tree keeps the resource, for the tool test. */
    static Path source() {
        return DemoData.SOURCE.toAbsolutePath();
    }
}
