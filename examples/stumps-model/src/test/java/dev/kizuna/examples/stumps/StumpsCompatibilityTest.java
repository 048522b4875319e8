package dev.kizuna.examples.stumps;

// README: stumps-kit BEGIN
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.kit.HealthModelCompatibilityKit;
import dev.kizuna.health.kit.Samples;

import java.util.List;
// README: stumps-kit END

/** The boosted-stumps model passes cs-health's compatibility kit, found through ServiceLoader. */
// README: stumps-kit BEGIN
class StumpsCompatibilityTest extends HealthModelCompatibilityKit {

    @Override
    protected String definitionJson() {
        return """
                {"type": "stumps", "id": "churn-stumps", "version": "1", "intercept": -1.5,
                 "minimumCompleteness": 0.4,
                 "stumps": [
                   {"signal": "usage.active_users", "threshold": 50, "below": 0.9, "atOrAbove": -0.4, "missing": 0.3},
                   {"signal": "usage.active_users", "threshold": 200, "below": 0.1, "atOrAbove": -0.5, "missing": 0},
                   {"signal": "sentiment.nps", "threshold": 0, "below": 0.7, "atOrAbove": -0.3, "missing": 0.2},
                   {"signal": "engagement.dau_mau", "threshold": 0.15, "below": 0.5, "atOrAbove": -0.2, "missing": 0.5},
                   {"signal": "support.open_tickets", "threshold": 4, "below": -0.1, "atOrAbove": 0.6, "missing": 0},
                   {"signal": "commercial.payment_issues", "threshold": 1, "below": -0.2, "atOrAbove": 1.1,
                    "missing": -0.2}
                 ]}
                """;
    }

    @Override
    protected List<SignalSnapshot> samples() {
        return Samples.portfolio(NOW, 40);
    }
}
// README: stumps-kit END
