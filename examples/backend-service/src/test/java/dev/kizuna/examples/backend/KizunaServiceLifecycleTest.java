package dev.kizuna.examples.backend;

import dev.kizuna.health.HealthModel;
import dev.kizuna.playbooks.starter.StarterPlaybooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting, stopping and configuring a service. */
class KizunaServiceLifecycleTest {
    private static HealthModel model;

    @BeforeAll
    static void load() {
        model = KizunaService.demoScorecard();
    }

    @Test
    void aServiceStartsOnceAndStopsGracefully() throws IOException {
        KizunaService service = KizunaService.builder(model, StarterPlaybooks.ruleSet()).port(0).threads(1).build();
        assertThrows(IllegalStateException.class, service::port, "not running yet");
        service.start();
        int port = service.port();
        assertTrue(port > 0, "port 0 binds an ephemeral port");
        assertEquals("http://127.0.0.1:" + port + "/", service.uri().toString());
        assertThrows(IllegalStateException.class, service::start);
        service.stop(Duration.ofSeconds(1));
        assertThrows(IllegalStateException.class, service::port);
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        service.stop();
        assertThrows(IllegalStateException.class, service::start, "a stopped service does not start again");
    }

    @Test
    void aHostsExecutorRunsTheRequestsAndOutlivesTheService() throws IOException {
        ExecutorService host = Executors.newFixedThreadPool(2);
        try {
            KizunaService service = KizunaService.builder(model, StarterPlaybooks.ruleSet()).port(0).executor(host)
                    .build();
            service.start();
            assertEquals(200, new ServiceClient(service.uri()).get("/health").status());
            service.stop(Duration.ZERO);
            assertFalse(host.isShutdown());
        } finally {
            host.shutdownNow();
        }
    }

    @Test
    void theBuilderRejectsBadSettingsNamingThem() {
        KizunaService.Builder b = KizunaService.builder(model, StarterPlaybooks.ruleSet());
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, () -> b.port(70_000));
        assertEquals("port: 70000 must be between 0 and 65535", port.getMessage());
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class, () -> b.threads(0));
        assertEquals("threads: 0 must be between 1 and 1024", threads.getMessage());
        IllegalArgumentException max = assertThrows(IllegalArgumentException.class, () -> b.maxRequestBytes(0));
        assertTrue(max.getMessage().startsWith("maxRequestBytes: 0 must be between 1 and "), max.getMessage());
        IllegalArgumentException request = assertThrows(IllegalArgumentException.class,
                () -> b.requestTimeout(Duration.ZERO));
        assertEquals("requestTimeout: PT0S must be between 1 ms and PT1H", request.getMessage());
        IllegalArgumentException response = assertThrows(IllegalArgumentException.class,
                () -> b.responseTimeout(Duration.ofDays(1)));
        assertEquals("responseTimeout: PT24H must be between 1 ms and PT1H", response.getMessage());
        KizunaService service = b.build();
        IllegalArgumentException grace = assertThrows(IllegalArgumentException.class,
                () -> service.stop(Duration.ofSeconds(-1)));
        assertEquals("grace: PT-1S must not be negative", grace.getMessage());
    }

    @Test
    void theDemoScorecardIsTheOneTheCommandLineToolUses() throws IOException {
        // The copy beside KizunaService must not drift from examples' demo-scorecard.yaml.
        Path cli = Path.of("../src/main/resources/dev/kizuna/examples/cli/demo/demo-scorecard.yaml");
        Path here = Path.of("src/main/resources/dev/kizuna/examples/backend/demo-scorecard.yaml");
        assertEquals(Files.readString(cli), Files.readString(here));
        assertEquals("demo-health", model.id().id());
    }
}
