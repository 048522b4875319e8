package dev.kizuna.examples.backend;

import java.util.List;

/**
 * Request bodies as clients write them: the README's examples, complete, and builders of small valid bodies whose
 * parts tests replace with hostile values. Also the seeds of the fuzz tests and the mix of the load test.
 */
final class RequestBodies {
    /** The red snapshot of the README's {@code /v1/score} example: all 13 signals of the demo scorecard. */
    static final String RED_VALUES = "{\"adoption.feature_breadth\": 0.35, \"adoption.feature_depth\": 2.1,"
            + " \"usage.active_users\": 40, \"engagement.licence_utilisation\": 0.55, \"engagement.dau_mau\": 0.22,"
            + " \"usage.trend_30d\": -0.2, \"sentiment.nps\": -10, \"support.open_tickets\": 3,"
            + " \"support.escalated_tickets\": 1, \"commercial.payment_issues\": 0,"
            + " \"relationship.champion_present\": 0, \"relationship.executive_sponsor\": 1,"
            + " \"commercial.days_to_renewal\": 45}";
    /** A month before: a yellow account. */
    static final String YELLOW_VALUES = "{\"adoption.feature_breadth\": 0.55, \"adoption.feature_depth\": 3.0,"
            + " \"usage.active_users\": 55, \"engagement.licence_utilisation\": 0.7, \"engagement.dau_mau\": 0.3,"
            + " \"usage.trend_30d\": 0.0, \"sentiment.nps\": 20, \"support.open_tickets\": 2,"
            + " \"support.escalated_tickets\": 0, \"commercial.payment_issues\": 0,"
            + " \"relationship.champion_present\": 1, \"relationship.executive_sponsor\": 1,"
            + " \"commercial.days_to_renewal\": 75}";

    /** The README's {@code /v1/score} example. */
    static final String SCORE_EXAMPLE = score(snapshot("acme", "2026-03-01T00:00:00Z", RED_VALUES));
    /** The README's {@code /v1/plays} example, with the yellow month written out. */
    static final String PLAYS_EXAMPLE = plays("2026-03-02T00:00:00Z", account("acme", ""),
            List.of(snapshot("acme", "2026-02-01T00:00:00Z", YELLOW_VALUES),
                    snapshot("acme", "2026-03-01T00:00:00Z", RED_VALUES)), "");
    /**
     * The README's {@code /v1/metrics} example, every event written out: acme starts at 10 seats of 50, beta on an
     * annual plan of 1200 (100 a month); in February acme adds 2 seats, beta ends and gamma starts at 150.
     */
    static final String METRICS_EXAMPLE = metrics("\"month\": \"2026-02\"",
            event("acme", "s-1", "START", "2026-01-05", charge("50.00", 10, "MONTHLY", "0")),
            event("beta", "s-2", "START", "2026-01-10", charge("1200", 1, "ANNUAL", "0")),
            event("acme", "s-1", "CHANGE", "2026-02-10", charge("50.00", 12, "MONTHLY", "0")),
            event("beta", "s-2", "END", "2026-02-15", ""),
            event("gamma", "s-3", "START", "2026-02-20", charge("150", 1, "MONTHLY", "0")));

    private RequestBodies() {
    }

    static String snapshot(String account, String at, String values) {
        return "{\"account\": \"" + account + "\", \"at\": \"" + at + "\", \"values\": " + values + "}";
    }

    static String score(String... snapshots) {
        return "{\"snapshots\": [" + String.join(", ", snapshots) + "]}";
    }

    /** An account in the README's form; {@code contract} is empty or {@code "contract": {...}, }. */
    static String account(String id, String contract) {
        return account(id, contract, "2025-04-01T00:00:00Z");
    }

    static String account(String id, String contract, String enteredAt) {
        return "{\"id\": \"" + id + "\", \"name\": \"Acme GmbH\", \"segment\": \"mid-market\","
                + " \"tier\": {\"name\": \"gold\", \"rank\": 2}, \"currency\": \"EUR\", " + contract
                + "\"journey\": {\"entries\": [{\"stage\": \"RETENTION\", \"enteredAt\": \"" + enteredAt + "\"}]}}";
    }

    /** One account's evaluation request; {@code extra} is empty or {@code , "plan": ...} and the like. */
    static String plays(String asOf, String account, List<String> snapshots, String extra) {
        return "{\"asOf\": \"" + asOf + "\", \"accounts\": [{\"account\": " + account + ", \"signals\": ["
                + String.join(", ", snapshots) + "]" + extra + "}]}";
    }

    static String charge(String amount, int quantity, String interval, String percentOff) {
        return "{\"plan\": \"pro\", \"unitPrice\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"},"
                + " \"quantity\": " + quantity + ", \"interval\": \"" + interval + "\", \"discount\": {\"percentOff\": \""
                + percentOff + "\"}, \"trial\": false}";
    }

    /** An event recorded on its effective date; {@code charge} is empty for an end or a cancellation. */
    static String event(String account, String subscription, String kind, String date, String charge) {
        return "{\"account\": \"" + account + "\", \"subscriptionId\": \"" + subscription + "\", \"kind\": \"" + kind
                + "\", \"effectiveDate\": \"" + date + "\", \"recordedOn\": \"" + date + "\""
                + (charge.isEmpty() ? "" : ", \"charge\": " + charge) + "}";
    }

    /** {@code period} is {@code "month": "..."} or {@code "from": "...", "to": "..."}, with any other field. */
    static String metrics(String period, String... events) {
        return "{\"events\": [" + String.join(", ", events) + "], " + period + "}";
    }
}
