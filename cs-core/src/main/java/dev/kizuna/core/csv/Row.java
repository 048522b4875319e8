package dev.kizuna.core.csv;

import dev.kizuna.core.Dates;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One record of an input file, a CSV row or a JSON object, read value by value. Every problem is an
 * {@link InputException} that says where: the file, the line, the column (or JSON path) and the value.
 */
abstract class Row {
    private final String file;
    private final int line;

    Row(String file, int line) {
        this.file = file;
        this.line = line;
    }

    /** Returns the line the record starts on. */
    final int line() {
        return line;
    }

    /** Returns {@code file:line}, the start of every message about this record. */
    final String where() {
        return file + ":" + line;
    }

    /** Returns the text of {@code column}, white space around it removed; empty when the cell is empty or absent. */
    abstract Optional<String> optional(String column);

    /** Returns how messages name {@code column}: {@code column 'date'}, or a JSON path. */
    abstract String label(String column);

    /** Returns the text of {@code column}, which must not be empty. */
    final String text(String column) {
        return optional(column).orElseThrow(() -> error(column, "a value is required"));
    }

    /** Returns the text of {@code column}, which must not be empty because of {@code why}. */
    final String text(String column, String why) {
        return optional(column).orElseThrow(() -> error(column, "a value is required " + why));
    }

    final double number(String column) {
        String v = text(column);
        return read(column, () -> TextValues.number(v));
    }

    final int wholeNumber(String column) {
        String v = text(column);
        return read(column, () -> TextValues.wholeNumber(v));
    }

    final BigDecimal amount(String column) {
        String v = text(column);
        return read(column, () -> TextValues.amount(v));
    }

    final boolean yesNo(String column) {
        String v = text(column);
        return read(column, () -> TextValues.yesNo(v));
    }

    final <E extends Enum<E>> E name(String column, Class<E> type) {
        String v = text(column);
        return read(column, () -> TextValues.name(v, type));
    }

    final LocalDate date(String column) {
        String v = text(column);
        return read(column, () -> Dates.parseDate(label(column), v));
    }

    final Instant instant(String column) {
        String v = text(column);
        return read(column, () -> Dates.parseInstant(label(column), v));
    }

    /**
     * Builds a value of the record with a constructor of the library, reporting its rule (an NPS of 11, a discount over
     * 100%) at the record's line.
     */
    final <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InputException e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new InputException(where() + ": " + e.getMessage());
        }
    }

    /** Returns the error of {@code column}: {@code file:line: column 'x': problem}. */
    final InputException error(String column, String problem) {
        return new InputException(where() + ": " + label(column) + ": " + problem);
    }

    private <T> T read(String column, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            // Dates' messages start with the field name they were given, the label; the others with the value.
            return message.startsWith(label(column)) ? fail(where() + ": " + message) : fail(error(column, message));
        }
    }

    private static <T> T fail(String message) {
        throw new InputException(message);
    }

    private static <T> T fail(InputException e) {
        throw e;
    }
}
