package dev.kizuna.core.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * The rows of a CSV file as cells, each row with the line it starts on, with no header check: the layer under
 * {@link CsvTable}, for formats whose header is not a fixed set of names (columns with several accepted names, an
 * unnamed first column as pandas writes its index).
 *
 * <p>Cells are trimmed of white space. A blank line, or a line of empty cells only ({@code ,,,}), holds no data and is
 * skipped. Quoting follows RFC 4180. A row that is not well-formed CSV is an {@link InputException} at its line,
 * worded in the user's terms.
 */
public final class CsvCells implements Closeable {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private final InputFile file;
    private final Reader reader;
    private final MappingIterator<String[]> rows;
    private int line;

    private CsvCells(InputFile file, Reader reader, MappingIterator<String[]> rows) {
        this.file = file;
        this.reader = reader;
        this.rows = rows;
    }

    /**
     * Opens {@code file} as UTF-8 text ({@link InputFile#reader()}).
     *
     * @param file the file
     * @return its rows, to be closed by the caller
     * @throws InputException if the file cannot be opened
     */
    public static CsvCells open(InputFile file) {
        Reader reader = file.reader();
        try {
            return new CsvCells(file, reader, CSV.readerFor(String[].class).readValues(reader));
        } catch (IOException e) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Read only; nothing is lost.
            }
            throw syntax(file, e);
        }
    }

    /**
     * Returns the cells of the next row that is not blank, or empty at the end of the file.
     *
     * @return the cells, or empty at the end
     * @throws InputException if the row is not well-formed CSV or the file cannot be read
     */
    public Optional<String[]> next() {
        while (hasNext()) {
            // The location before reading the row is the row's own line; after it, the next one's.
            int at = rows.getCurrentLocation().getLineNr();
            String[] cells = read();
            if (!blank(cells)) {
                line = at;
                return Optional.of(cells);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the line the row last returned by {@link #next()} starts on.
     *
     * @return the 1-based line, or 0 before the first row
     */
    public int line() {
        return line;
    }

    /**
     * Returns the file's name, as messages give it.
     *
     * @return the name
     */
    public String file() {
        return file.name();
    }

    /** Closes the file. */
    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // Nothing was written; a failure to close a file read to its end changes nothing.
        }
    }

    private boolean hasNext() {
        try {
            return rows.hasNextValue();
        } catch (IOException e) {
            throw syntax(file, e);
        }
    }

    private String[] read() {
        try {
            return rows.nextValue();
        } catch (IOException e) {
            throw syntax(file, e);
        }
    }

    private static boolean blank(String[] cells) {
        for (String c : cells) {
            if (!c.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static InputException syntax(InputFile file, IOException e) {
        InputException cause = CsvFormats.inputCause(e);
        if (cause != null) {
            return cause;
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            return new InputException(file.name() + (at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr())
                    + ": not well-formed CSV: " + csvProblem(j.getOriginalMessage()));
        }
        return InputFile.cannotRead(file.name(), e);
    }

    /** Jackson's wording of a CSV syntax error, in the user's terms where it is known. */
    private static String csvProblem(String message) {
        String m = String.valueOf(message);
        if (m.contains("Missing closing quote")) {
            return "a value opened with a double quote is never closed; close it, or double a quote inside it";
        }
        if (m.contains("Expected separator")) {
            return "a quoted value must be followed by a comma or the end of the line; double a quote inside it";
        }
        return m;
    }
}
