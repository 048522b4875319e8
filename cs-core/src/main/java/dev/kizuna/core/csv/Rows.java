package dev.kizuna.core.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records read from an input file: the values, in file order, each with the line it starts on, and the records
 * that could not be read, each with its line and reason.
 *
 * @param file     the file's name, as messages give it
 * @param values   the values read
 * @param lines    the line of each value
 * @param rejected the records that could not be read, at most {@link #MAX_LISTED} of them, in file order
 * @param count    how many records could not be read, listed or not
 * @param <T>      the type of the values
 */
public record Rows<T>(String file, List<T> values, int[] lines, List<Rejected> rejected, int count) {
    /** The most rejected records kept with their reasons; beyond it they are counted only. */
    public static final int MAX_LISTED = 1_000;
    /** The most rejected records an error lists. */
    public static final int MAX_IN_ERROR = 10;

    private static final Pattern INDEX = Pattern.compile("^[a-zA-Z]+\\[(\\d+)]");

    /**
     * Checks and copies the components.
     *
     * @param file     the file's name, as messages give it
     * @param values   the values read
     * @param lines    the line of each value
     * @param rejected the records that could not be read, in file order
     * @param count    how many records could not be read, listed or not
     * @throws IllegalArgumentException if there is not one line per value
     */
    public Rows {
        if (lines.length != values.size()) {
            throw new IllegalArgumentException("lines: " + lines.length + " lines for " + values.size() + " values");
        }
        values = List.copyOf(values);
        lines = lines.clone();
        rejected = List.copyOf(rejected);
    }

    /**
     * A record that could not be read.
     *
     * @param line    its line
     * @param message why, starting with {@code file:line:}
     */
    public record Rejected(int line, String message) {
    }

    /**
     * Returns the line of each value, a copy.
     *
     * @return the lines, in the order of {@link #values()}
     */
    @Override
    public int[] lines() {
        return lines.clone();
    }

    /**
     * Returns the number of values read.
     *
     * @return the number of values
     */
    public int size() {
        return values.size();
    }

    /**
     * Returns {@code file:line} of the value at {@code index}.
     *
     * @param index the value's index in {@link #values()}
     * @return where the value is
     */
    public String where(int index) {
        return file + ":" + lines[index];
    }

    /**
     * Returns a library message about these values with the position it starts with ({@code events[4]: ...}, the
     * index in {@link #values()}) replaced by the value's file and line ({@code events.csv:6: ...}); other messages are
     * prefixed with the file.
     *
     * @param message a message about these values
     * @return the message with its position in the file
     */
    public String locate(String message) {
        Matcher m = INDEX.matcher(message);
        if (m.find()) {
            try {
                int index = Integer.parseInt(m.group(1));
                if (index < lines.length) {
                    return where(index) + message.substring(m.end());
                }
            } catch (NumberFormatException e) {
                // An index beyond int is no index of these values: the message stays as it is.
            }
        }
        return file + ": " + message;
    }

    /**
     * Returns these rows if every record was read.
     *
     * @return these rows
     * @throws InputException listing the records that could not be read (the first {@value #MAX_IN_ERROR})
     */
    public Rows<T> requireAll() {
        if (count == 0) {
            return this;
        }
        if (count == 1) {
            throw new InputException(rejected.get(0).message());
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %,d records cannot be read:", file,
                count));
        for (Rejected r : rejected.subList(0, Math.min(MAX_IN_ERROR, rejected.size()))) {
            out.append("\n  ").append(r.message());
        }
        if (count > MAX_IN_ERROR) {
            out.append(String.format(Locale.ROOT, "%n  and %,d more", count - MAX_IN_ERROR));
        }
        throw new InputException(out.toString());
    }

    /**
     * Returns these rows with more records rejected after reading (by the model that uses them, say).
     *
     * @param more the records rejected, each with its line and message
     * @return these rows with those rejected too
     */
    public Rows<T> plus(List<Rejected> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Rejected> all = new ArrayList<>(rejected);
        all.addAll(more.subList(0, Math.min(more.size(), Math.max(0, MAX_LISTED - all.size()))));
        return new Rows<>(file, values, lines, all, count + more.size());
    }

    /** Collects the rows of one file. Not thread-safe. */
    static final class Builder<T> {
        private final String file;
        private final List<T> values = new ArrayList<>();
        private int[] lines = new int[64];
        private final List<Rejected> rejected = new ArrayList<>();
        private int count;

        Builder(String file) {
            this.file = file;
        }

        void add(T value, int line) {
            if (values.size() == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[values.size()] = line;
            values.add(value);
        }

        void reject(int line, String message) {
            count++;
            if (rejected.size() < MAX_LISTED) {
                rejected.add(new Rejected(line, message));
            }
        }

        Rows<T> build() {
            return new Rows<>(file, values, Arrays.copyOf(lines, values.size()), rejected, count);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rows<?> r && file.equals(r.file) && values.equals(r.values) && Arrays.equals(lines, r.lines)
                && rejected.equals(r.rejected) && count == r.count;
    }

    @Override
    public int hashCode() {
        return (31 * values.hashCode() + Arrays.hashCode(lines)) * 31 + count;
    }

    @Override
    public String toString() {
        return "Rows[" + file + ", " + values.size() + " values, " + count + " rejected]";
    }
}
