package dev.kizuna.health.csv;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.csv.CsvFormats;
import dev.kizuna.core.csv.CsvTable;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.InputFile;
import dev.kizuna.core.csv.Row;
import dev.kizuna.core.csv.Rows;
import dev.kizuna.health.outcome.Outcome;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads the documented input files of cs-health's types, as {@link CsvFormats} reads cs-core's: CSV with a header row
 * or a JSON array, by the file's extension ({@code .csv} or {@code .json}).
 */
public final class HealthCsvFormats {
    /** The columns of outcomes: {@code account,type,date}, all required. */
    public static final CsvTable.Layout OUTCOMES = CsvTable.Layout.of(List.of("account", "type", "date"), List.of());

    private HealthCsvFormats() {
    }

    /**
     * Reads the file at {@code file}; see {@link #outcomes(InputFile)}.
     *
     * @param file the file's path
     * @return the outcomes read
     * @throws InputException as {@link #outcomes(InputFile)} does
     */
    public static Rows<Outcome> outcomes(Path file) {
        return outcomes(InputFile.of(file));
    }

    /**
     * Reads outcomes, for backtests and fits. CSV columns: {@code account,type,date}, the type {@code churned},
     * {@code contracted} or {@code expanded} (in any case), the date {@code yyyy-mm-dd}; JSON: an array of objects
     * with the same three fields, as {@code kizuna demo --out} writes {@code churn-outcomes.json}. The file is read
     * whole or not at all.
     *
     * @param file the file
     * @return the outcomes read, every one of them
     * @throws InputException listing every record that cannot be read (the first {@value Rows#MAX_IN_ERROR})
     */
    public static Rows<Outcome> outcomes(InputFile file) {
        return CsvFormats.records(file, OUTCOMES, HealthCsvFormats::outcome).requireAll();
    }

    private static Outcome outcome(Row row) {
        String account = row.text("account");
        Outcome.Type type = row.name("type", Outcome.Type.class);
        LocalDate date = row.date("date");
        return row.build(() -> new Outcome(AccountId.of(account), type, date));
    }
}
