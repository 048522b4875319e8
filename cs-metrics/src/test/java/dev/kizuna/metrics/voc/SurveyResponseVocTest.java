package dev.kizuna.metrics.voc;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.SurveyScale;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VoC calculators read cs-core survey responses: each kind on its own scale, never pooled with another. */
class SurveyResponseVocTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant AT = Instant.parse("2024-03-01T10:00:00Z");
    private static final Portfolio DEMO = DemoPortfolio.generate();

    private static List<SurveyResponse> nps(int... scores) {
        List<SurveyResponse> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            out.add(SurveyResponse.nps(ACME, "u" + i, AT, scores[i]));
        }
        return out;
    }

    private static List<SurveyResponse> ofKind(SurveyResponse.Kind kind) {
        return DEMO.surveys().stream().filter(s -> s.kind() == kind).toList();
    }

    @Test
    void npsOfResponsesCountsTheThreeCategories() {
        Nps nps = Nps.of(nps(10, 9, 8, 7, 6, 0));
        assertEquals(new Nps(2, 2, 2), nps);
        assertEquals(0, nps.score().orElseThrow().signum());
        assertEquals(new Nps(0, 0, 0), Nps.of(List.<SurveyResponse>of()));
    }

    @Test
    void npsRejectsAnswersOfAnotherKind() {
        List<SurveyResponse> mixed = new ArrayList<>(nps(10, 9));
        mixed.add(SurveyResponse.csat(ACME, "u9", AT, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nps.of(mixed));
        assertTrue(e.getMessage().startsWith("responses[2]: the CSAT answer of respondent 'u9' of account 'acme'"
                + " is not an NPS answer"), e.getMessage());
    }

    @Test
    void csatTakesTheScaleOfTheResponsesAndItsTopTwoBoxes() {
        SurveyScale sevenPoint = SurveyScale.of(1, 7);
        List<SurveyResponse> answers = List.of(SurveyResponse.csat(ACME, "a", AT, sevenPoint, 7),
                SurveyResponse.csat(ACME, "b", AT, sevenPoint, 6), SurveyResponse.csat(ACME, "c", AT, sevenPoint, 5),
                SurveyResponse.csat(ACME, "d", AT, sevenPoint, 1));
        Csat csat = Csat.of(answers);
        assertEquals(new Csat(new CsatScale(1, 7, 6), 2, 4, 19), csat);
        assertEquals(new BigDecimal("0.5"), csat.score().orElseThrow().value());
        Csat topThree = Csat.of(answers, CsatScale.topBoxes(1, 7, 3));
        assertEquals(3, topThree.satisfied());
        assertEquals(CsatScale.ONE_TO_FIVE, Csat.of(List.<SurveyResponse>of()).scale());
    }

    @Test
    void csatRejectsAnswersOnAnotherScaleOrOfAnotherKind() {
        List<SurveyResponse> scales = List.of(SurveyResponse.csat(ACME, "a", AT, 5),
                SurveyResponse.csat(ACME, "b", AT, SurveyScale.of(1, 7), 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csat.of(scales));
        assertTrue(e.getMessage().startsWith("responses[1]: the CSAT answer of respondent 'b' of account 'acme' is on"
                + " the scale 1..7, not 1-5 (satisfied from 4)"), e.getMessage());
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> Csat.of(List.of(SurveyResponse.ces(ACME, "c", AT, 6))));
        assertTrue(kind.getMessage().contains("responses[0]: the CES answer"), kind.getMessage());
        assertTrue(kind.getMessage().contains("is not a CSAT answer"), kind.getMessage());
    }

    @Test
    void cesReadsOnlyTheSevenPointAgreementScale() {
        Ces ces = Ces.of(List.of(SurveyResponse.ces(ACME, "a", AT, 7), SurveyResponse.ces(ACME, "b", AT, 5),
                SurveyResponse.ces(ACME, "c", AT, 3)));
        assertEquals(new Ces(3, 2, 15), ces);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ces.of(List.of(SurveyResponse.ces(ACME, "d", AT, SurveyScale.of(1, 5), 2))));
        assertTrue(e.getMessage().startsWith("responses[0]: the CES answer of respondent 'd' of account 'acme' is on"
                + " the scale 1..5"), e.getMessage());
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> Ces.of(nps(9)));
        assertTrue(kind.getMessage().contains("is not a CES answer"), kind.getMessage());
    }

    @Test
    void nullResponsesAreNamedByPosition() {
        List<SurveyResponse> withNull = new ArrayList<>(nps(9));
        withNull.add(null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> Nps.of(withNull));
        assertEquals("responses[1]: null response", e.getMessage());
    }

    @Test
    void demoPortfolioNpsMatchesTheResponsesOwnCategories() {
        List<SurveyResponse> answers = ofKind(SurveyResponse.Kind.NPS);
        Nps nps = Nps.of(answers);
        assertTrue(answers.size() > 100, "the demo has NPS answers");
        assertEquals(answers.stream().filter(SurveyResponse::isPromoter).count(), nps.promoters());
        assertEquals(answers.stream().filter(SurveyResponse::isPassive).count(), nps.passives());
        assertEquals(answers.stream().filter(SurveyResponse::isDetractor).count(), nps.detractors());
        assertEquals(Nps.of(answers.stream().mapToInt(SurveyResponse::score)), nps);
        assertThrows(IllegalArgumentException.class, () -> Nps.of(DEMO.surveys()), "the demo mixes kinds");
    }

    @Test
    void demoPortfolioCsatAndCesMatchTheScoreOverloads() {
        List<SurveyResponse> csat = ofKind(SurveyResponse.Kind.CSAT);
        List<SurveyResponse> ces = ofKind(SurveyResponse.Kind.CES);
        assertTrue(csat.size() > 100 && ces.size() > 100, "the demo has CSAT and CES answers");
        assertEquals(Csat.of(csat.stream().mapToInt(SurveyResponse::score), CsatScale.ONE_TO_FIVE), Csat.of(csat));
        assertEquals(csat.stream().filter(s -> s.score() >= 4).count(), Csat.of(csat).satisfied());
        assertEquals(Ces.of(ces.stream().mapToInt(SurveyResponse::score)), Ces.of(ces));
        assertEquals(ces.stream().filter(s -> s.score() >= 5).count(), Ces.of(ces).agreeing());
    }
}
