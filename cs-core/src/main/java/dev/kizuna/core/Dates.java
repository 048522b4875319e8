package dev.kizuna.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The dates and instants Kizuna accepts, and their strict reading from text.
 *
 * <p>Every date lies from {@value #EARLIEST_TEXT} to {@value #LATEST_TEXT}: the ISO-8601 calendar with four-digit
 * years. Every instant lies from the start of the earliest date to the end of the latest, in UTC. Within this range
 * any date arithmetic Kizuna does (windows of up to ten years, days between two dates, months of a period) is exact
 * and cannot overflow; outside it a value is an error, never a crash. The value types of cs-core check their dates
 * with {@link #check(String, LocalDate)} and {@link #check(String, Instant)}; readers of text use
 * {@link #parseDate(String, String)} and {@link #parseInstant(String, String)}. Thread-safe.
 */
public final class Dates {
    /** The earliest date, as text: {@value}. */
    public static final String EARLIEST_TEXT = "0001-01-01";
    /** The latest date, as text: {@value}. */
    public static final String LATEST_TEXT = "9999-12-31";
    /** The earliest date Kizuna accepts. */
    public static final LocalDate EARLIEST = LocalDate.parse(EARLIEST_TEXT);
    /** The latest date Kizuna accepts. */
    public static final LocalDate LATEST = LocalDate.parse(LATEST_TEXT);
    /** The earliest instant Kizuna accepts: the start of {@link #EARLIEST}, UTC. */
    public static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The latest instant Kizuna accepts: the last nanosecond of {@link #LATEST}, UTC. */
    public static final Instant LATEST_INSTANT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
            .minusNanos(1);

    /** The longest text {@link #parseInstant} reads: a date, a time to the nanosecond and an offset. */
    private static final int MAX_INSTANT_LENGTH = 40;
    private static final String RANGE = "from " + EARLIEST_TEXT + " to " + LATEST_TEXT;

    private Dates() {
    }

    /** Returns whether {@code date} is within the supported range. */
    public static boolean isSupported(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** Returns whether {@code instant} is within the supported range. */
    public static boolean isSupported(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }

    /**
     * Returns {@code date} if it is within the supported range.
     *
     * @throws IllegalArgumentException naming the field and the range, if it is not
     */
    public static LocalDate check(String field, LocalDate date) {
        Objects.requireNonNull(date, field);
        if (!isSupported(date)) {
            throw new IllegalArgumentException(field + ": " + date + " is outside the supported dates, " + RANGE);
        }
        return date;
    }

    /**
     * Returns {@code instant} if it is within the supported range.
     *
     * @throws IllegalArgumentException naming the field and the range, if it is not
     */
    public static Instant check(String field, Instant instant) {
        Objects.requireNonNull(instant, field);
        if (!isSupported(instant)) {
            throw new IllegalArgumentException(field + ": " + instant + " is outside the supported instants, "
                    + EARLIEST_INSTANT + " to " + LATEST_INSTANT);
        }
        return instant;
    }

    /**
     * Reads a date written {@code yyyy-mm-dd} with a four-digit year, such as {@code 2026-01-31}.
     *
     * @throws IllegalArgumentException starting with {@code field}, saying why, if the text is not such a date (a
     *                                  month 13, a 31 April, another script's digits) or is outside the range
     */
    public static LocalDate parseDate(String field, String text) {
        Objects.requireNonNull(text, field);
        if (text.length() != 10 || !asciiDigitsAt(text, 0, 4) || text.charAt(4) != '-' || !asciiDigitsAt(text, 5, 2)
                || text.charAt(7) != '-' || !asciiDigitsAt(text, 8, 2)) {
            throw new IllegalArgumentException(field + ": '" + shorten(text) + "' is not a date: write it yyyy-mm-dd,"
                    + " " + RANGE);
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        int month = Integer.parseInt(text, 5, 7, 10);
        int day = Integer.parseInt(text, 8, 10, 10);
        if (year == 0) {
            throw new IllegalArgumentException(field + ": '" + text + "' is outside the supported dates, " + RANGE);
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a date: there is no month " + month);
        }
        int length = YearMonth.of(year, month).lengthOfMonth();
        if (day < 1 || day > length) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a date: " + text.substring(0, 7)
                    + " has days 1 to " + length);
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * Reads an instant: an ISO-8601 date and time with {@code Z} or an offset, such as {@code 2026-01-31T09:30:00Z}
     * or {@code 2026-01-31T18:30:00+09:00}, or a date alone ({@code yyyy-mm-dd}), which is the start of that day in
     * UTC.
     *
     * @throws IllegalArgumentException starting with {@code field}, saying why, if the text is not such an instant or
     *                                  is outside the range
     */
    public static Instant parseInstant(String field, String text) {
        Objects.requireNonNull(text, field);
        if (text.length() == 10) {
            return parseDate(field, text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (text.length() > MAX_INSTANT_LENGTH || text.length() < 10 || !asciiDigitsAt(text, 0, 4)
                || text.charAt(4) != '-' || !text.chars().allMatch(c -> c < 128)) {
            throw new IllegalArgumentException(field + ": '" + shorten(text) + "' is not an instant: write it as a"
                    + " date and time with an offset, such as 2026-01-31T09:30:00Z, or as a date, yyyy-mm-dd, "
                    + RANGE);
        }
        // The date part first, so that a month 13 or a 31 April is reported as such.
        parseDate(field, text.substring(0, 10));
        Instant instant;
        try {
            instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not an instant: write it as a date and"
                    + " time with an offset, such as 2026-01-31T09:30:00Z or 2026-01-31T18:30:00+09:00", e);
        }
        return check(field, instant);
    }

    private static boolean asciiDigitsAt(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
