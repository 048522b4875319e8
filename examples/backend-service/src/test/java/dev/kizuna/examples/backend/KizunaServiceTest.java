package dev.kizuna.examples.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModel;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.engine.PortfolioContexts;
import dev.kizuna.playbooks.starter.StarterPlaybooks;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.kizuna.examples.backend.LibraryResults.assertMetrics;
import static dev.kizuna.examples.backend.LibraryResults.assertPlays;
import static dev.kizuna.examples.backend.LibraryResults.assertScores;
import static dev.kizuna.examples.backend.LibraryResults.metricsRequest;
import static dev.kizuna.examples.backend.LibraryResults.playsRequest;
import static dev.kizuna.examples.backend.LibraryResults.scoreRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's answers equal what the library computes directly on the same inputs: the demo portfolio's scores
 * (the demo scorecard), the starter playbooks' actions and the MRR ledger's period figures; also under concurrent
 * load.
 */
class KizunaServiceTest {
    private static Portfolio portfolio;
    private static HealthModel model;
    private static PlaybookEngine engine;
    private static List<EvaluationContext> contexts;
    private static MrrLedger ledger;
    private static KizunaService service;
    private static ServiceClient client;

    @BeforeAll
    static void start() throws IOException {
        portfolio = DemoPortfolio.builder().accounts(120).build();
        model = KizunaService.demoScorecard();
        engine = PlaybookEngine.builder(StarterPlaybooks.ruleSet()).build();
        contexts = PortfolioContexts.builder(portfolio).health(s -> model.score(s, s.at())).build();
        ledger = MrrLedger.build(portfolio.subscriptionEvents());
        service = KizunaService.builder(model, StarterPlaybooks.ruleSet()).port(0).threads(4).build();
        service.start();
        client = new ServiceClient(service.uri());
    }

    @AfterAll
    static void stop() {
        service.stop(Duration.ofSeconds(1));
    }

    @Test
    void healthAnswersUp() {
        ServiceClient.Answer answer = client.get("/health");
        assertEquals(200, answer.status());
        assertEquals("up", answer.json().get("status").asText());
        assertTrue(answer.response().headers().firstValue("Content-Type").orElseThrow()
                .startsWith("application/json"));
    }

    @Test
    void scoresOfTheDemoAccountsEqualTheModelsScores() {
        List<SignalSnapshot> latest = portfolio.latestSignals();
        assertTrue(latest.size() > 50, "the demo portfolio has accounts to score");
        ServiceClient.Answer answer = client.post("/v1/score", scoreRequest(latest));
        assertScores(answer, latest, model);
        Set<String> bands = new java.util.HashSet<>();
        answer.json().get("scores").forEach(s -> bands.add(s.path("band").asText("-")));
        assertTrue(bands.size() >= 2, "the demo accounts fall in several bands: " + bands);
    }

    @Test
    void aSingleSnapshotIsScoredOnItsOwn() {
        SignalSnapshot s = portfolio.latestSignals().get(3);
        ServiceClient.Answer answer = client.post("/v1/score", LibraryResults.KIZUNA.<JsonNode>valueToTree(s));
        assertScores(answer, List.of(s), model);
    }

    @Test
    void computedAtIsTheInstantScoresAreRecordedAt() {
        SignalSnapshot s = portfolio.latestSignals().get(0);
        ObjectNode body = scoreRequest(List.of(s));
        body.put("computedAt", "2030-01-01T00:00:00Z");
        ServiceClient.Answer answer = client.post("/v1/score", body);
        assertEquals(200, answer.status(), answer.text());
        JsonNode score = answer.json().at("/scores/0");
        assertEquals("2030-01-01T00:00:00Z", score.get("computedAt").asText());
        assertEquals(s.at().toString(), score.get("inputsAt").asText());
        assertEquals(model.score(s, Instant.parse("2030-01-01T00:00:00Z")).value().getAsDouble(),
                score.get("value").doubleValue());
    }

    @Test
    void playsOfTheDemoAccountsEqualTheEnginesDryRun() {
        assertTrue(contexts.size() > 30, "the demo portfolio has current customers");
        int actions = 0;
        // Batches keep each body under the 1 MiB cap: every account carries its whole signal history.
        for (int from = 0; from < contexts.size(); from += 15) {
            List<EvaluationContext> batch = contexts.subList(from, Math.min(contexts.size(), from + 15));
            actions += assertPlays(client.post("/v1/plays", playsRequest(batch)), batch, engine);
        }
        assertTrue(actions > 0, "the starter playbooks recommend something for the demo portfolio");
    }

    @Test
    void metricsOfEachMonthEqualTheLedgersFigures() {
        List<SubscriptionEvent> events = portfolio.subscriptionEvents();
        for (YearMonth month = YearMonth.of(2023, 6); !month.isAfter(YearMonth.of(2025, 12)); month = month.plusMonths(7)) {
            ObjectNode body = metricsRequest(events);
            body.put("month", month.toString());
            assertMetrics(client.post("/v1/metrics", body), ledger,
                    DateRange.inclusive(month.atDay(1), month.atEndOfMonth()));
        }
    }

    @Test
    void metricsOfASpanOfDaysEqualTheLedgersFigures() {
        ObjectNode body = metricsRequest(portfolio.subscriptionEvents());
        body.put("from", "2024-01-15").put("to", "2024-07-14");
        ServiceClient.Answer answer = client.post("/v1/metrics", body);
        assertMetrics(answer, ledger, DateRange.inclusive(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 7, 14)));
        assertTrue(answer.json().at("/movements/new").asLong() > 0, "the demo portfolio wins customers");
        assertTrue(answer.json().at("/logoChurn/lost").asLong() > 0, "and loses some");
    }

    @Test
    void eightThreadsOfMixedRequestsAllGetTheLibrarysAnswers() throws Exception {
        List<SignalSnapshot> snapshots = portfolio.latestSignals().subList(0, 6);
        List<EvaluationContext> someContexts = contexts.subList(0, 4);
        Set<AccountId> few = portfolio.accounts().stream().limit(30).map(a -> a.id()).collect(Collectors.toSet());
        List<SubscriptionEvent> fewEvents = portfolio.subscriptionEvents().stream()
                .filter(e -> few.contains(e.account())).toList();
        MrrLedger fewLedger = MrrLedger.build(fewEvents);
        DateRange march = DateRange.inclusive(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        ObjectNode metrics = metricsRequest(fewEvents).put("month", "2024-03");
        ObjectNode score = scoreRequest(snapshots);
        ObjectNode plays = playsRequest(someContexts);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        switch ((thread + i) % 4) {
                            case 0 -> assertScores(client.post("/v1/score", score), snapshots, model);
                            case 1 -> assertPlays(client.post("/v1/plays", plays), someContexts, engine);
                            case 2 -> assertMetrics(client.post("/v1/metrics", metrics), fewLedger, march);
                            default -> assertEquals(200, client.get("/health").status());
                        }
                    }
                    return 50;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            assertEquals(400, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
