package dev.kizuna.examples.cli;

import dev.kizuna.core.Dates;
import dev.kizuna.core.csv.TextValues;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The readers of the tool's option values, registered for every command: dates, instants and months through
 * {@link Dates} (strict, within 0001-01-01 to 9999-12-31), periods in ISO-8601 of at most ten years, numbers through
 * {@link TextValues} (ASCII only, finite, bounded in length). A bad value is a usage error whose message says what
 * was expected, such as {@code Invalid value for option '--from': '2024-13' is not a month: there is no month 13}.
 */
final class OptionValues {
    /** The longest period an option takes: ten years, within which date arithmetic is exact. */
    static final int MAX_PERIOD_MONTHS = 120;

    private OptionValues() {
    }

    /** Registers the readers with {@code cli} and its subcommands. */
    static void register(CommandLine cli) {
        cli.registerConverter(LocalDate.class, of(v -> Dates.parseDate("date", v)));
        cli.registerConverter(Instant.class, of(v -> Dates.parseInstant("instant", v)));
        cli.registerConverter(YearMonth.class, of(OptionValues::month));
        cli.registerConverter(Period.class, of(OptionValues::period));
        cli.registerConverter(double.class, of(TextValues::number));
        cli.registerConverter(Double.class, of(TextValues::number));
        cli.registerConverter(int.class, of(TextValues::wholeNumber));
        cli.registerConverter(Integer.class, of(TextValues::wholeNumber));
        cli.registerConverter(long.class, of(OptionValues::longNumber));
        cli.registerConverter(Long.class, of(OptionValues::longNumber));
    }

    private static <T> ITypeConverter<T> of(Function<String, T> reader) {
        return value -> {
            try {
                return reader.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(TextValues.withoutField(e.getMessage()));
            }
        };
    }

    /** Reads a month written {@code yyyy-mm}. */
    static YearMonth month(String text) {
        boolean digits = text.length() == 7 && text.charAt(4) == '-';
        for (int i = 0; digits && i < 7; i++) {
            digits = i == 4 || (text.charAt(i) >= '0' && text.charAt(i) <= '9');
        }
        if (!digits) {
            throw new IllegalArgumentException("'" + TextValues.shorten(text) + "' is not a month: write it yyyy-mm,"
                    + " such as 2026-01");
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        int month = Integer.parseInt(text, 5, 7, 10);
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("'" + text + "' is not a month: there is no month " + month);
        }
        if (year < 1) {
            throw new IllegalArgumentException("'" + text + "' is outside the supported months, 0001-01 to 9999-12");
        }
        return YearMonth.of(year, month);
    }

    /** Reads a positive ISO-8601 period of at most ten years, such as {@code P90D} or {@code P3M}. */
    static Period period(String text) {
        Period p;
        try {
            if (text.length() > 32 || !text.chars().allMatch(c -> c < 128)) {
                throw new DateTimeParseException("too long", text, 0);
            }
            p = Period.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + TextValues.shorten(text) + "' is not a period: write it in"
                    + " ISO-8601, such as P90D, P3M or P1Y", e);
        }
        if (p.isNegative() || p.isZero() || p.getYears() < 0 || p.getMonths() < 0 || p.getDays() < 0) {
            throw new IllegalArgumentException("'" + text + "' must be a positive period, such as P90D");
        }
        if (p.toTotalMonths() + p.getDays() / 31 > MAX_PERIOD_MONTHS) {
            throw new IllegalArgumentException("'" + text + "' is longer than the limit of ten years (P10Y)");
        }
        return p;
    }

    /** Reads the account an option names, such as {@code --explain acc-00042}, as a usage error if it is no id. */
    static dev.kizuna.core.AccountId account(CommandLine cli, String option, String text) {
        try {
            return dev.kizuna.core.AccountId.of(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, option + ": '" + TextValues.shorten(text) + "' is not an"
                    + " account id: " + TextValues.withoutField(e.getMessage()));
        }
    }

    /** Reads a whole number within the range of a {@code long}, in ASCII digits. */
    static long longNumber(String text) {
        int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        boolean digits = text.length() > i && text.length() - i <= 19;
        for (int k = i; digits && k < text.length(); k++) {
            digits = text.charAt(k) >= '0' && text.charAt(k) <= '9';
        }
        if (!digits) {
            throw new IllegalArgumentException("'" + TextValues.shorten(text) + "' is not a whole number: write ASCII"
                    + " digits with an optional sign, such as 42");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is out of range: at most " + Long.MAX_VALUE
                    + " in magnitude", e);
        }
    }
}
