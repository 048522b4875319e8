package dev.kizuna.health.kit;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sample definitions and a deterministic sample portfolio, for the compatibility kit's own tests and for model
 * authors who want realistic inputs.
 */
public final class Samples {
    /** A 12-measure scorecard in five groups, with every normaliser, a cap and a minimum completeness. */
    public static final String SCORECARD_JSON = """
            {
              "type": "scorecard", "id": "saas-health", "version": "1",
              "bands": [{"name": "red", "range": "[0, 50)"}, {"name": "yellow", "range": "[50, 75)"},
                        {"name": "green", "range": "[75, 100]"}],
              "missingData": "REDISTRIBUTE",
              "minimumCompleteness": 0.5,
              "measures": [
                {"group": "usage", "label": "Usage", "weight": 35, "measures": [
                  {"measure": "active-users", "label": "active users", "signal": "usage.active_users", "weight": 3,
                   "normaliser": {"type": "logarithmic", "from": 0, "to": 500}},
                  {"measure": "logins", "signal": "usage.logins_30d", "weight": 2,
                   "normaliser": {"type": "linear", "from": 0, "to": 300}},
                  {"measure": "usage-trend", "label": "usage trend", "signal": "usage.trend_30d", "weight": 2,
                   "normaliser": {"type": "piecewise", "points": [{"raw": -0.5, "score": 0}, {"raw": 0, "score": 60},
                                                                {"raw": 0.3, "score": 100}]}},
                  {"measure": "breadth", "label": "feature breadth", "signal": "adoption.feature_breadth", "weight": 1,
                   "normaliser": {"type": "linear", "from": 0, "to": 0.8}}
                ]},
                {"group": "engagement", "label": "Engagement", "weight": 20, "measures": [
                  {"measure": "stickiness", "signal": "engagement.dau_mau", "weight": 1,
                   "normaliser": {"type": "linear", "from": 0.05, "to": 0.5}},
                  {"measure": "licences", "label": "licence utilisation", "signal": "engagement.licence_utilisation",
                   "weight": 1, "normaliser": {"type": "piecewise", "points": [{"raw": 0, "score": 0},
                     {"raw": 0.5, "score": 50}, {"raw": 0.8, "score": 90}, {"raw": 1, "score": 100}]}}
                ]},
                {"group": "sentiment", "label": "Sentiment", "weight": 20, "measures": [
                  {"measure": "nps", "label": "NPS", "signal": "sentiment.nps", "weight": 2,
                   "normaliser": {"type": "linear", "from": -100, "to": 100}},
                  {"measure": "csat", "label": "CSAT", "signal": "sentiment.csat", "weight": 1,
                   "normaliser": {"type": "linear", "from": 0.5, "to": 1}}
                ]},
                {"group": "support", "label": "Support", "weight": 15, "measures": [
                  {"measure": "open-tickets", "label": "open tickets", "signal": "support.open_tickets", "weight": 2,
                   "normaliser": {"type": "steps", "below": 100,
                                  "steps": [{"from": 1, "score": 70}, {"from": 3, "score": 40}, {"from": 6, "score": 10}]}},
                  {"measure": "escalations", "signal": "support.escalated_tickets", "weight": 1, "missingData": "ZERO",
                   "normaliser": {"type": "inverted", "of": {"type": "linear", "from": 0, "to": 3}}}
                ]},
                {"group": "commercial", "label": "Commercial", "weight": 10, "measures": [
                  {"measure": "payments", "label": "payment issues", "signal": "commercial.payment_issues", "weight": 1,
                   "normaliser": {"type": "steps", "below": 100, "steps": [{"from": 1, "score": 30}, {"from": 2, "score": 0}]}},
                  {"measure": "mrr-change", "label": "MRR change", "signal": "commercial.mrr_change_90d", "weight": 1,
                   "normaliser": {"type": "linear", "from": -0.3, "to": 0.1}}
                ]}
              ],
              "caps": [{"cap": "escalation", "label": "open escalations", "signal": "support.escalated_tickets",
                        "when": ">=", "threshold": 2, "max": 40}]
            }
            """;

    /** A logistic churn model over five signals, three standardised. */
    public static final String LOGISTIC_JSON = """
            {
              "type": "logistic", "id": "churn-risk", "version": "2026-05",
              "intercept": -1.5,
              "missingInputs": "REFERENCE",
              "minimumCompleteness": 0.4,
              "terms": [
                {"term": "active-users", "label": "active users", "signal": "usage.active_users",
                 "coefficient": -0.9, "standardisation": {"mean": 120, "sd": 80}},
                {"term": "nps", "label": "NPS", "signal": "sentiment.nps", "coefficient": -0.6,
                 "standardisation": {"mean": 20, "sd": 40}},
                {"term": "stickiness", "signal": "engagement.dau_mau", "coefficient": -0.5,
                 "standardisation": {"mean": 0.2, "sd": 0.1}},
                {"term": "open-tickets", "label": "open tickets", "signal": "support.open_tickets", "coefficient": 0.35},
                {"term": "payments", "label": "payment issues", "signal": "commercial.payment_issues", "coefficient": 0.8}
              ]
            }
            """;

    private Samples() {
    }

    /**
     * Returns {@code n} varied snapshots of accounts {@code acct-000}, {@code acct-001}, ... at {@code at}, each with
     * every signal the sample definitions read; the same {@code n} always gives the same snapshots.
     */
    public static List<SignalSnapshot> portfolio(Instant at, int n) {
        SplittableRandom random = new SplittableRandom(20_260_601L);
        List<SignalSnapshot> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double health = random.nextDouble();
            SignalSnapshot.Builder b = SignalSnapshot.builder(AccountId.of(String.format("acct-%03d", i)), at);
            b.put(SignalName.USAGE_ACTIVE_USERS, Math.round(5 + health * 400 * random.nextDouble()))
                    .put(SignalName.USAGE_LOGINS_30D, Math.round(health * 350 * random.nextDouble()))
                    .put(SignalName.USAGE_TREND_30D, round(-0.5 + health * 0.8 * random.nextDouble(), 3))
                    .put(SignalName.ADOPTION_FEATURE_BREADTH, round(health * random.nextDouble(), 3))
                    .put(SignalName.ENGAGEMENT_DAU_MAU, round(0.02 + 0.5 * health * random.nextDouble(), 3))
                    .put(SignalName.ENGAGEMENT_LICENCE_UTILISATION, round(0.1 + health * random.nextDouble(), 3))
                    .put(SignalName.SENTIMENT_NPS, Math.round(-80 + 170 * health * random.nextDouble()))
                    .put(SignalName.SENTIMENT_CSAT, round(0.4 + 0.6 * health, 3));
            int open = random.nextInt(1 + (int) (8 * (1 - health)));
            // Escalated tickets are among the open ones: drawn as before, then held to the open count.
            int escalated = health < 0.2 ? Math.min(open, random.nextInt(4)) : 0;
            out.add(b.put(SignalName.SUPPORT_OPEN_TICKETS, open)
                    .put(SignalName.SUPPORT_ESCALATED_TICKETS, escalated)
                    .put(SignalName.COMMERCIAL_PAYMENT_ISSUES, health < 0.3 ? random.nextInt(3) : 0)
                    .put(SignalName.COMMERCIAL_MRR_CHANGE_90D, round(-0.3 + 0.45 * health * random.nextDouble(), 3))
                    .build());
        }
        return out;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
