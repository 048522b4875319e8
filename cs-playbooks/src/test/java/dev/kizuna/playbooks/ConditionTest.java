package dev.kizuna.playbooks;

import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.PlanStatus;
import dev.kizuna.core.signal.SignalName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionTest {

    private static void rejects(Runnable r, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    void typedBuildersDescribeWhatTheyTest() {
        Condition c = Condition.signalChange(SignalName.USAGE_ACTIVE_USERS, Duration.ofDays(30)).below(-0.3)
                .and(Condition.healthBand().in("red", "yellow"))
                .or(Condition.not(Condition.topTier()));
        assertEquals("(change of usage.active_users over P30D < -0.3 and health_band in [red, yellow]) or "
                + "not (tier_rank <= 1)", c.describe());
        assertEquals("stage in [CONVERSION, RETENTION]",
                Condition.stage().in(JourneyStage.RETENTION, JourneyStage.CONVERSION).describe());
        assertEquals("plan_status in [OFF_TRACK]", Condition.planStatus().is(PlanStatus.OFF_TRACK).describe());
        assertEquals("days_to_renewal in [61, 90]", Condition.daysToRenewal().between(61, 90).describe());
        assertEquals("contract_term_days >= 180", Condition.contractTermDays().atLeast(180).describe());
        assertEquals("promoters within P90D >= 1", Condition.promoters(Duration.ofDays(90)).atLeast(1).describe());
    }

    @Test
    void aSetCriterionOnANumericFactIsRejected() {
        rejects(() -> new Condition.Test(Fact.of(FactKind.DAYS_TO_RENEWAL), Criterion.In.of(List.of("x"))),
                "in: days_to_renewal is a number");
    }

    @Test
    void aNumericCriterionOnACategoricalFactIsRejected() {
        rejects(() -> new Condition.Test(Fact.of(FactKind.SEGMENT), new Criterion.Below(3)),
                "below: segment is categorical");
    }

    @Test
    void aStageThatDoesNotExistIsRejected() {
        rejects(() -> new Condition.Test(Fact.of(FactKind.STAGE), Criterion.In.of(List.of("CHURNED"))),
                "'CHURNED' is not a stage", "RETENTION");
    }

    @Test
    void anEmptyRangeIsRejected() {
        rejects(() -> Condition.healthScore().between(50, 40), "between: [50, 40] is empty");
    }

    @Test
    void aNonFiniteThresholdIsRejected() {
        rejects(() -> Condition.healthScore().below(Double.NaN), "below: NaN must be a finite number");
    }

    @Test
    void anImpossibleWindowIsRejected() {
        rejects(() -> Condition.promoters(Duration.ZERO), "fact.window: P0D is not a possible window");
        rejects(() -> Condition.detractors(Duration.ofDays(-3)), "fact.window: PT-72H is not a possible window");
        rejects(() -> Condition.signalChange(SignalName.USAGE_ACTIVE_USERS, Duration.ofDays(4000)),
                "fact.window: P4000D is not a possible window", "at most 3653 days");
    }

    @Test
    void aFactMustHaveTheSignalAndWindowItsKindNeeds() {
        rejects(() -> new Fact(FactKind.SIGNAL, Optional.empty(), Optional.empty()), "fact.signal: a signal fact"
                + " needs a signal");
        rejects(() -> new Fact(FactKind.HEALTH_SCORE, Optional.of(SignalName.SENTIMENT_NPS), Optional.empty()),
                "fact.signal: a health_score fact takes no signal");
        rejects(() -> new Fact(FactKind.PROMOTERS, Optional.empty(), Optional.empty()),
                "fact.window: a promoters fact needs a window");
    }

    @Test
    void anAllWithoutPartsIsRejected() {
        rejects(() -> Condition.all(List.of()), "all: 0 parts; there must be 1 to 100");
    }

    @Test
    void anEmptySetIsRejected() {
        rejects(() -> new Criterion.In(new TreeSet<>()), "in: [] must name at least one value");
    }
}
