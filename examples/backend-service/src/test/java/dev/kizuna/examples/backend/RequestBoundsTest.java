package dev.kizuna.examples.backend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static dev.kizuna.examples.backend.RequestBodies.RED_VALUES;
import static dev.kizuna.examples.backend.RequestBodies.account;
import static dev.kizuna.examples.backend.RequestBodies.charge;
import static dev.kizuna.examples.backend.RequestBodies.event;
import static dev.kizuna.examples.backend.RequestBodies.metrics;
import static dev.kizuna.examples.backend.RequestBodies.plays;
import static dev.kizuna.examples.backend.RequestBodies.score;
import static dev.kizuna.examples.backend.RequestBodies.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every value of a request is held to its documented bound before anything computes with it, and a value beyond it is
 * a 400 with a message that says which value, why and what is allowed, at the value's JSON path: instants and dates
 * (the service's own fields and those inside Kizuna's values), amounts, signal values, whole numbers, periods and
 * counts of elements. Before these bounds, extreme dates ended in 500s and an amount of {@code 1e200000} could pin a
 * worker. Driven in process; {@link KizunaServiceErrorsTest} sends the examples over HTTP.
 */
class RequestBoundsTest {
    private static final InProcessService SERVICE = new InProcessService(8 << 20);
    private static final String AT = "2026-03-01T00:00:00Z";
    private static final String OK = snapshot("acme", AT, RED_VALUES);
    private static final String ACME = account("acme", "");
    private static final String CHARGE = charge("50", 2, "MONTHLY", "0");
    private static final String START = event("acme", "s-1", "START", "2026-01-05", CHARGE);
    private static final String JANUARY = "\"month\": \"2026-01\"";
    private static final String NOT_AN_INSTANT = " is not an instant: write it as a date and time with an offset, such as"
            + " 2026-01-31T09:30:00Z, or as a date, yyyy-mm-dd, from 0001-01-01 to 9999-12-31";
    private static final String NOT_A_DATE = " is not a date: write it yyyy-mm-dd, from 0001-01-01 to 9999-12-31";

    static Stream<Arguments> valuesBeyondTheirBounds() {
        return Stream.of(
                // name, endpoint, body, path of the offending value, the whole message
                Arguments.of("a snapshot a billion years away", "/v1/score",
                        score(snapshot("acme", "+999999999-12-31T00:00:00Z", RED_VALUES)),
                        "$.snapshots[0].at", "at: '+999999999-12-31T00:00:00Z'" + NOT_AN_INSTANT),
                Arguments.of("a snapshot whose offset takes it past 9999", "/v1/score",
                        score(snapshot("acme", "9999-12-31T23:00:00-05:00", RED_VALUES)),
                        "$.snapshots[0].at", "at: +10000-01-01T04:00:00Z is outside the supported instants,"
                                + " 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z"),
                Arguments.of("computedAt a billion years ago", "/v1/score",
                        "{\"snapshots\": [" + OK + "], \"computedAt\": \"-1000000000-01-01T00:00:00Z\"}",
                        "$.computedAt", "computedAt: '-1000000000-01-01T00:00:00Z'" + NOT_AN_INSTANT),
                Arguments.of("an NPS of 500", "/v1/score",
                        score(snapshot("acme", AT, RED_VALUES.replace("\"sentiment.nps\": -10",
                                "\"sentiment.nps\": 500"))),
                        "$.snapshots[0].values['sentiment.nps']",
                        "500 is outside the domain of sentiment.nps: a number from -100 to 100"),
                Arguments.of("a 0/1 flag of 7", "/v1/score",
                        score(snapshot("acme", AT, RED_VALUES.replace("\"relationship.champion_present\": 0",
                                "\"relationship.champion_present\": 7"))),
                        "$.snapshots[0].values['relationship.champion_present']",
                        "7 is outside the domain of relationship.champion_present: 0 or 1"),
                Arguments.of("open tickets of -4", "/v1/score",
                        score(snapshot("acme", AT, RED_VALUES.replace("\"support.open_tickets\": 3",
                                "\"support.open_tickets\": -4"))),
                        "$.snapshots[0].values['support.open_tickets']",
                        "-4 is outside the domain of support.open_tickets: a whole number from 0 up"),
                Arguments.of("asOf a billion years away", "/v1/plays",
                        plays("+1000000000-01-01T00:00:00Z", ACME, List.of(OK), ""),
                        "$.asOf", "asOf: '+1000000000-01-01T00:00:00Z'" + NOT_AN_INSTANT),
                Arguments.of("asOf a billion years ago", "/v1/plays",
                        plays("-1000000000-01-01T00:00:00Z", ACME, List.of(OK), ""),
                        "$.asOf", "asOf: '-1000000000-01-01T00:00:00Z'" + NOT_AN_INSTANT),
                Arguments.of("a journey entered a billion years ago", "/v1/plays",
                        plays(AT, account("acme", "", "-999999999-01-01T00:00:00Z"), List.of(OK), ""),
                        "$.accounts[0].account.journey.entries[0].enteredAt",
                        "enteredAt: '-999999999-01-01T00:00:00Z'" + NOT_AN_INSTANT),
                Arguments.of("a contract that started a billion years ago", "/v1/plays",
                        plays(AT, account("acme", "\"contract\": {\"startDate\": \"-999999999-01-01\","
                                + " \"renewalDate\": \"2026-06-01\", \"term\": \"P1Y\"}, "), List.of(OK), ""),
                        "$.accounts[0].account.contract.startDate", "startDate: '-999999999-01-01'" + NOT_A_DATE),
                Arguments.of("a contract renewed in year 10000", "/v1/plays",
                        plays(AT, account("acme", "\"contract\": {\"startDate\": \"2025-06-01\","
                                + " \"renewalDate\": \"+10000-06-01\", \"term\": \"P1Y\"}, "), List.of(OK), ""),
                        "$.accounts[0].account.contract.renewalDate", "renewalDate: '+10000-06-01'" + NOT_A_DATE),
                Arguments.of("a contract term of two billion years", "/v1/plays",
                        plays(AT, account("acme", "\"contract\": {\"startDate\": \"2025-06-01\","
                                + " \"renewalDate\": \"2026-06-01\", \"term\": \"P2147483647Y\"}, "), List.of(OK), ""),
                        "$.accounts[0].account.contract.term", "contract.term: P2147483647Y is longer than the"
                                + " supported calendar, 0001-01-01 to 9999-12-31"),
                Arguments.of("a contract term of 101 years in days", "/v1/plays",
                        plays(AT, account("acme", "\"contract\": {\"startDate\": \"2025-06-01\","
                                + " \"renewalDate\": \"2026-06-01\", \"term\": \"P36890D\"}, "), List.of(OK), ""),
                        "$.accounts[0].account.contract.term", "term: P36890D is longer than 100 years (P100Y)"),
                Arguments.of("a licence utilisation of -2", "/v1/plays",
                        plays(AT, ACME, List.of(snapshot("acme", AT, RED_VALUES.replace(
                                "\"engagement.licence_utilisation\": 0.55", "\"engagement.licence_utilisation\": -2"))),
                                ""),
                        "$.accounts[0].signals[0].values['engagement.licence_utilisation']",
                        "-2 is outside the domain of engagement.licence_utilisation: a number from 0 up"),
                Arguments.of("a goal due in year 10000", "/v1/plays", plays(AT, ACME, List.of(OK), ", \"plan\": {\"id\":"
                                + " \"p-1\", \"account\": \"acme\", \"goals\": [{\"name\": \"adoption\", \"metric\":"
                                + " \"seats\", \"baseline\": 0, \"target\": 1, \"current\": 0.5, \"startDate\":"
                                + " \"2026-01-01\", \"dueDate\": \"+10000-01-01\"}]}"),
                        "$.accounts[0].plan.goals[0].dueDate", "dueDate: '+10000-01-01'" + NOT_A_DATE),
                Arguments.of("a milestone completed in year 0", "/v1/plays", plays(AT, ACME, List.of(OK), ", \"plan\":"
                                + " {\"id\": \"p-1\", \"account\": \"acme\", \"milestones\": [{\"name\": \"kick-off\","
                                + " \"kind\": \"KICKOFF\", \"dueDate\": \"2026-01-01\", \"completedOn\": \"0000-12-31\","
                                + " \"ownerRole\": \"CUSTOMER_SUCCESS_MANAGER\"}]}"),
                        "$.accounts[0].plan.milestones[0].completedOn", "completedOn: '0000-12-31' is outside the"
                                + " supported dates, from 0001-01-01 to 9999-12-31"),
                Arguments.of("a touchpoint a billion years away", "/v1/plays", plays(AT, ACME, List.of(OK), ", \"plan\":"
                                + " {\"id\": \"p-1\", \"account\": \"acme\", \"touchpoints\": [{\"channel\": \"EMAIL\","
                                + " \"date\": \"+999999999-01-01\"}]}"),
                        "$.accounts[0].plan.touchpoints[0].date", "date: '+999999999-01-01'" + NOT_A_DATE),
                Arguments.of("a survey answered a billion years ago", "/v1/plays", plays(AT, ACME, List.of(OK),
                                ", \"surveys\": [{\"account\": \"acme\", \"respondentId\": \"r-1\", \"answeredAt\":"
                                + " \"-999999999-01-01T00:00:00Z\", \"kind\": \"NPS\", \"scale\": {\"min\": 0,"
                                + " \"max\": 10}, \"score\": 9}]"),
                        "$.accounts[0].surveys[0].answeredAt", "answeredAt: '-999999999-01-01T00:00:00Z'"
                                + NOT_AN_INSTANT),
                Arguments.of("a month a billion years away", "/v1/metrics", metrics("\"month\": \"+999999999-12\"", START),
                        "$.month", "month: '+999999999-12' is not a month: write it yyyy-mm, from 0001-01 to 9999-12"),
                Arguments.of("month 0 of year 0", "/v1/metrics", metrics("\"month\": \"0000-12\"", START),
                        "$.month", "month: '0000-12' is not a month: write it yyyy-mm, from 0001-01 to 9999-12"),
                Arguments.of("from a billion years ago", "/v1/metrics",
                        metrics("\"from\": \"-999999999-01-01\", \"to\": \"2026-01-31\"", START),
                        "$.from", "from: '-999999999-01-01'" + NOT_A_DATE),
                Arguments.of("to a billion years away", "/v1/metrics",
                        metrics("\"from\": \"2026-01-01\", \"to\": \"+999999999-12-31\"", START),
                        "$.to", "to: '+999999999-12-31'" + NOT_A_DATE),
                Arguments.of("an effective date a billion years away", "/v1/metrics", metrics(JANUARY,
                                START.replace("\"effectiveDate\": \"2026-01-05\"",
                                        "\"effectiveDate\": \"+999999999-01-05\"")),
                        "$.events[0].effectiveDate", "effectiveDate: '+999999999-01-05'" + NOT_A_DATE),
                Arguments.of("a recording date a billion years ago", "/v1/metrics", metrics(JANUARY,
                                START.replace("\"recordedOn\": \"2026-01-05\"", "\"recordedOn\": \"-999999999-01-05\"")),
                        "$.events[0].recordedOn", "recordedOn: '-999999999-01-05'" + NOT_A_DATE),
                Arguments.of("an amount of 1e200000", "/v1/metrics", metrics(JANUARY,
                                event("acme", "s-1", "START", "2026-01-05", charge("1e200000", 2, "MONTHLY", "0"))),
                        "$.events[0].charge.unitPrice.amount",
                        "amount: '1e200000' is out of range: at most 18 digits before the decimal point"),
                Arguments.of("an amount of 1e200000 as a JSON number", "/v1/metrics", metrics(JANUARY,
                                START.replace("\"amount\": \"50\"", "\"amount\": 1e200000")),
                        "$.events[0].charge.unitPrice.amount",
                        "amount: '1E+200000' is out of range: at most 18 digits before the decimal point"),
                Arguments.of("an amount of 1e-999999999", "/v1/metrics", metrics(JANUARY,
                                event("acme", "s-1", "START", "2026-01-05", charge("1e-999999999", 2, "MONTHLY", "0"))),
                        "$.events[0].charge.unitPrice.amount",
                        "amount: '1e-999999999' has more than 18 digits after the decimal point"),
                Arguments.of("an amount of 1e-999999 as a JSON number, which a double would read as 0", "/v1/metrics",
                        metrics(JANUARY, START.replace("\"amount\": \"50\"", "\"amount\": 1e-999999")),
                        "$.events[0].charge.unitPrice.amount",
                        "amount: '1E-999999' has more than 18 digits after the decimal point"),
                Arguments.of("an amount in Arabic-Indic digits", "/v1/metrics", metrics(JANUARY,
                                event("acme", "s-1", "START", "2026-01-05", charge("\u0661\u0660", 2, "MONTHLY", "0"))),
                        "$.events[0].charge.unitPrice.amount", "amount: '\u0661\u0660' is not a decimal number (ASCII"
                                + " digits, an optional sign, decimal point and exponent, such as 1250.00)"),
                Arguments.of("a percentage off of 1e-999999999", "/v1/metrics", metrics(JANUARY,
                                event("acme", "s-1", "START", "2026-01-05", charge("50", 2, "MONTHLY", "1e-999999999"))),
                        "$.events[0].charge.discount.percentOff",
                        "percentOff: '1e-999999999' has more than 18 digits after the decimal point"),
                Arguments.of("an amount off of 1e99", "/v1/metrics", metrics(JANUARY, START.replace(
                                "{\"percentOff\": \"0\"}", "{\"percentOff\": \"0\", \"amountOff\": {\"amount\":"
                                        + " \"1e99\", \"currency\": \"EUR\"}}")),
                        "$.events[0].charge.discount.amountOff.amount",
                        "amount: '1e99' is out of range: at most 18 digits before the decimal point"),
                Arguments.of("a reactivation window of 1e300 days", "/v1/metrics",
                        metrics(JANUARY + ", \"reactivationWindowDays\": 1e300", START),
                        "$.reactivationWindowDays", "reactivationWindowDays: 1E+300 must be between 0 and 36600"),
                Arguments.of("a total beyond 18 digits", "/v1/metrics", metrics("\"month\": \"2026-02\"",
                                event("a", "s-1", "START", "2026-01-05", charge("900000000000000000", 1, "MONTHLY", "0")),
                                event("b", "s-2", "START", "2026-01-05", charge("900000000000000000", 1, "MONTHLY", "0"))),
                        "$.events", "a figure of the period is out of range: amount: 1800000000000000000.000000000000"
                                + " is out of range: at most 18 digits before the decimal point"),
                Arguments.of("a number whose exponent is beyond an int (found by fuzzing)", "/v1/score",
                        score(snapshot("acme", AT, "{\"sentiment.nps\": 1e-3242222222222}")),
                        "$.snapshots[0].values['sentiment.nps']", "invalid JSON: the exponent of the number"
                                + " 1e-3242222222222 is out of range: at most 2147483647 either way (line 1, column 94)"),
                Arguments.of("10,001 snapshots to score", "/v1/score", score(copies("{}", 10_001).toArray(String[]::new)), "$.snapshots",
                        "expected at most 10000 snapshots but found 10001; send them in several requests"),
                Arguments.of("1,001 accounts to evaluate", "/v1/plays",
                        "{\"asOf\": \"" + AT + "\", \"accounts\": [" + String.join(", ", copies("{}", 1_001)) + "]}",
                        "$.accounts", "expected at most 1000 accounts but found 1001; send them in several requests"),
                Arguments.of("10,001 snapshots of one account", "/v1/plays", plays(AT, ACME, copies("{}", 10_001), ""),
                        "$.accounts[0].signals",
                        "expected at most 10000 snapshots but found 10001; send them in several requests"),
                Arguments.of("10,001 surveys of one account", "/v1/plays", plays(AT, ACME, List.of(OK),
                                ", \"surveys\": [" + String.join(", ", copies("{}", 10_001)) + "]"),
                        "$.accounts[0].surveys",
                        "expected at most 10000 survey responses but found 10001; send them in several requests"),
                Arguments.of("100,001 events", "/v1/metrics", metrics(JANUARY, copies("{}", 100_001).toArray(String[]::new)),
                        "$.events", "expected at most 100000 events but found 100001; send them in several requests"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesBeyondTheirBounds")
    void aValueBeyondItsBoundIsA400ThatSaysWhyAtItsPath(String name, String endpoint, String body, String path,
                                                         String message) {
        InProcessService.Reply reply = SERVICE.post(endpoint, body);
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(path, reply.path(), reply.toString());
        assertEquals(message, reply.error(), reply.toString());
    }

    @Test
    void theEdgesOfTheCalendarAreAccepted() {
        String earliest = snapshot("acme", "0001-01-01T00:00:00Z", RED_VALUES);
        String latest = snapshot("acme", "9999-12-31T23:59:59.999999999Z", RED_VALUES);
        assertEquals(200, SERVICE.post("/v1/score", score(earliest, latest)).status());
        assertEquals(200, SERVICE.post("/v1/plays", plays("9999-12-31T23:59:59Z", ACME, List.of(latest), ""))
                .status());
        assertEquals(200, SERVICE.post("/v1/plays", plays("0001-01-01T00:00:00Z",
                account("acme", "", "0001-01-01T00:00:00Z"), List.of(earliest), "")).status());
        String first = event("acme", "s-1", "START", "0001-01-01", CHARGE);
        String last = event("acme", "s-1", "END", "9999-12-31", "");
        assertEquals(200, SERVICE.post("/v1/metrics", metrics("\"from\": \"0001-01-01\", \"to\": \"9999-12-31\"",
                first, last)).status());
        assertEquals(200, SERVICE.post("/v1/metrics", metrics("\"month\": \"9999-12\", \"reactivationWindowDays\":"
                + " 36600", first, last)).status());
        assertEquals(200, SERVICE.post("/v1/metrics", metrics("\"month\": \"0001-01\"", first, last)).status());
    }

    @Test
    void anAmountSentAsAJsonNumberIsTakenAsWrittenNotRoundedToADouble() {
        // 17 digits before the point and 3 after: a double would round it to 12345678901234568.
        String body = metrics(JANUARY, START.replace("\"amount\": \"50\"", "\"amount\": 12345678901234567.891")
                .replace("\"quantity\": 2", "\"quantity\": 1"));
        InProcessService.Reply reply = SERVICE.post("/v1/metrics", body);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("12345678901234567.891", reply.json().at("/mrr/end").asText());
    }

    private static List<String> copies(String element, int count) {
        return Collections.nCopies(count, element);
    }
}
