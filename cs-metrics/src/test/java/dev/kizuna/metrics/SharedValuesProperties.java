package dev.kizuna.metrics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedValuesProperties {

    @Property
    void periodsContainTheirDayAndFollowOneAnother(@ForAll ReportingPeriod unit,
                                                  @ForAll @IntRange(min = -40_000, max = 40_000) int epochDay) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        DateRange period = unit.containing(day);
        assertTrue(period.contains(day));
        assertEquals(period, unit.containing(period.lastDay()));
        assertEquals(unit.containing(period.end()), unit.shifted(day, 1));
        assertEquals(period, unit.shifted(period.end(), -1));
    }
}
