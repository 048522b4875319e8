package dev.kizuna.core.csv;

import dev.kizuna.core.internal.NearestName;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A CSV file with a header row, read row by row, each row with the line it starts on.
 *
 * <p>The header is checked against a {@link Layout} before any row is read, and every problem in it is reported on
 * its line: a column that is not known (with the known columns and the nearest one), a column that appears twice, a
 * required column that is missing. Column names match ignoring case and white space around them. A row must have as
 * many cells as the header. A blank line, or a line of empty cells only ({@code ,,,}), holds no data and is skipped,
 * before the header too. Quoting follows RFC 4180: a value with a comma, a quote or a line break is written in double
 * quotes, a quote inside doubled.
 */
public final class CsvTable implements Closeable {
    /** The most columns a header may have. */
    public static final int MAX_COLUMNS = 10_000;

    /** The work one suggestion may take: a few thousand known names of usual length. */
    private static final long SUGGESTION_CELLS = 1_000_000L;

    /**
     * The columns a kind of file has.
     *
     * @param required the columns every file must have, in the documented order
     * @param optional the columns a file may have
     * @param others   for files whose other columns carry data (one column per signal), the check of such a column's
     *                 name, returning its problem; empty when no other column is allowed
     */
    public record Layout(List<String> required, List<String> optional,
                         Optional<Function<String, Optional<String>>> others) {
        /**
         * Copies the lists.
         *
         * @param required the columns every file must have, in the documented order
         * @param optional the columns a file may have
         * @param others   the check of another column's name, returning its problem; empty when none is allowed
         */
        public Layout {
            required = List.copyOf(required);
            optional = List.copyOf(optional);
        }

        /**
         * Returns a layout of known columns only.
         *
         * @param required the columns every file must have, in the documented order
         * @param optional the columns a file may have
         * @return the layout
         */
        public static Layout of(List<String> required, List<String> optional) {
            return new Layout(required, optional, Optional.empty());
        }

        /**
         * Returns the known columns: the required ones, then the optional ones.
         *
         * @return the columns
         */
        public List<String> known() {
            List<String> all = new ArrayList<>(required);
            all.addAll(optional);
            return all;
        }
    }

    private final CsvCells cells;
    private final List<String> columns;
    private final Map<String, Integer> index;

    private CsvTable(CsvCells cells, List<String> columns) {
        this.cells = cells;
        this.columns = columns;
        this.index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
    }

    /**
     * Opens {@code file} and reads and checks its header.
     *
     * @param file   the file
     * @param layout its columns
     * @return the table, positioned after the header, to be closed by the caller
     * @throws InputException if the file is empty or the header does not fit the layout
     */
    public static CsvTable open(InputFile file, Layout layout) {
        CsvCells cells = CsvCells.open(file);
        try {
            Optional<String[]> header = cells.next();
            if (header.isEmpty()) {
                throw new InputException(file.name() + ": the file is empty; it must start with a header row: "
                        + String.join(",", layout.required()));
            }
            CsvTable table = new CsvTable(cells, checkHeader(file.name() + ":" + cells.line(), header.get(), layout));
            cells = null;
            return table;
        } finally {
            if (cells != null) {
                cells.close();
            }
        }
    }

    /**
     * Returns the header's columns, those of the layout under their documented names.
     *
     * @return the columns, in the file's order
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * Returns the name of the file.
     *
     * @return the name messages give it
     */
    public String file() {
        return cells.file();
    }

    /**
     * Returns the next row that is not blank, or empty at the end of the file.
     *
     * @return the row, or empty at the end
     * @throws InputException if the row is not well-formed CSV or has another number of cells than the header
     */
    public Optional<CsvRow> next() {
        Optional<String[]> row = cells.next();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String[] values = row.get();
        if (values.length != columns.size()) {
            throw new InputException(String.format(Locale.ROOT, "%s:%d: the row has %d cells but the header has"
                    + " %d%s", cells.file(), cells.line(), values.length, columns.size(), values.length > columns.size()
                    ? "; a value with a comma must be written in double quotes" : ""));
        }
        return Optional.of(new CsvRow(cells.file(), cells.line(), values));
    }

    /** Closes the file. */
    @Override
    public void close() {
        cells.close();
    }

    /** One row: its cells by the header's columns. */
    public final class CsvRow extends Row {
        private final String[] cells;

        private CsvRow(String file, int line, String[] cells) {
            super(file, line);
            this.cells = cells;
        }

        @Override
        public Optional<String> optional(String column) {
            Integer i = index.get(column);
            if (i == null || cells[i].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(cells[i]);
        }

        @Override
        public String label(String column) {
            return "column '" + column + "'";
        }

        /**
         * Returns the header's columns.
         *
         * @return the columns, in the file's order
         */
        public List<String> columns() {
            return columns;
        }
    }

    private static List<String> checkHeader(String where, String[] header, Layout layout) {
        List<String> problems = new ArrayList<>();
        if (header.length > MAX_COLUMNS) {
            throw new InputException(String.format(Locale.ROOT, "%s: the header has %,d columns, over the limit of %,d",
                    where, header.length, MAX_COLUMNS));
        }
        Map<String, String> known = new HashMap<>();
        for (String k : layout.known()) {
            known.put(k.toLowerCase(Locale.ROOT), k);
        }
        List<String> columns = new ArrayList<>(header.length);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i];
            String column = known.getOrDefault(name.toLowerCase(Locale.ROOT), name);
            columns.add(column);
            Integer first = seen.putIfAbsent(column.toLowerCase(Locale.ROOT), i);
            if (name.isEmpty()) {
                problems.add("column " + (i + 1) + " has no name; every column needs one");
            } else if (first != null) {
                problems.add("the column '" + name + "' appears twice, as columns " + (first + 1) + " and " + (i + 1)
                        + "; remove one");
            } else if (!known.containsKey(name.toLowerCase(Locale.ROOT))) {
                Optional<String> problem = layout.others().isPresent() ? layout.others().get().apply(name)
                        : Optional.of(unknown("column", name, layout.known()));
                problem.ifPresent(problems::add);
            }
        }
        for (String r : layout.required()) {
            if (!seen.containsKey(r.toLowerCase(Locale.ROOT))) {
                problems.add("the column '" + r + "' is missing; the file has " + String.join(",", header));
            }
        }
        if (problems.size() == 1) {
            throw new InputException(where + ": " + problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new InputException(where + ": " + problems.size() + " problems in the header:\n  "
                    + String.join("\n  ", problems));
        }
        return List.copyOf(columns);
    }

    /**
     * Returns the message of an unknown column: the nearest known one, when one is near, and every known column.
     *
     * @param kind  what is unknown, such as {@code "column"} or {@code "field"}
     * @param name  the unknown name
     * @param known the known names
     * @return the message, such as {@code unknown column 'acount'; did you mean 'account'? The known columns are ...}
     */
    public static String unknown(String kind, String name, List<String> known) {
        Optional<String> nearest = NearestName.nearest(name, known, new NearestName.Budget(SUGGESTION_CELLS));
        return "unknown " + kind + " '" + TextValues.shorten(name) + "'" + nearest.map(n -> "; did you mean '" + n
                + "'?").orElse(".") + " The known " + kind + "s are " + String.join(",", known);
    }
}
