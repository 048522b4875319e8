package dev.kizuna.metrics.voc;

import dev.kizuna.metrics.ConfidenceLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocTest {

    private static int[] repeat(int score, int times) {
        int[] out = new int[times];
        java.util.Arrays.fill(out, score);
        return out;
    }

    private static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(IntStream::of).toArray();
    }

    @Test
    void npsOfAWorkedExample() {
        // theprimecalculator.com/business/nps-calculator/formula: of 100 responses, 60 promoters, 25 passives and
        // 15 detractors give an NPS of 60% - 15% = 45.
        Nps nps = Nps.of(concat(repeat(10, 30), repeat(9, 30), repeat(8, 25), repeat(3, 15)));
        assertEquals(new Nps(60, 25, 15), nps);
        assertEquals(0, new BigDecimal("45").compareTo(nps.score().orElseThrow()));
    }

    @Test
    void npsMarginOfErrorMatchesAPublishedInterval() {
        // talkstats.com, "Net Promoter Score - Calculating Confidence Intervals and Margin of Error": 1162 responses,
        // 291 promoters, 476 passives and 395 detractors: NPS -9 with a 95% interval of +/- 4.4 points.
        Nps nps = new Nps(291, 476, 395);
        assertEquals(-9, nps.score().orElseThrow().setScale(0, java.math.RoundingMode.HALF_EVEN).intValue());
        assertEquals(4.4, nps.marginOfError().orElseThrow(), 0.05);
    }

    @Test
    void npsStandardErrorMatchesTheTicketModel() {
        // stats.stackexchange.com, "How can I calculate margin of error in a NPS result?" (answer by whuber): with 1/2
        // promoters, 1/3 passives and 1/6 detractors the NPS is 1/3 and the variance of one response is 5/9.
        Nps nps = new Nps(3, 2, 1);
        assertEquals(100 * Math.sqrt(5.0 / 9 / 6), nps.standardError().orElseThrow(), 1e-9);
        assertEquals(1.959964 * 100 * Math.sqrt(5.0 / 9 / 6), nps.marginOfError(ConfidenceLevel.NINETY_FIVE).orElseThrow(), 1e-4);
        assertEquals(2.575829, ConfidenceLevel.NINETY_NINE.z(), 1e-6);
    }

    @Test
    void csatCountsTheTopTwoBoxes() {
        // help.delighted.com, "How is CSAT calculated?": 42 fives, 32 fours, 10 threes, 9 twos and 14 ones give
        // 74 satisfied of 107 responses, 69.16%.
        Csat csat = Csat.of(concat(repeat(5, 42), repeat(4, 32), repeat(3, 10), repeat(2, 9), repeat(1, 14)),
                CsatScale.ONE_TO_FIVE);
        assertEquals(74, csat.satisfied());
        assertEquals(107, csat.responses());
        assertEquals(new BigDecimal("69.16"), csat.score().orElseThrow().percent().setScale(2, java.math.RoundingMode.HALF_EVEN));
        // intercom.help (VoC metrics), "What is CSAT": 10 fives, 20 fours, 10 threes, 5 twos, 5 ones: 60%.
        Csat intercom = Csat.of(concat(repeat(5, 10), repeat(4, 20), repeat(3, 10), repeat(2, 5), repeat(1, 5)),
                CsatScale.ONE_TO_FIVE);
        assertEquals(new BigDecimal("60"), intercom.score().orElseThrow().percent());
        assertEquals(new BigDecimal("3.5"), intercom.mean().orElseThrow());
    }

    @Test
    void csatScaleAndTopBoxAreConfigurable() {
        CsatScale tenPoint = CsatScale.topBoxes(1, 10, 2);
        assertEquals(9, tenPoint.satisfiedFrom());
        Csat csat = Csat.of(new int[] {10, 9, 8, 1}, tenPoint);
        assertEquals(new BigDecimal("0.5"), csat.score().orElseThrow().value());
        Csat topBox = Csat.of(new int[] {5, 4, 4, 5}, CsatScale.topBoxes(1, 5, 1));
        assertEquals(new BigDecimal("0.5"), topBox.score().orElseThrow().value());
    }

    @Test
    void cesReportsMeanAndShareAgreeingSeparately() {
        Ces ces = Ces.of(7, 6, 5, 4, 1, 7);
        assertEquals(new BigDecimal("5"), ces.mean().orElseThrow());
        assertEquals(4, ces.agreeing());
        assertEquals(new BigDecimal("0.666666666667"), ces.agreeShare().orElseThrow().value());
    }

    @Test
    void responseRateReportsDuplicatesAndUninvitedResponses() {
        ResponseRate rate = ResponseRate.of(Set.of("a", "b", "c", "d"), List.of("a", "b", "a", "zed"));
        assertEquals(2, rate.responded());
        assertEquals(1, rate.duplicates());
        assertEquals(1, rate.uninvited());
        assertEquals(new BigDecimal("0.5"), rate.rate().orElseThrow().value());
        assertEquals(new BigDecimal("0.25"), ResponseRate.of(200, 50).rate().orElseThrow().value());
    }

    @Test
    void noResponsesGiveEmptyMetrics() {
        assertTrue(Nps.of().score().isEmpty());
        assertTrue(Nps.of().marginOfError().isEmpty());
        assertTrue(Csat.of(new int[0], CsatScale.ONE_TO_FIVE).score().isEmpty());
        assertTrue(Ces.of().mean().isEmpty());
        assertTrue(ResponseRate.of(Set.of(), Collections.<String>emptyList()).rate().isEmpty());
    }

    // ---- bad input ----

    @Test
    void npsScoreOffTheScaleIsRejectedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nps.of(9, 10, 11));
        assertEquals("scores[2]: 11 is off the 0-10 NPS scale", e.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> Nps.of(-1));
        assertEquals("scores[0]: -1 is off the 0-10 NPS scale", negative.getMessage());
    }

    @Test
    void csatScoreOffTheScaleIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Csat.of(new int[] {5, 0}, CsatScale.ONE_TO_FIVE));
        assertEquals("scores[1]: 0 is off the 1-5 CSAT scale", e.getMessage());
    }

    @Test
    void cesScoreOffTheScaleIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ces.of(7, 8));
        assertEquals("scores[1]: 8 is off the 1-7 CES scale", e.getMessage());
    }

    @Test
    void invalidScalesAndCountsAreRejected() {
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class, () -> new CsatScale(5, 1, 4));
        assertEquals("max: 1 must be above min 5", scale.getMessage());
        IllegalArgumentException box = assertThrows(IllegalArgumentException.class, () -> new CsatScale(1, 5, 1));
        assertEquals("satisfiedFrom: 1 must be above min 1 and at most max 5", box.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> ResponseRate.of(10, 12));
        assertEquals("responded: 12 must be from 0 to invited 10", rate.getMessage());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class, () -> ConfidenceLevel.of(1.0));
        assertEquals("level: 1.0 must be strictly between 0 and 1", level.getMessage());
    }
}
