package dev.kizuna.examples.backend;

// README: backend-embedded BEGIN
import dev.kizuna.examples.backend.KizunaService;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.playbooks.starter.StarterPlaybooks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
// README: backend-embedded END
import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The backend-service README's "Embedded in your own program" snippet, run as written, with a request between. */
class ReadmeSnippetTest {

    @Test
    void theEmbeddedServiceScoresWithTheModelItWasGiven() throws Exception {
        // README: backend-embedded BEGIN
        HealthModel myModel = HealthModels.load().create(Path.of("../scorecard.yaml"));   // cs-health's README one
        KizunaService service = KizunaService.builder(myModel, StarterPlaybooks.ruleSet())
                .port(0).threads(8).maxRequestBytes(4 << 20)
                .requestTimeout(Duration.ofSeconds(10)).responseTimeout(Duration.ofSeconds(10)).build();
        service.start();
        URI base = service.uri();          // http://127.0.0.1:<port>/
        // README: backend-embedded END
        try {
            assertEquals("http", base.getScheme());
            assertEquals("127.0.0.1", base.getHost());
            SignalSnapshot acme = SignalSnapshot.builder(AccountId.of("acme"), Instant.parse("2026-01-01T00:00:00Z"))
                    .put(SignalName.ENGAGEMENT_LICENCE_UTILISATION, 0.9).put(SignalName.ENGAGEMENT_DAU_MAU, 0.4)
                    .put(SignalName.SENTIMENT_NPS, 20).put(SignalName.SUPPORT_OPEN_TICKETS, 1)
                    .put(SignalName.SUPPORT_ESCALATED_TICKETS, 1).build();
            ServiceClient.Answer answer = new ServiceClient(base).post("/v1/score",
                    LibraryResults.KIZUNA.<com.fasterxml.jackson.databind.JsonNode>valueToTree(acme));
            assertEquals(200, answer.status(), answer.text());
            assertEquals("smb-health", answer.json().path("model").path("id").asText(), answer.text());
            assertEquals(40.0, answer.json().path("scores").path(0).path("value").asDouble(), answer.text());
        } finally {
            // README: backend-embedded BEGIN
            service.stop(Duration.ofSeconds(5));
            // README: backend-embedded END
        }
    }
}
