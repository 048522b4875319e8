package dev.kizuna.examples.stumps;

import dev.kizuna.core.sample.Portfolio;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.definition.DefinitionFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

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
    void theDemoModelSeparatesChurnersWellAboveChance() {
        Portfolio demo = DemoData.portfolio();
        HealthModels models = HealthModels.load();
        BacktestReport report = DemoData.backtest(demo).run(
                models.create(models.read(DemoData.resource(), DefinitionFormat.JSON)), demo.signals(),
                DemoData.churn(demo.subscriptionEvents()));
        System.out.println("demo-stumps on the demo: " + report.rocAuc());
        assertTrue(report.rocAuc().lower() > 0.6, report.rocAuc().toString());
    }

    /** Where the source tree keeps the resource, for the tool test. */
    static Path source() {
        return DemoData.SOURCE.toAbsolutePath();
    }
}
