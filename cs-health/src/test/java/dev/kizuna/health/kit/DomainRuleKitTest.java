package dev.kizuna.health.kit;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.DeclaredDomainModel;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit holds plug-in models to the domain rule: a model whose definition declares a custom signal's domain
 * (here {@code custom.dependents}, a 0/1 flag) passes the kit's domain checks when it rejects values outside it and
 * keeps its levers inside it, and fails them when it does not.
 */
class DomainRuleKitTest {
    private static final SignalName DEPENDENTS = SignalName.of("custom.dependents");
    private static final Map<SignalName, SignalDomain> FLAG = Map.of(DEPENDENTS, SignalDomain.FLAG);
    private static final ScorecardDefinition CARD = ScorecardDefinition.builder(ModelId.of("plug-in", "1"))
            .add(Measure.of("nps", SignalName.SENTIMENT_NPS, 1, Normaliser.linear(-100, 100)))
            .add(Measure.of("dependents", DEPENDENTS, 1, Normaliser.linear(0, 10)).withLabel("dependents"))
            .build();

    /** The kit, run on {@code model} with samples at both values of the flag. */
    private static HealthModelCompatibilityKit kit(HealthModel model) {
        return new HealthModelCompatibilityKit() {
            @Override
            protected String definitionJson() {
                return "{}";
            }

            @Override
            protected ModelDefinition definition() {
                return model.definition();
            }

            @Override
            protected HealthModel model() {
                return model;
            }

            @Override
            protected List<SignalSnapshot> samples() {
                List<SignalSnapshot> out = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    out.add(SignalSnapshot.builder(AccountId.of("acct-" + i), NOW)
                            .put(SignalName.SENTIMENT_NPS, -60 + 25 * i).put(DEPENDENTS, i % 2).build());
                }
                return out;
            }
        };
    }

    @Test
    void aModelThatKeepsTheRulePassesTheKitsDomainChecks() {
        HealthModelCompatibilityKit kit = kit(DeclaredDomainModel.of(CARD, FLAG));
        kit.valuesOutsideAnInputsDomainAreRejectedNotScored();
        kit.batchRowsWithAValueOutsideItsDomainFailWithTheReasonAndTheOthersAreScored();
        kit.explanationsAgreeWithTheScoreAndLeversReachTheirBand();
    }

    @Test
    void aModelThatScoresAValueOutsideADeclaredDomainFailsTheKit() {
        HealthModelCompatibilityKit kit = kit(DeclaredDomainModel.unchecked(CARD, FLAG));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                kit::valuesOutsideAnInputsDomainAreRejectedNotScored);
        assertTrue(e.getMessage().startsWith("score() accepted a value of -1.0 for custom.dependents, outside its"
                + " domain 0 or 1"), e.getMessage());
    }

    @Test
    void aModelWhoseLeversLeaveADeclaredDomainFailsTheKit() {
        HealthModelCompatibilityKit kit = kit(DeclaredDomainModel.blindLevers(CARD, FLAG));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                kit::explanationsAgreeWithTheScoreAndLeversReachTheirBand);
        assertTrue(e.getMessage().contains(", outside the domain of custom.dependents: 0 or 1"), e.getMessage());
    }

    @Test
    void outsideGivesValuesBeyondEachBoundAndAFractionForWholeNumbers() {
        assertEquals(List.of(-1.0, 2.0, 0.5), HealthModelCompatibilityKit.outside(SignalDomain.FLAG));
        assertEquals(List.of(-200.0, 200.0), HealthModelCompatibilityKit.outside(SignalDomain.between(-100, 100)));
        assertEquals(List.of(-1.0, 0.5), HealthModelCompatibilityKit.outside(SignalDomain.COUNT));
        assertEquals(List.of(), HealthModelCompatibilityKit.outside(SignalDomain.ANY));
    }
}
