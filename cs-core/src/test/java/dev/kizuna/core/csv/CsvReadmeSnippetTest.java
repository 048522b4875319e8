package dev.kizuna.core.csv;

// README: core-csv BEGIN
import dev.kizuna.core.csv.CsvFormats;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.Rows;
import dev.kizuna.core.event.SubscriptionEvent;

import java.nio.file.Path;
import java.util.List;
// README: core-csv END
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** cs-core README's "CSV and JSON files" snippet, run as written on an {@code events.csv} in the working directory. */
class CsvReadmeSnippetTest {

    @Test
    void theSnippetReadsTheEventsAndSaysWhereEachIs() throws Exception {
        Path csv = Path.of("events.csv");
        Files.writeString(csv, CsvFormatsTest.HEADER + "\nacme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,,,\n");
        try {
            // README: core-csv BEGIN
            Rows<SubscriptionEvent> rows = CsvFormats.subscriptionEvents(Path.of("events.csv")); // throws InputException
            List<SubscriptionEvent> events = rows.values();
            String where = rows.where(0);                                                         // "events.csv:2"
            // README: core-csv END
            assertEquals(1, events.size());
            assertEquals("acme", events.get(0).account().value());
            assertEquals("events.csv:2", where);
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
