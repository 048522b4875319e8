package dev.kizuna.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.kizuna.core.Account;
import dev.kizuna.core.CoreArbitraries;
import dev.kizuna.core.Money;
import dev.kizuna.core.journey.JourneyHistory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoreJsonTest {
    private static final ObjectMapper MAPPER = KizunaJson.newObjectMapper();
    /** A host's own mapper, with Jackson's lenient settings: the module must stay strict anyway. */
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new KizunaModule());

    private static final String ACCOUNT = """
            {"id":"acme","name":"Acme Corp","segment":"enterprise","tier":{"name":"strategic","rank":1},
             "owner":{"id":"csm-7","name":"Jo Park"},"parent":"acme-group","currency":"EUR",
             "contract":{"startDate":"2024-01-01","renewalDate":"2025-01-01","term":"P1Y"},
             "journey":{"entries":[{"stage":"CONVERSION","enteredAt":"2024-01-01T00:00:00Z"},
                                   {"stage":"RETENTION","enteredAt":"2024-03-01T00:00:00Z"}]},
             "tags":["key"],"attributes":{"region":"emea"}}""";

    @Provide
    Arbitrary<Account> accounts() {
        return CoreArbitraries.accounts();
    }

    @Provide
    Arbitrary<Money> money() {
        return CoreArbitraries.money();
    }

    @Property
    void accountsRoundTrip(@ForAll("accounts") Account account) throws Exception {
        String json = MAPPER.writeValueAsString(account);
        assertEquals(account, MAPPER.readValue(json, Account.class));
        assertEquals(json, MAPPER.writeValueAsString(MAPPER.readValue(json, Account.class)));
    }

    @Property
    void moneyRoundTripsExactly(@ForAll("money") Money money) throws Exception {
        assertEquals(money, MAPPER.readValue(MAPPER.writeValueAsString(money), Money.class));
    }

    @Test
    void readsADocumentedAccount() throws Exception {
        Account a = MAPPER.readValue(ACCOUNT, Account.class);
        assertEquals("acme-group", a.parent().orElseThrow().value());
        assertEquals(dev.kizuna.core.journey.JourneyStage.RETENTION, a.stage());
    }

    @Test
    void moneyAcceptsAJsonNumberOrAString() throws Exception {
        assertEquals(Money.of("12.5", "EUR"), MAPPER.readValue("{\"amount\":12.50,\"currency\":\"EUR\"}", Money.class));
        assertEquals(Money.of("12.5", "EUR"), MAPPER.readValue("{\"amount\":\"12.50\",\"currency\":\"EUR\"}", Money.class));
    }

    private static String failure(ObjectMapper mapper, String json, Class<?> type) {
        return assertThrows(MismatchedInputException.class, () -> mapper.readValue(json, type)).getOriginalMessage();
    }

    @Test
    void unknownFieldFailsWithItsPathEvenOnALenientMapper() {
        String json = ACCOUNT.replace("\"tags\"", "\"colour\":\"red\",\"tags\"");
        for (ObjectMapper m : List.of(MAPPER, LENIENT)) {
            String message = failure(m, json, Account.class);
            assertTrue(message.startsWith("$.colour: unknown field"), message);
        }
    }

    @Test
    void missingRequiredFieldFailsWithItsName() {
        String message = failure(MAPPER, ACCOUNT.replace("\"segment\":\"enterprise\",", ""), Account.class);
        assertEquals("$: missing required field 'segment'", message);
    }

    @Test
    void nullForARequiredFieldFails() {
        String message = failure(MAPPER, ACCOUNT.replace("\"segment\":\"enterprise\"", "\"segment\":null"), Account.class);
        assertEquals("$.segment: must not be null", message);
    }

    @Test
    void wrongTypeFailsWithPathAndValue() {
        String message = failure(LENIENT, ACCOUNT.replace("\"rank\":1", "\"rank\":\"1\""), Account.class);
        assertTrue(message.startsWith("$.tier.rank: expected a whole number but found string \"1\""), message);
        String fraction = failure(MAPPER, ACCOUNT.replace("\"rank\":1", "\"rank\":1.5"), Account.class);
        assertTrue(fraction.startsWith("$.tier.rank: 1.5 is not a whole number"), fraction);
    }

    @Test
    void journeyOutOfOrderFailsAtTheEntry() {
        String message = failure(MAPPER, ACCOUNT.replace("2024-03-01T00:00:00Z", "2023-12-01T00:00:00Z"), Account.class);
        assertTrue(message.startsWith("$.journey.entries: entries[1].enteredAt: 2023-12-01T00:00:00Z is out of order"), message);
    }

    @Test
    void contractDatesOutOfOrderFail() {
        String message = failure(MAPPER, ACCOUNT.replace("\"renewalDate\":\"2025-01-01\"", "\"renewalDate\":\"2023-01-01\""), Account.class);
        assertTrue(message.startsWith("$.contract: contract.renewalDate: 2023-01-01 must be after"), message);
    }

    @Test
    void badEnumListsTheAllowedValues() {
        String message = failure(MAPPER, ACCOUNT.replace("\"CONVERSION\"", "\"ONBOARDING\""), Account.class);
        assertTrue(message.startsWith("$.journey.entries[0].stage: 'ONBOARDING' is not one of [AWARENESS"), message);
    }

    @Test
    void badDateIsNamed() {
        String message = failure(MAPPER, ACCOUNT.replace("2024-01-01\",\"renewalDate", "2024-13-01\",\"renewalDate"), Account.class);
        assertTrue(message.startsWith("$.contract.startDate: '2024-13-01' is not a date: there is no month 13"), message);
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        ObjectMapper allowsNaN = new ObjectMapper().registerModule(new KizunaModule())
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
        String message = failure(allowsNaN, "{\"amount\":NaN,\"currency\":\"EUR\"}", Money.class);
        assertTrue(message.startsWith("$.amount: NaN is not a finite number"), message);
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> MAPPER.readValue("{\"amount\":NaN,\"currency\":\"EUR\"}", Money.class));
    }

    @Test
    void badCurrencyIsNamed() {
        String message = failure(MAPPER, "{\"amount\":\"1\",\"currency\":\"EURO\"}", Money.class);
        assertTrue(message.startsWith("$: currency: 'EURO' is not an ISO 4217 currency code"), message);
    }

    @Test
    void nestingBeyondTheLimitIsRejected() {
        String deep = "[".repeat(KizunaJson.MAX_NESTING_DEPTH + 1) + "]".repeat(KizunaJson.MAX_NESTING_DEPTH + 1);
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> MAPPER.readTree(deep));
    }

    @Test
    void aJourneyAloneRoundTrips() throws Exception {
        JourneyHistory h = MAPPER.readValue(ACCOUNT, Account.class).journey();
        assertEquals(h, MAPPER.readValue(MAPPER.writeValueAsString(h), JourneyHistory.class));
    }
}
