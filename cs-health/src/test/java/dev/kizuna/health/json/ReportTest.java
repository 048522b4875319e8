package dev.kizuna.health.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.kit.Samples;
import dev.kizuna.health.override.OverrideLog;
import dev.kizuna.health.override.ScoreOverride;
import dev.kizuna.health.rollup.BandDistribution;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.kizuna.health.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {
    private final HealthModels models = HealthModels.load();
    private final HealthModel model = models.create(models.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON));
    private final List<SignalSnapshot> portfolio = Samples.portfolio(NOW, 60);

    private List<HealthScore> scores() {
        List<HealthScore> scores = new ArrayList<>();
        for (SignalSnapshot s : portfolio) {
            scores.add(model.score(s, NOW));
        }
        scores.add(HealthScore.insufficient(AccountId.of("zz-unknown"), ModelId.of("m", "1"), NOW, NOW, "no data", 0,
                List.of()));
        return scores;
    }

    @Test
    void distributionCountsEveryBandAndInsufficientData() {
        BandDistribution d = BandDistribution.of(scores(), BandScheme.standard());
        assertEquals(List.of("red", "yellow", "green"), List.copyOf(d.counts().keySet()));
        assertEquals(61, d.total());
        assertEquals(1, d.insufficient());
        assertEquals(60, d.counts().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(d.toString().endsWith(", insufficient data 1"), d.toString());
    }

    @Test
    void riskiestAreTheLowestValuesThenInsufficientData() {
        List<HealthScore> all = scores();
        List<HealthScore> riskiest = BandDistribution.riskiest(all, 10);
        assertEquals(10, riskiest.size());
        for (int i = 1; i < riskiest.size(); i++) {
            assertTrue(riskiest.get(i - 1).value().getAsDouble() <= riskiest.get(i).value().getAsDouble());
        }
        List<HealthScore> everything = BandDistribution.riskiest(all, 100);
        assertFalse(everything.get(everything.size() - 1).isScored(), "insufficient data sorts last");
    }

    @Test
    void explanationJsonCarriesScoreLeversAndReason() {
        Explanation e = model.explain(portfolio.get(3), NOW);
        ObjectNode json = HealthJson.explanation(e);
        assertEquals(e.score().account().value(), json.get("account").textValue());
        assertEquals("saas-health", json.get("model").get("id").textValue());
        assertEquals(e.score().value().getAsDouble(), json.get("value").doubleValue());
        assertEquals(12, json.get("contributions").size() - (e.score().contribution("escalation").isPresent() ? 1 : 0));
        assertEquals(e.reason(), json.get("reason").textValue());
        assertEquals(e.levers().size(), json.get("levers").size());
    }

    @Test
    void effectiveJsonShowsOriginalAndOverride() {
        HealthScore score = model.score(portfolio.get(0), NOW);
        OverrideLog log = OverrideLog.empty().set(ScoreOverride.ofBand("o1", score.account(), "green", "kim",
                "renewed", NOW, NOW.plus(Duration.ofDays(30))));
        ObjectNode json = HealthJson.effective(log.apply(score, model.bands(), NOW));
        assertEquals("green", json.get("effectiveBand").textValue());
        assertEquals("kim", json.get("override").get("author").textValue());
        assertEquals(score.band().orElseThrow().name(), json.get("band").textValue());
    }
}
