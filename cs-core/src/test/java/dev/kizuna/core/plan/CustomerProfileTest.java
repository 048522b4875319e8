package dev.kizuna.core.plan;

import dev.kizuna.core.journey.JourneyStage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kizuna.core.plan.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CustomerProfileTest {
    private static CustomerProfile.Builder builder() {
        return CustomerProfile.builder("Head of support", "Retail banking", JourneyStage.CONVERSION);
    }

    @Test
    void blankPersonaIsRejected() {
        assertRejected("profile.persona",
                () -> CustomerProfile.builder("", "Banking", JourneyStage.CONVERSION).build(), "blank");
    }

    @Test
    void blankIndustryIsRejected() {
        assertRejected("profile.industry",
                () -> CustomerProfile.builder("CFO", "\t", JourneyStage.CONVERSION).build(), "blank");
    }

    @Test
    void blankBusinessGoalIsRejectedWithItsIndex() {
        assertRejected("profile.businessGoals[0]", () -> builder().businessGoal(" ").build(), "blank");
    }

    @Test
    void blankChallengeIsRejectedWithItsIndex() {
        assertRejected("profile.challenges[1]", () -> builder().challenge("Legacy data").challenge("").build(), "blank");
    }

    @Test
    void blankKnowledgeGapIsRejectedWithItsIndex() {
        assertRejected("profile.knowledgeGaps[0]", () -> builder().knowledgeGap("").build(), "blank");
    }

    @Test
    void blankSuccessFactorIsRejectedWithItsIndex() {
        assertRejected("profile.successFactors[0]", () -> builder().successFactor(" ").build(), "blank");
    }

    @Test
    void overlongTextIsRejected() {
        assertRejected("profile.persona",
                () -> CustomerProfile.builder("x".repeat(10_001), "Banking", JourneyStage.CONVERSION).build(),
                "10001 characters");
    }

    @Test
    void missingStageIsRejectedByName() {
        assertEquals("profile.stage", assertThrows(NullPointerException.class,
                () -> CustomerProfile.builder("CFO", "Banking", null)).getMessage());
    }

    @Test
    void builderKeepsTheOrderOfEachList() {
        CustomerProfile p = builder().businessGoal("Cut handling time").businessGoal("Raise CSAT")
                .challenge("Two legacy tools").knowledgeGap("Workflow automation").successFactor("Executive sponsor")
                .build();
        assertEquals(List.of("Cut handling time", "Raise CSAT"), p.businessGoals());
        assertEquals(List.of("Two legacy tools"), p.challenges());
        assertEquals(List.of("Workflow automation"), p.knowledgeGaps());
        assertEquals(List.of("Executive sponsor"), p.successFactors());
        assertEquals(JourneyStage.RETENTION, p.withStage(JourneyStage.RETENTION).stage());
    }
}
