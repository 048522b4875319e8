package dev.kizuna.examples.cli.report;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.examples.cli.KizunaCommand;
import dev.kizuna.examples.cli.ScoreCommand;
import dev.kizuna.examples.cli.demo.DemoScorecard;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.rollup.BandDistribution;
import dev.kizuna.health.rollup.ChildHealth;
import dev.kizuna.health.rollup.ParentHealth;
import dev.kizuna.health.rollup.Rollup;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthSummaryTest {
    private static final Portfolio PORTFOLIO = DemoPortfolio.builder().accounts(600).build();

    @Test
    void currentCustomersAreScoredWithTheDemoScorecardAsOfTheNewestSnapshot() {
        HealthSummary.Results r = new HealthSummary(PORTFOLIO).results();
        HealthModel model = DemoScorecard.model();
        Instant newest = PORTFOLIO.signals().get(PORTFOLIO.signals().size() - 1).at();
        assertEquals(newest, r.asOf());
        int current = 0;
        for (SignalSnapshot s : PORTFOLIO.latestSignals()) {
            if (s.at().equals(newest)) {
                current++;
                assertEquals(model.explain(s, newest), r.explanations().get(s.account()));
            } else {
                assertFalse(r.explanations().containsKey(s.account()), s.account() + " is no longer a customer");
            }
        }
        assertEquals(current, r.explanations().size());
        assertEquals(BandDistribution.of(r.explanations().values().stream().map(Explanation::score).toList(),
                model.bands()), r.distribution());
    }

    @Test
    void theRiskiestAreTheTenLowestScores() {
        HealthSummary.Results r = new HealthSummary(PORTFOLIO).results();
        List<Explanation> all = new ArrayList<>(r.explanations().values());
        assertEquals(BandDistribution.riskiest(all.stream().map(Explanation::score).toList(), HealthSummary.RISKIEST),
                r.riskiest().stream().map(Explanation::score).toList());
    }

    @Test
    void parentsRollUpTheirCurrentChildrenWeightedByArr() {
        HealthSummary.Results r = new HealthSummary(PORTFOLIO).results();
        assertFalse(r.parents().isEmpty(), "the demo has parents with current children");
        Map<AccountId, Account> accounts = PORTFOLIO.accountsById();
        Map<AccountId, SignalSnapshot> latest = ScoreCommand.latest(PORTFOLIO.signals(), java.util.Optional.empty());
        for (ParentHealth p : r.parents()) {
            List<ChildHealth> children = new ArrayList<>();
            for (Account a : PORTFOLIO.accounts()) {
                Explanation e = r.explanations().get(a.id());
                if (a.parent().equals(java.util.Optional.of(p.parent())) && e != null) {
                    children.add(ChildHealth.of(e.score(),
                            12 * latest.get(a.id()).value(SignalName.COMMERCIAL_MRR).orElse(0)));
                }
            }
            assertEquals(Rollup.of(p.parent(), children), p);
            assertTrue(accounts.containsKey(p.parent()));
        }
        for (int i = 1; i < r.parents().size(); i++) {
            assertTrue(r.parents().get(i - 1).arrWeighted().orElse(101)
                    <= r.parents().get(i).arrWeighted().orElse(101), "riskiest parents first");
        }
    }

    @Test
    void demoPrintsTheHealthSection(@TempDir Path dir) {
        CommandLine cli = KizunaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("demo", "-q", "--accounts", "300", "--report", dir.resolve("r.html").toString()));
        String text = out.toString();
        assertTrue(text.contains("current customers' latest snapshots, scored by the demo scorecard (demo-health@1)"),
                text);
        assertTrue(text.contains("The 10 riskiest accounts"), text);
        assertTrue(text.contains("Parents' health rolled up from their children"), text);
    }
}
