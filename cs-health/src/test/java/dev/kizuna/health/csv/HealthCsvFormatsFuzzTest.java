package dev.kizuna.health.csv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.InputFile;
import dev.kizuna.core.csv.Rows;
import dev.kizuna.core.json.KizunaJson;
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
 * Fuzz tests of the outcome readers, on bytes as a file would hold them. The contract: any input either reads, or
 * fails with an {@link InputException} whose message names the file; anything else is a finding. What the JSON reader
 * accepts, written back as {@code kizuna demo --out} writes {@code churn-outcomes.json}, reads back equal.
 *
 * <p>In the build they replay the committed inputs under {@code src/test/resources/dev/kizuna/health/csv/
 * HealthCsvFormatsFuzzTestInputs/<method>/}. To fuzz one target: {@code scripts/fuzz.sh
 * HealthCsvFormatsFuzzTest#outcomesCsv}.
 */
class HealthCsvFormatsFuzzTest {
    private static final ObjectMapper JSON = KizunaJson.newObjectMapper();

    @FuzzTest(maxDuration = "5m")
    void outcomesCsv(byte[] data) {
        readsOrFails("outcomes.csv", () -> HealthCsvFormats.outcomes(InputFile.of("outcomes.csv", data)));
    }

    @FuzzTest(maxDuration = "5m")
    void outcomesJson(byte[] data) {
        readsOrFails("outcomes.json", () -> HealthCsvFormats.outcomes(InputFile.of("outcomes.json", data)))
                .ifPresent(rows -> {
                    List<Map<String, String>> written = new ArrayList<>();
                    for (Outcome o : rows.values()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        row.put("account", o.account().value());
                        row.put("type", o.type().name().toLowerCase(Locale.ROOT));
                        row.put("date", o.date().toString());
                        written.add(row);
                    }
                    assertEquals(rows.values(), HealthCsvFormats.outcomes(InputFile.of("again.json", json(written)))
                            .values());
                });
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

    private static byte[] json(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the outcomes read could not be written back", e);
        }
    }
}
