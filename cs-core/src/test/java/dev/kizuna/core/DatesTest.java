package dev.kizuna.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatesTest {
    /** Every date Kizuna accepts, with both ends of the range weighted in. */
    static Arbitrary<LocalDate> supportedDates() {
        return Arbitraries.longs().between(Dates.EARLIEST.toEpochDay(), Dates.LATEST.toEpochDay())
                .edgeCases(c -> c.includeOnly(Dates.EARLIEST.toEpochDay(), Dates.LATEST.toEpochDay()))
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return supportedDates();
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Dates.EARLIEST_INSTANT.getEpochSecond(), Dates.LATEST_INSTANT.getEpochSecond())
                .edgeCases(c -> c.includeOnly(Dates.EARLIEST_INSTANT.getEpochSecond(),
                        Dates.LATEST_INSTANT.getEpochSecond()))
                .map(Instant::ofEpochSecond);
    }

    @Test
    void theRangeIsTheFourDigitYearsOfTheIsoCalendar() {
        assertEquals(LocalDate.of(1, 1, 1), Dates.EARLIEST);
        assertEquals(LocalDate.of(9999, 12, 31), Dates.LATEST);
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), Dates.EARLIEST_INSTANT);
        assertEquals(Instant.parse("9999-12-31T23:59:59.999999999Z"), Dates.LATEST_INSTANT);
    }

    @Test
    void checkNamesTheFieldTheValueAndTheRange() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Dates.check("effectiveDate", LocalDate.of(999_999_999, 12, 31)));
        assertEquals("effectiveDate: +999999999-12-31 is outside the supported dates, from 0001-01-01 to 9999-12-31",
                e.getMessage());
        var i = assertThrows(IllegalArgumentException.class,
                () -> Dates.check("at", Instant.parse("-1000000000-01-01T00:00:00Z")));
        assertEquals("at: -1000000000-01-01T00:00:00Z is outside the supported instants, 0001-01-01T00:00:00Z to"
                + " 9999-12-31T23:59:59.999999999Z", i.getMessage());
        assertEquals(Dates.LATEST, Dates.check("d", Dates.LATEST));
        assertEquals(Dates.EARLIEST_INSTANT, Dates.check("d", Dates.EARLIEST_INSTANT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-13-01        | d: '2024-13-01' is not a date: there is no month 13",
            "2024-02-30        | d: '2024-02-30' is not a date: 2024-02 has days 1 to 29",
            "2023-02-29        | d: '2023-02-29' is not a date: 2023-02 has days 1 to 28",
            "0000-12-31        | d: '0000-12-31' is outside the supported dates, from 0001-01-01 to 9999-12-31",
            "10000-01-01       | d: '10000-01-01' is not a date: write it yyyy-mm-dd, from 0001-01-01 to 9999-12-31",
            "+999999999-12-31  | d: '+999999999-12-31' is not a date: write it yyyy-mm-dd, from 0001-01-01 to 9999-12-31",
            "٢٠٢٤-٠١-٠١        | d: '٢٠٢٤-٠١-٠١' is not a date: write it yyyy-mm-dd, from 0001-01-01 to 9999-12-31",
            "2024-1-01         | d: '2024-1-01' is not a date: write it yyyy-mm-dd, from 0001-01-01 to 9999-12-31",
            "2024/01/01        | d: '2024/01/01' is not a date: write it yyyy-mm-dd, from 0001-01-01 to 9999-12-31",
    })
    void parseDateRejectsWithTheReason(String text, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> Dates.parseDate("d", text));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1000000000-01-01T00:00:00Z | is not an instant: write it as a date and time with an offset",
            "+1000000000-12-31T23:59:59Z | is not an instant: write it as a date and time with an offset",
            "9999-12-31T23:59:59-01:00   | is outside the supported instants",
            "0001-01-01T00:00:00+00:01   | is outside the supported instants",
            "2024-01-01T24:00:00Z        | is not an instant: write it as a date and time with an offset",
            "2024-01-01T00:00:00         | is not an instant: write it as a date and time with an offset",
            "2024-13-01T00:00:00Z        | is not a date: there is no month 13",
            "2024-01-01T00:00:00.0000000001Z | is not an instant",
    })
    void parseInstantRejectsWithTheReason(String text, String reason) {
        var e = assertThrows(IllegalArgumentException.class, () -> Dates.parseInstant("at", text));
        assertTrue(e.getMessage().startsWith("at: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void parseInstantReadsOffsetsAndBareDates() {
        assertEquals(Instant.parse("2026-01-31T09:30:00Z"), Dates.parseInstant("at", "2026-01-31T18:30:00+09:00"));
        assertEquals(Instant.parse("2026-01-31T00:00:00Z"), Dates.parseInstant("at", "2026-01-31"));
        assertEquals(Dates.LATEST_INSTANT, Dates.parseInstant("at", "9999-12-31T23:59:59.999999999Z"));
        assertEquals(Dates.EARLIEST_INSTANT, Dates.parseInstant("at", "0001-01-01T00:00:00Z"));
    }

    @Test
    void longTextIsShortenedInTheMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> Dates.parseInstant("at", "9".repeat(100_000)));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Property
    void everySupportedDateIsWrittenAndReadBack(@ForAll("dates") LocalDate date) {
        assertTrue(Dates.isSupported(date));
        assertEquals(date, Dates.parseDate("d", date.toString()));
        assertEquals(date.atStartOfDay(ZoneOffset.UTC).toInstant(), Dates.parseInstant("d", date.toString()));
    }

    @Property
    void everySupportedInstantIsWrittenAndReadBack(@ForAll("instants") Instant instant) {
        assertTrue(Dates.isSupported(instant));
        assertEquals(instant, Dates.parseInstant("at", instant.toString()));
    }

    @Property
    void datesJustOutsideTheRangeAreNotSupported(@ForAll("dates") LocalDate date) {
        long outside = date.toEpochDay() < 0 ? Dates.EARLIEST.toEpochDay() - 1 - (date.toEpochDay() & 0xFFFF)
                : Dates.LATEST.toEpochDay() + 1 + (date.toEpochDay() & 0xFFFF);
        assertFalse(Dates.isSupported(LocalDate.ofEpochDay(outside)));
    }
}
