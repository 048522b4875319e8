package dev.kizuna.examples.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Account;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.outcome.Outcome;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz tests of the tool's CSV and JSON input readers, on bytes as a file would hold them. The contract: any input
 * either reads, or fails with the tool's {@link InputException} whose message names the file; anything else (a
 * NullPointerException, a DateTimeException, an UncheckedIOException, a StackOverflowError...) is a finding. What a
 * JSON reader accepts, written back with the tool's own JSON mapper (as {@code kizuna demo --out} writes), reads back
 * equal.
 *
 * <p>In the build they replay the committed inputs under {@code src/test/resources/dev/kizuna/examples/cli/
 * InputFilesFuzzTestInputs/<method>/} (the demo's and README's files, and every input that ever failed). To fuzz one
 * target for its {@code maxDuration}: {@code JAZZER_FUZZ=1 ./mvnw -B -o test -pl examples -am
 * -Dtest='InputFilesFuzzTest#signalsCsv' -Dsurefire.failIfNoSpecifiedTests=false}; see examples/README.md.
 */
class InputFilesFuzzTest {
    private static final ObjectMapper JSON = KizunaJson.newObjectMapper();

    @FuzzTest(maxDuration = "5m")
    void subscriptionEventsCsv(byte[] data) {
        readsOrFails("events.csv", () -> InputFiles.subscriptionEvents(InputFile.of("events.csv", data)));
    }

    @FuzzTest(maxDuration = "5m")
    void subscriptionEventsJson(byte[] data) {
        readsOrFails("events.json", () -> InputFiles.subscriptionEvents(InputFile.of("events.json", data)))
                .ifPresent(rows -> readsBackEqual(rows.values(), SubscriptionEvent.class));
    }

    @FuzzTest(maxDuration = "5m")
    void surveysCsv(byte[] data) {
        readsOrFails("surveys.csv", () -> InputFiles.surveys(InputFile.of("surveys.csv", data)));
    }

    @FuzzTest(maxDuration = "5m")
    void surveysJson(byte[] data) {
        readsOrFails("surveys.json", () -> InputFiles.surveys(InputFile.of("surveys.json", data)))
                .ifPresent(rows -> readsBackEqual(rows.values(), SurveyResponse.class));
    }

    @FuzzTest(maxDuration = "5m")
    void usageCsv(byte[] data) {
        readsOrFails("usage.csv", () -> InputFiles.usage(InputFile.of("usage.csv", data)));
    }

    @FuzzTest(maxDuration = "5m")
    void usageJson(byte[] data) {
        readsOrFails("usage.json", () -> InputFiles.usage(InputFile.of("usage.json", data)))
                .ifPresent(rows -> readsBackEqual(rows.values(), UsageRecord.class));
    }

    @FuzzTest(maxDuration = "5m")
    void signalsCsv(byte[] data) {
        readsOrFails("signals.csv", () -> InputFiles.signals(InputFile.of("signals.csv", data)))
                .ifPresent(InputFilesFuzzTest::rejectionsAreLocated);
    }

    @FuzzTest(maxDuration = "5m")
    void signalsJson(byte[] data) {
        readsOrFails("signals.json", () -> InputFiles.signals(InputFile.of("signals.json", data)))
                .ifPresent(rows -> {
                    rejectionsAreLocated(rows);
                    readsBackEqual(rows.values(), SignalSnapshot.class);
                });
    }

    @FuzzTest(maxDuration = "5m")
    void outcomesCsv(byte[] data) {
        readsOrFails("outcomes.csv", () -> InputFiles.outcomes(InputFile.of("outcomes.csv", data)));
    }

    @FuzzTest(maxDuration = "5m")
    void outcomesJson(byte[] data) {
        readsOrFails("outcomes.json", () -> InputFiles.outcomes(InputFile.of("outcomes.json", data)))
                .ifPresent(rows -> {
                    // Written as kizuna demo --out writes churn-outcomes.json.
                    List<Map<String, String>> written = new ArrayList<>();
                    for (Outcome o : rows.values()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        row.put("account", o.account().value());
                        row.put("type", o.type().name().toLowerCase(Locale.ROOT));
                        row.put("date", o.date().toString());
                        written.add(row);
                    }
                    assertEquals(rows.values(), InputFiles.outcomes(InputFile.of("again.json", json(written)))
                            .values());
                });
    }

    @FuzzTest(maxDuration = "5m")
    void accountsJson(byte[] data) {
        readsOrFails("accounts.json", () -> InputFiles.accounts(InputFile.of("accounts.json", data)))
                .ifPresent(rows -> readsBackEqual(rows.values(), Account.class));
    }

    /** Runs a reader: its rows, or empty when it failed as it may, with an InputException naming the file. */
    private static <T> Optional<Rows<T>> readsOrFails(String file, Supplier<Rows<T>> reader) {
        try {
            Rows<T> rows = reader.get();
            assertEquals(rows.values().size(), rows.lines().length);
            return Optional.of(rows);
        } catch (InputException e) {
            String message = e.getMessage();
            assertTrue(message != null && message.startsWith(file + ":") && message.length() > file.length() + 2,
                    "the message names the file and says why: " + message);
            return Optional.empty();
        }
    }

    private static <T> void rejectionsAreLocated(Rows<T> rows) {
        assertTrue(rows.count() >= rows.rejected().size());
        for (Rows.Rejected r : rows.rejected()) {
            assertTrue(r.message().startsWith(rows.file() + ":" + r.line() + ": "), r.message());
        }
    }

    private static <T> void readsBackEqual(List<T> values, Class<T> type) {
        Rows<T> again = InputFiles.json(InputFile.of("again.json", json(values)), type);
        assertEquals(0, again.count(), () -> "what was read is written and read back: " + again.rejected());
        assertEquals(values, again.values());
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a value read could not be written back", e);
        }
    }
}
