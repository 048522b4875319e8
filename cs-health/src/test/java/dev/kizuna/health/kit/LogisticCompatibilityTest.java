package dev.kizuna.health.kit;

import dev.kizuna.core.signal.SignalSnapshot;

import java.util.List;

/** The built-in logistic churn model passes the compatibility kit. */
class LogisticCompatibilityTest extends HealthModelCompatibilityKit {

    @Override
    protected String definitionJson() {
        return Samples.LOGISTIC_JSON;
    }

    @Override
    protected List<SignalSnapshot> samples() {
        return Samples.portfolio(NOW, 40);
    }
}
