package dev.kizuna.examples.stumps;

import dev.kizuna.core.Portfolio;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.outcome.Labels;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.sample.DemoPortfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Period;

/**
 * The demo portfolio (cs-core's {@link DemoPortfolio}, 2,000 accounts over 36 months), its churn, and how
 * {@code demo-stumps.json} is fitted from them.
 */
final class DemoData {
    /** The resource, beside {@link StumpsModel}. */
    static final String RESOURCE = "demo-stumps.json";
    /** The resource's file in the source tree, from the module's directory (where surefire runs). */
    static final Path SOURCE = Path.of("src/main/resources/dev/kizuna/examples/stumps", RESOURCE);
    /** The horizon of the demo's own backtest (examples' DemoSummary): churn within 3 months of each snapshot. */
    static final Period HORIZON = Period.ofMonths(3);

    private static Portfolio portfolio;

    private DemoData() {
    }

    /** Returns the default demo portfolio, generated once. */
    static synchronized Portfolio portfolio() {
        if (portfolio == null) {
            portfolio = DemoPortfolio.generate();
        }
        return portfolio;
    }

    /** Returns the backtest the demo runs: a 3-month horizon, outcomes observed until the portfolio's day. */
    static Backtest backtest(Portfolio p) {
        return Backtest.builder(HORIZON).observedUntil(p.asOf()).build();
    }

    /** Returns the monthly snapshots labelled with churn within the horizon. */
    static Labels labels(Portfolio p) {
        return backtest(p).labelling().label(SignalFrame.of(p.signals()), Outcome.churnsOf(p.subscriptionEvents()));
    }

    /** Returns the booster that fitted {@code demo-stumps.json}. */
    static StumpBooster booster() {
        return StumpBooster.builder(ModelId.of("demo-stumps", "1")).rounds(200).learningRate(0.1).candidates(32)
                .l2(1).minimumLeafRows(50).build();
    }

    /** Returns the text of the shipped resource. */
    static String resource() {
        try (InputStream in = StumpsModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
