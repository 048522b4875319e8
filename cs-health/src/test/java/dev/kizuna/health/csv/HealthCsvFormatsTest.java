package dev.kizuna.health.csv;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.InputFile;
import dev.kizuna.core.csv.Rows;
import dev.kizuna.health.outcome.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HealthCsvFormatsTest {
    private static InputFile file(String name, String text) {
        return InputFile.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOutcomesFromCsvWithTheLineOfEach() {
        Rows<Outcome> rows = HealthCsvFormats.outcomes(file("outcomes.csv", """
                account,type,date

                acc-1,churned,2024-03-01
                acc-2,Expanded,2024-04-15
                """));
        assertEquals(List.of(new Outcome(AccountId.of("acc-1"), Outcome.Type.CHURNED, LocalDate.of(2024, 3, 1)),
                new Outcome(AccountId.of("acc-2"), Outcome.Type.EXPANDED, LocalDate.of(2024, 4, 15))), rows.values());
        assertArrayEquals(new int[] {3, 4}, rows.lines());
    }

    @Test
    void readsTheSameOutcomesFromJson() {
        Rows<Outcome> rows = HealthCsvFormats.outcomes(file("outcomes.json", """
                [{"account": "acc-1", "type": "churned", "date": "2024-03-01"},
                 {"account": "acc-2", "type": "contracted", "date": "2024-04-15"}]
                """));
        assertEquals(List.of(new Outcome(AccountId.of("acc-1"), Outcome.Type.CHURNED, LocalDate.of(2024, 3, 1)),
                new Outcome(AccountId.of("acc-2"), Outcome.Type.CONTRACTED, LocalDate.of(2024, 4, 15))),
                rows.values());
    }

    @Test
    void everyBadOutcomeIsListedWithItsLineColumnAndValue() {
        var e = assertThrows(InputException.class, () -> HealthCsvFormats.outcomes(file("o.csv", """
                account,type,date
                acc-1,left,2024-03-01
                acc-2,churned,2024-02-30
                """)));
        assertEquals("""
                o.csv: 2 records cannot be read:
                  o.csv:2: column 'type': 'left' is not one of CHURNED, CONTRACTED or EXPANDED
                  o.csv:3: column 'date': '2024-02-30' is not a date: 2024-02 has days 1 to 29""",
                e.getMessage());
    }

    @Test
    void aFileOfAnotherFormatIsRefusedByItsName() {
        var e = assertThrows(InputException.class, () -> HealthCsvFormats.outcomes(file("o.txt", "x")));
        assertEquals("o.txt: the file name must end in .json or .csv, which says its format", e.getMessage());
    }
}
