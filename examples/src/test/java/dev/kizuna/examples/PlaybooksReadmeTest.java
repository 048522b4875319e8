package dev.kizuna.examples;

// README: playbooks-engine BEGIN
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.engine.PortfolioContexts;
import dev.kizuna.playbooks.evaluation.Trace;
import dev.kizuna.playbooks.starter.StarterPlaybooks;

import java.nio.file.Path;
import java.util.List;
// README: playbooks-engine END
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cs-playbooks/README.md's engine snippet, run as written on the demo portfolio and cs-health's README scorecard. */
class PlaybooksReadmeTest {

    @Test
    void theEngineSnippetRecommendsActionsAndExplainsThem() {
        // README: playbooks-engine BEGIN
        Portfolio portfolio = DemoPortfolio.builder().accounts(200).build();      // accounts, events and signals
        HealthModel model = HealthModels.load().create(Path.of("scorecard.yaml")); // cs-health's README scorecard

        PlaybookEngine engine = PlaybookEngine.builder(StarterPlaybooks.ruleSet()).trace(false).build();
        List<EvaluationContext> contexts = PortfolioContexts.builder(portfolio)
                .health(snapshot -> model.score(snapshot, snapshot.at())).build();
        List<Evaluation> evaluations = engine.dryRunAll(contexts);      // or evaluateAll to record firings
        Trace why = engine.explain(contexts.get(0));                    // every rule and condition, value vs threshold
        // README: playbooks-engine END

        assertEquals(contexts.size(), evaluations.size());
        assertTrue(evaluations.stream().allMatch(Evaluation::dryRun));
        assertTrue(evaluations.stream().mapToInt(e -> e.actions().size()).sum() > 0, "the starter playbooks fire");
        assertEquals(contexts.get(0).account().id(), why.account());
        assertFalse(why.rules().isEmpty(), "the trace lists every rule");
    }
}
