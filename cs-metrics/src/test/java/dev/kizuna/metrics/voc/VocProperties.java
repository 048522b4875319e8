package dev.kizuna.metrics.voc;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocProperties {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Property
    void npsIsBetweenMinusAndPlusOneHundred(@ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 10) Integer> scores) {
        BigDecimal score = Nps.of(scores.stream().mapToInt(Integer::intValue)).score().orElseThrow();
        assertTrue(score.compareTo(HUNDRED.negate()) >= 0 && score.compareTo(HUNDRED) <= 0, score.toPlainString());
    }

    @Property
    void npsMarginIsNonNegativeAndShrinksWithMoreOfTheSameAnswers(
            @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 10) Integer> scores) {
        Nps once = Nps.of(scores.stream().mapToInt(Integer::intValue));
        Nps twice = new Nps(once.promoters() * 2, once.passives() * 2, once.detractors() * 2);
        double margin = once.marginOfError().orElseThrow();
        assertTrue(margin >= 0);
        assertTrue(twice.marginOfError().orElseThrow() <= margin + 1e-12);
        assertEquals(0, once.score().orElseThrow().compareTo(twice.score().orElseThrow()));
    }

    @Property
    void vocMetricsDoNotDependOnResponseOrder(
            @ForAll @Size(max = 100) List<@IntRange(min = 1, max = 7) Integer> scores, @ForAll long seed) {
        List<Integer> shuffled = new ArrayList<>(scores);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(Nps.of(scores.stream().mapToInt(Integer::intValue)), Nps.of(shuffled.stream().mapToInt(Integer::intValue)));
        assertEquals(Ces.of(scores.stream().mapToInt(Integer::intValue)), Ces.of(shuffled.stream().mapToInt(Integer::intValue)));
        Csat csat = Csat.of(scores.stream().mapToInt(Integer::intValue), CsatScale.topBoxes(1, 7, 2));
        assertEquals(csat, Csat.of(shuffled.stream().mapToInt(Integer::intValue), CsatScale.topBoxes(1, 7, 2)));
        csat.score().ifPresent(s -> assertTrue(s.value().compareTo(BigDecimal.ONE) <= 0 && s.value().signum() >= 0));
    }
}
