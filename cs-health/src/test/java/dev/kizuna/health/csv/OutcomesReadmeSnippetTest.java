package dev.kizuna.health.csv;

// README: health-outcome-files BEGIN
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.health.csv.HealthCsvFormats;

import java.nio.file.Path;
import java.util.List;
// README: health-outcome-files END
import dev.kizuna.core.AccountId;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** cs-health README's "Outcome files" snippet, run as written on an {@code outcomes.csv} in the working directory. */
class OutcomesReadmeSnippetTest {

    @Test
    void theSnippetReadsTheOutcomes() throws Exception {
        Path csv = Path.of("outcomes.csv");
        Files.writeString(csv, "account,type,date\nacme,churned,2024-03-31\nglobex,Expanded,2024-04-15\n");
        try {
            // README: health-outcome-files BEGIN
            List<Outcome> outcomes = HealthCsvFormats.outcomes(Path.of("outcomes.csv")).values();
            // README: health-outcome-files END
            assertEquals(2, outcomes.size());
            assertEquals(AccountId.of("acme"), outcomes.get(0).account());
            assertEquals(Outcome.Type.CHURNED, outcomes.get(0).type());
            assertEquals(LocalDate.of(2024, 4, 15), outcomes.get(1).date());
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
