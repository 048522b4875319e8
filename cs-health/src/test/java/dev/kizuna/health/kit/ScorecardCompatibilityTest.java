package dev.kizuna.health.kit;

import dev.kizuna.core.signal.SignalSnapshot;

import java.util.List;

/** The built-in scorecard passes the compatibility kit: groups, every normaliser, caps and a minimum completeness. */
class ScorecardCompatibilityTest extends HealthModelCompatibilityKit {

    @Override
    protected String definitionJson() {
        return Samples.SCORECARD_JSON;
    }

    @Override
    protected List<SignalSnapshot> samples() {
        return Samples.portfolio(NOW, 40);
    }
}
