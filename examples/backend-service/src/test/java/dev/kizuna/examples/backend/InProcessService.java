package dev.kizuna.examples.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kizuna.playbooks.starter.StarterPlaybooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The service's handler driven in process, without sockets: the demo scorecard and the starter playbooks. */
final class InProcessService {
    private final ApiHandler handler;

    InProcessService(int maxRequestBytes) {
        handler = ApiHandler.create(KizunaService.demoScorecard(), StarterPlaybooks.ruleSet(), maxRequestBytes);
    }

    InProcessService() {
        this(KizunaService.DEFAULT_MAX_REQUEST_BYTES);
    }

    /** An answer: its status and JSON body. */
    record Reply(int status, JsonNode json) {
        String error() {
            return json.path("error").asText();
        }

        String path() {
            return json.path("path").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + json;
        }
    }

    Reply post(String endpoint, String body) {
        return post(endpoint, body.getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String endpoint, byte[] body) {
        try {
            ApiHandler.Answer a = handler.answer("POST", endpoint, "application/json", () -> body, "in-process");
            return new Reply(a.status(), a.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
