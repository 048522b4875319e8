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
 *
 * <p>Rows are made by the readers of this package ({@link CsvTable#next()}, {@link CsvFormats#records}); a reader of
 * a format reads its values from them with the methods below, which read text as {@link TextValues} does.
 */
public abstract class Row {
    private final String file;
    private final int line;

    Row(String file, int line) {
        this.file = file;
        this.line = line;
    }

    /**
     * Returns the line the record starts on.
     *
     * @return the 1-based line
     */
    public final int line() {
        return line;
    }

    /**
     * Returns {@code file:line}, the start of every message about this record.
     *
     * @return where the record is
     */
    public final String where() {
        return file + ":" + line;
    }

    /**
     * Returns the text of {@code column}, white space around it removed; empty when the cell is empty or absent.
     *
     * @param column the column's documented name
     * @return the text, if any
     */
    public abstract Optional<String> optional(String column);

    /**
     * Returns how messages name {@code column}: {@code column 'date'}, or a JSON path.
     *
     * @param column the column's documented name
     * @return its name in messages
     */
    public abstract String label(String column);

    /**
     * Returns the text of {@code column}, which must not be empty.
     *
     * @param column the column's documented name
     * @return the text
     * @throws InputException if the cell is empty
     */
    public final String text(String column) {
        return optional(column).orElseThrow(() -> error(column, "a value is required"));
    }

    /**
     * Returns the text of {@code column}, which must not be empty because of {@code why}.
     *
     * @param column the column's documented name
     * @param why    why a value is required, such as {@code "for a START event"}
     * @return the text
     * @throws InputException if the cell is empty
     */
    public final String text(String column, String why) {
        return optional(column).orElseThrow(() -> error(column, "a value is required " + why));
    }

    /**
     * Reads a finite decimal number, as {@link TextValues#number(String)} does.
     *
     * @param column the column's documented name
     * @return the number
     * @throws InputException if the cell is empty or not such a number
     */
    public final double number(String column) {
        String v = text(column);
        return read(column, () -> TextValues.number(v));
    }

    /**
     * Reads a whole number, as {@link TextValues#wholeNumber(String)} does.
     *
     * @param column the column's documented name
     * @return the number
     * @throws InputException if the cell is empty or not such a number
     */
    public final int wholeNumber(String column) {
        String v = text(column);
        return read(column, () -> TextValues.wholeNumber(v));
    }

    /**
     * Reads an amount of money, as {@link dev.kizuna.core.Money#parseAmount(String)} does.
     *
     * @param column the column's documented name
     * @return the amount
     * @throws InputException if the cell is empty or not such an amount
     */
    public final BigDecimal amount(String column) {
        String v = text(column);
        return read(column, () -> TextValues.amount(v));
    }

    /**
     * Reads a yes/no value, as {@link TextValues#yesNo(String)} does.
     *
     * @param column the column's documented name
     * @return the value
     * @throws InputException if the cell is empty or not such a value
     */
    public final boolean yesNo(String column) {
        String v = text(column);
        return read(column, () -> TextValues.yesNo(v));
    }

    /**
     * Reads the name of one of {@code type}'s constants, as {@link TextValues#name(String, Class)} does.
     *
     * @param column the column's documented name
     * @param type   the type of the constants
     * @param <E>    the type of the constants
     * @return the constant
     * @throws InputException if the cell is empty or names no constant
     */
    public final <E extends Enum<E>> E name(String column, Class<E> type) {
        String v = text(column);
        return read(column, () -> TextValues.name(v, type));
    }

    /**
     * Reads a date, {@code yyyy-mm-dd}, as {@link Dates#parseDate(String, String)} does.
     *
     * @param column the column's documented name
     * @return the date
     * @throws InputException if the cell is empty or not such a date
     */
    public final LocalDate date(String column) {
        String v = text(column);
        return read(column, () -> Dates.parseDate(label(column), v));
    }

    /**
     * Reads an instant, as {@link Dates#parseInstant(String, String)} does.
     *
     * @param column the column's documented name
     * @return the instant
     * @throws InputException if the cell is empty or not such an instant
     */
    public final Instant instant(String column) {
        String v = text(column);
        return read(column, () -> Dates.parseInstant(label(column), v));
    }

    /**
     * Builds a value of the record with a constructor of the library, reporting its rule (an NPS of 11, a discount over
     * 100%) at the record's line.
     *
     * @param constructor builds the value; its {@link IllegalArgumentException}, {@link DateTimeException} or
     *                    {@link ArithmeticException} becomes an {@link InputException} at this record's line
     * @param <T>         the type of the value
     * @return the value
     * @throws InputException if the constructor rejects the values
     */
    public final <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InputException e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new InputException(where() + ": " + e.getMessage());
        }
    }

    /**
     * Returns the error of {@code column}: {@code file:line: column 'x': problem}.
     *
     * @param column  the column's documented name
     * @param problem what is wrong and what to write instead
     * @return the exception to throw
     */
    public final InputException error(String column, String problem) {
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
