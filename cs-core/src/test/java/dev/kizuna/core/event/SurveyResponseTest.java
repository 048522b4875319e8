package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurveyResponseTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant AT = Instant.parse("2024-02-01T12:00:00Z");

    @Test
    void scaleWithMaxNotAboveMinIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SurveyScale.of(5, 5));
        assertEquals("scale.max: 5 must be above scale.min 5", e.getMessage());
    }

    @Test
    void defaultScalesFollowTheConventions() {
        assertEquals(SurveyScale.of(0, 10), SurveyResponse.Kind.NPS.defaultScale());
        assertEquals(SurveyScale.of(1, 5), SurveyResponse.Kind.CSAT.defaultScale());
        assertEquals(SurveyScale.of(1, 7), SurveyResponse.Kind.CES.defaultScale());
        assertEquals(11, SurveyScale.NPS.size());
        assertEquals("1..5", SurveyScale.CSAT_DEFAULT.toString());
    }

    @Test
    void npsScoreAboveTenIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SurveyResponse.nps(ACME, "r-1", AT, 11));
        assertEquals("score: 11 is outside the NPS scale 0..10", e.getMessage());
    }

    @Test
    void npsScoreBelowZeroIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SurveyResponse.nps(ACME, "r-1", AT, -1));
        assertEquals("score: -1 is outside the NPS scale 0..10", e.getMessage());
    }

    @Test
    void csatScoreOffItsScaleIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SurveyResponse.csat(ACME, "r-1", AT, 0));
        assertEquals("score: 0 is outside the CSAT scale 1..5", e.getMessage());
        var custom = assertThrows(IllegalArgumentException.class,
                () -> SurveyResponse.csat(ACME, "r-1", AT, SurveyScale.of(1, 3), 4));
        assertEquals("score: 4 is outside the CSAT scale 1..3", custom.getMessage());
    }

    @Test
    void cesScoreOffItsScaleIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SurveyResponse.ces(ACME, "r-1", AT, 8));
        assertEquals("score: 8 is outside the CES scale 1..7", e.getMessage());
    }

    @Test
    void npsOnAnotherScaleIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SurveyResponse(
                ACME, "r-1", AT, SurveyResponse.Kind.NPS, SurveyScale.of(1, 10), 5, Optional.empty()));
        assertEquals("scale: 1..10 is not allowed for NPS, which is always 0..10", e.getMessage());
    }

    @Test
    void csatAndCesMayUseOtherScales() {
        assertEquals(10, SurveyResponse.csat(ACME, "r-1", AT, SurveyScale.of(1, 10), 10).score());
        assertEquals(5, SurveyResponse.ces(ACME, "r-1", AT, SurveyScale.of(1, 5), 5).score());
    }

    @Test
    void blankCommentIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SurveyResponse.nps(ACME, "r-1", AT, 9).withComment("  "));
        assertEquals("comment: must not be blank", e.getMessage());
    }

    @Test
    void blankRespondentIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SurveyResponse.nps(ACME, "", AT, 9));
        assertTrue(e.getMessage().startsWith("respondentId: ''"), e.getMessage());
    }

    @Test
    void commentIsKept() {
        assertEquals(Optional.of("Great onboarding"),
                SurveyResponse.nps(ACME, "r-1", AT, 10).withComment("Great onboarding").comment());
    }

    @Test
    void npsCategoriesFollowTheStandardThresholds() {
        // Promoters 9-10, passives 7-8, detractors 0-6 (Reichheld, "The One Number You Need to Grow", HBR 2003).
        for (int score = 0; score <= 10; score++) {
            SurveyResponse r = SurveyResponse.nps(ACME, "r-1", AT, score);
            assertEquals(score >= 9, r.isPromoter(), "promoter at " + score);
            assertEquals(score == 7 || score == 8, r.isPassive(), "passive at " + score);
            assertEquals(score <= 6, r.isDetractor(), "detractor at " + score);
        }
        assertTrue(SurveyResponse.nps(ACME, "r-1", AT, 9).isPromoter());
        assertFalse(SurveyResponse.nps(ACME, "r-1", AT, 8).isPromoter());
        assertTrue(SurveyResponse.nps(ACME, "r-1", AT, 6).isDetractor());
        assertFalse(SurveyResponse.nps(ACME, "r-1", AT, 7).isDetractor());
    }

    @Test
    void npsCategoriesOfOtherKindsAreRefused() {
        SurveyResponse csat = SurveyResponse.csat(ACME, "r-1", AT, 5);
        var e = assertThrows(IllegalStateException.class, csat::isPromoter);
        assertEquals("isPromoter: a CSAT answer has no NPS category; only NPS answers do", e.getMessage());
        assertThrows(IllegalStateException.class, csat::isDetractor);
        assertThrows(IllegalStateException.class, SurveyResponse.ces(ACME, "r-1", AT, 5)::isPassive);
    }
}
