package dev.kizuna.metrics;

import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedValuesTest {

    @Test
    void ratioOverZeroIsEmptyNeverNaN() {
        assertEquals(Optional.empty(), Ratio.of(5, 0));
        assertEquals(Optional.empty(), Ratio.of(Money.of("5", "EUR"), Money.of("0", "EUR")));
    }

    @Test
    void ratioKeepsItsPartsAndRoundsOnlyNonTerminatingQuotients() {
        Ratio third = Ratio.of(1, 3).orElseThrow();
        assertEquals(new BigDecimal("0.333333333333"), third.value());
        assertEquals(new BigDecimal("33.3333333333"), third.percent());
        assertEquals(new BigDecimal("0.25"), Ratio.of(1, 4).orElseThrow().value());
        assertEquals(Ratio.of(2, 3).orElseThrow(), third.complement());
        assertTrue(Ratio.of(333_333_333_333L, 1_000_000_000_000L).orElseThrow().compareTo(third) < 0,
                "comparison is exact, not on the rounded values");
        assertEquals("0.25 (1/4)", Ratio.of(1, 4).orElseThrow().toString());
        assertEquals(Ratio.of(new BigDecimal("1.50"), new BigDecimal("3")), Ratio.of(new BigDecimal("1.5"), new BigDecimal("3.000")));
    }

    @Test
    void negativeDenominatorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ratio.of(1, -2));
        assertEquals("denominator: -2 must be > 0", e.getMessage());
    }

    @Test
    void ratioOfTwoCurrenciesIsRejected() {
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> Ratio.of(Money.of("1", "EUR"), Money.of("2", "USD")));
        assertTrue(e.getMessage().contains("1.00 EUR") && e.getMessage().contains("2.00 USD"), e.getMessage());
    }

    @Test
    void dateRangesAreHalfOpen() {
        DateRange january = DateRange.inclusive(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));
        assertEquals(LocalDate.of(2024, 2, 1), january.end());
        assertEquals(31, january.days());
        assertTrue(january.contains(LocalDate.of(2024, 1, 31)));
        assertTrue(!january.contains(LocalDate.of(2024, 2, 1)));
        assertEquals(DateRange.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 2, 1)),
                DateRange.trailing(LocalDate.of(2024, 2, 1), 30));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DateRange.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 1)));
        assertEquals("end: 2024-02-01 must be after start 2024-02-01 (the end of a range is excluded)", e.getMessage());
    }

    @Test
    void reportingPeriodsAreCalendarPeriodsAndIsoWeeks() {
        LocalDate day = LocalDate.of(2024, 5, 15);
        assertEquals(DayOfWeek.MONDAY, ReportingPeriod.WEEK.startOf(day).getDayOfWeek());
        assertEquals(LocalDate.of(2024, 4, 1), ReportingPeriod.QUARTER.startOf(day));
        assertEquals(LocalDate.of(2024, 7, 1), ReportingPeriod.QUARTER.endOf(day));
        assertEquals(LocalDate.of(2024, 1, 1), ReportingPeriod.YEAR.startOf(day));
        List<DateRange> months = ReportingPeriod.MONTH.between(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 3, 2));
        assertEquals(3, months.size());
        assertEquals(ReportingPeriod.MONTH.containing(LocalDate.of(2023, 11, 30)), ReportingPeriod.MONTH.shifted(day, -6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportingPeriod.DAY.between(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1)));
        assertEquals("last: 2024-01-01 must not be before first 2024-01-02", e.getMessage());
    }

    @Test
    void confidenceLevelsGiveTheNormalCriticalValues() {
        assertEquals(1.644854, ConfidenceLevel.NINETY.z(), 1e-6);
        assertEquals(1.959964, ConfidenceLevel.NINETY_FIVE.z(), 1e-6);
        assertEquals(2.575829, ConfidenceLevel.NINETY_NINE.z(), 1e-6);
        assertEquals(3.290527, ConfidenceLevel.of(0.999).z(), 1e-6);
    }
}
