package dev.kizuna.examples;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cs-health/README.md's "Health scores" section, kept true: its scorecard reads, and its snippet runs as written. */
class HealthReadmeTest {

    /** Returns the first YAML block of cs-health/README.md's "Health scores" section. */
    private static String readmeScorecard() throws Exception {
        String readme = Files.readString(Path.of("..", "cs-health", "README.md"));
        int section = readme.indexOf("## Health scores");
        assertTrue(section >= 0, "cs-health/README.md has a Health scores section");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theReadmeScorecardReadsAsWritten() throws Exception {
        HealthModels models = HealthModels.load();
        ScorecardDefinition card = (ScorecardDefinition) models.read(readmeScorecard(), DefinitionFormat.YAML);
        assertEquals("smb-health@3", card.id().toString());
        assertEquals(5, card.allMeasures().size());
        assertEquals(1, card.caps().size());
        assertEquals(0.6, card.minimumCompleteness());
    }

    @Test
    void theReadmeSnippetRunsAsWritten() throws Exception {
        Path file = Files.writeString(Files.createTempDirectory("kizuna-readme").resolve("scorecard.yaml"),
                readmeScorecard());
        SignalSnapshot snapshot = SignalSnapshot.builder(AccountId.of("acme"), Instant.parse("2026-01-01T00:00:00Z"))
                .put("engagement.licence_utilisation", 0.9).put("engagement.dau_mau", 0.4).put("sentiment.nps", 20)
                .put("support.open_tickets", 1).put("support.escalated_tickets", 1).build();

        HealthModels models = HealthModels.load();
        HealthModel model = models.create(file);
        Explanation why = model.explain(snapshot, Instant.now());

        // By hand: engagement (2·95 + 75)/3, sentiment 60, support (2·60 + 50)/3 (the escalated ticket is one of the
        // open ones), weighted 30:20:15, is 4700/65 = 72.31; the open escalation caps it at 40, a contribution of
        // 40 - 72.31 = -32.31.
        assertEquals("40.00 red", why.score().summary());
        assertEquals(-32.31, why.score().contribution("escalation").orElseThrow().points());
        assertEquals("escalation", why.pullingDown().get(0).id(), "a binding cap pulls down first");
        assertTrue(why.reason().startsWith("red 40.00: pulled down by cap 'open escalation' (-32.31)"), why.reason());
        for (var lever : why.levers()) {
            // Only clearing the escalation lifts the cap; every other input is held at 40 by it.
            assertEquals(lever.input().equals("escalations"), lever.isReachable(), lever.describe());
        }
    }
}
