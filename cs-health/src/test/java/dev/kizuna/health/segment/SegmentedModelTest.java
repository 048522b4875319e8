package dev.kizuna.health.segment;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.DeclaredDomainModel;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.kizuna.health.Fixtures.NOW;
import static dev.kizuna.health.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentedModelTest {
    private static HealthModel model(String id) {
        return ScorecardModel.of(ScorecardDefinition.builder(ModelId.of(id, "1"))
                .add(Measure.of("nps", SignalName.SENTIMENT_NPS, 1, Normaliser.linear(-100, 100))).build());
    }

    private final HealthModel standard = model("standard");
    private final HealthModel onboarding = model("onboarding");
    private final HealthModel strategic = model("strategic");
    private final HealthModel enterprise = model("enterprise");
    private final SegmentedModel models = SegmentedModel.builder(standard)
            .when(AccountCriterion.stage(JourneyStage.CONVERSION), onboarding)
            .when(AccountCriterion.segment(Segment.of("enterprise")).andTier("strategic"), strategic)
            .when(AccountCriterion.segment(Segment.of("enterprise")), enterprise)
            .build();

    private static Account account(String segment, String tier, JourneyStage stage) {
        return Account.builder(AccountId.of("acme"), "Acme").segment(Segment.of(segment)).tier(Tier.of(tier, 1))
                .currency("EUR").stage(stage, NOW.minusSeconds(86_400)).build();
    }

    @Test
    void firstMatchingRuleWinsAndSaysWhy() {
        ModelChoice choice = models.choose(account("enterprise", "strategic", JourneyStage.RETENTION));
        assertSame(strategic, choice.model());
        assertEquals("rule 2: segment = enterprise and tier = strategic", choice.reason());
        assertSame(enterprise, models.choose(account("enterprise", "gold", JourneyStage.RETENTION)).model());
        assertSame(onboarding, models.choose(account("enterprise", "strategic", JourneyStage.CONVERSION)).model());
    }

    @Test
    void defaultAppliesWhenNoRuleMatches() {
        ModelChoice choice = models.choose(account("smb", "standard", JourneyStage.RETENTION));
        assertSame(standard, choice.model());
        assertTrue(choice.isDefault());
        assertEquals("default: no rule matched", choice.reason());
    }

    @Test
    void routedScoreRecordsTheModelUsed() {
        RoutedScore routed = models.score(account("enterprise", "gold", JourneyStage.RETENTION),
                snapshot("sentiment.nps", 50), NOW);
        assertEquals(ModelId.of("enterprise", "1"), routed.score().model());
        assertEquals("rule 3: segment = enterprise", routed.choice().reason());
    }

    @Test
    void snapshotOfAnotherAccountIsRejected() {
        Account other = Account.builder(AccountId.of("other"), "Other").segment(Segment.of("smb"))
                .tier(Tier.of("t", 1)).currency("EUR").stage(JourneyStage.RETENTION, NOW).build();
        assertThrows(IllegalArgumentException.class, () -> models.score(other, snapshot("sentiment.nps", 1), NOW));
    }

    @Test
    void criterionNeedsAtLeastOneCondition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AccountCriterion(java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty()));
        assertEquals("criterion: give at least one of segment, tier and stage", e.getMessage());
    }
    @Test
    void routingRejectsAValueOutsideTheChosenModelsDomainWhateverTheModel() {
        SignalName dependents = SignalName.of("custom.dependents");
        ScorecardDefinition card = ScorecardDefinition.builder(ModelId.of("plug-in", "1"))
                .add(Measure.of("dependents", dependents, 1, Normaliser.linear(0, 1))).build();
        // A plug-in that declares the flag's domain but forgot to check it: the routing checks for it.
        HealthModel forgetful = DeclaredDomainModel.unchecked(card, Map.of(dependents, SignalDomain.FLAG));
        SegmentedModel routed = SegmentedModel.builder(standard)
                .when(AccountCriterion.segment(Segment.of("enterprise")), forgetful).build();
        Account enterprise = account("enterprise", "gold", JourneyStage.RETENTION);
        var e = assertThrows(IllegalArgumentException.class,
                () -> routed.score(enterprise, snapshot("custom.dependents", 7), NOW));
        assertEquals("7 is outside the domain of custom.dependents: 0 or 1", e.getMessage());
        assertEquals(100.0, routed.score(enterprise, snapshot("custom.dependents", 1), NOW).explanation().score()
                .value().getAsDouble());
        // The default model reads no custom.dependents: 7 is only a value it ignores.
        assertTrue(routed.score(account("smb", "gold", JourneyStage.RETENTION), snapshot("custom.dependents", 7,
                "sentiment.nps", 0), NOW).explanation().score().isScored());
        var nps = assertThrows(IllegalArgumentException.class, () -> snapshot("sentiment.nps", 500));
        assertEquals("500 is outside the domain of sentiment.nps: a number from -100 to 100", nps.getMessage());
    }
}
