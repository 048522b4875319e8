package dev.kizuna.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the readers of dates and instants. The contract: a supported date (or instant) that reads back from its own
 * text, or an {@link IllegalArgumentException} whose message starts with the field name; anything else is a finding.
 * In {@code verify} these run over the committed inputs; {@code JAZZER_FUZZ=1} fuzzes them (see the README).
 */
class DatesFuzzTest {

    /** Text shaped like a date or an instant: digits, signs, separators and offsets in any order, or anything. */
    private static String dateLike(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return data.consumeString(60);
        }
        StringBuilder text = new StringBuilder();
        int parts = data.consumeInt(1, 12);
        for (int i = 0; i < parts && data.remainingBytes() > 0; i++) {
            switch (data.consumeInt(0, 7)) {
                case 0 -> text.append(data.consumeInt(-1_000_000_000, 1_000_000_000));
                case 1 -> text.append(String.format("%04d", data.consumeInt(0, 9999)));
                case 2 -> text.append(String.format("%02d", data.consumeInt(0, 99)));
                case 3 -> text.append(data.pickValue(new String[] {"-", "T", ":", "Z", "+", ".", " ", "t", "z"}));
                case 4 -> text.append(data.pickValue(new String[] {"+18:00", "-18:00", "+09:00", "Z", "+99:99", "[UTC]"}));
                case 5 -> text.append(data.pickValue(new String[] {"٢٠٢٤", "２０２４", "\u0000", "\uD800", "😀"}));
                case 6 -> text.append(data.consumeLong());
                default -> text.append(data.consumeString(8));
            }
        }
        return text.toString();
    }

    @FuzzTest(maxDuration = "2m")
    void parseDate(FuzzedDataProvider data) {
        String text = dateLike(data);
        LocalDate date;
        try {
            date = Dates.parseDate("date", text);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("date: "), e.getMessage());
            return;
        }
        assertTrue(Dates.isSupported(date), date::toString);
        assertEquals(date, Dates.parseDate("date", date.toString()));
    }

    @FuzzTest(maxDuration = "2m")
    void parseInstant(FuzzedDataProvider data) {
        String text = dateLike(data);
        Instant instant;
        try {
            instant = Dates.parseInstant("at", text);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("at: "), e.getMessage());
            return;
        }
        assertTrue(Dates.isSupported(instant), instant::toString);
        assertEquals(instant, Dates.parseInstant("at", instant.toString()));
    }
}
