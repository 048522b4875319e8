package dev.kizuna.core.json;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Account;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SupportTicket;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalSnapshot;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the JSON readers of cs-core with documents of each kind a host reads as an array (as {@code kizuna demo
 * --out} writes them). The contract: a list that writes back and reads equal, both as bytes and as text, or a
 * {@link JsonProcessingException} that {@link KizunaJson#describe} tells in the user's terms (no Java names). Anything
 * else (an {@code IllegalArgumentException}, {@code NullPointerException}, {@code DateTimeException},
 * {@code ArithmeticException}, a stack overflow) is a finding. Seeds: cs-sample's {@code FuzzSeeds}.
 */
class KizunaJsonFuzzTest {
    private static final ObjectMapper MAPPER = KizunaJson.newObjectMapper();

    static <T> void readWriteRead(byte[] document, Class<T> element) throws Exception {
        JavaType type = MAPPER.getTypeFactory().constructCollectionType(List.class, element);
        List<T> values;
        try {
            values = MAPPER.readValue(document, type);
        } catch (JsonProcessingException e) {
            String told = KizunaJson.describe(e);
            assertFalse(told.isBlank(), e::toString);
            assertNoJavaNames(told, document);
            return;
        }
        assertFalse(values.contains(null));
        byte[] written = MAPPER.writeValueAsBytes(values);
        assertEquals(values, MAPPER.readValue(written, type));
        assertEquals(values, MAPPER.readValue(MAPPER.writeValueAsString(values), type));
        assertTrue(written.length > 0);
    }

    @FuzzTest(maxDuration = "5m")
    void accounts(FuzzedDataProvider data) throws Exception {
        readWriteRead(data.consumeRemainingAsBytes(), Account.class);
    }

    @FuzzTest(maxDuration = "5m")
    void subscriptionEvents(FuzzedDataProvider data) throws Exception {
        readWriteRead(data.consumeRemainingAsBytes(), SubscriptionEvent.class);
    }

    @FuzzTest(maxDuration = "5m")
    void usageRecords(FuzzedDataProvider data) throws Exception {
        readWriteRead(data.consumeRemainingAsBytes(), UsageRecord.class);
    }

    @FuzzTest(maxDuration = "5m")
    void surveyResponses(FuzzedDataProvider data) throws Exception {
        readWriteRead(data.consumeRemainingAsBytes(), SurveyResponse.class);
    }

    @FuzzTest(maxDuration = "5m")
    void supportTickets(FuzzedDataProvider data) throws Exception {
        readWriteRead(data.consumeRemainingAsBytes(), SupportTicket.class);
    }

    @FuzzTest(maxDuration = "5m")
    void signalSnapshots(FuzzedDataProvider data) throws Exception {
        readWriteRead(data.consumeRemainingAsBytes(), SignalSnapshot.class);
    }

    @FuzzTest(maxDuration = "5m")
    void successPlans(FuzzedDataProvider data) throws Exception {
        readWriteRead(data.consumeRemainingAsBytes(), SuccessPlan.class);
    }

    /**
     * Asserts that a message shows no Java names of its own. Messages echo the input (values in quotes, field names in
     * paths), and the fuzzer likes to write "java." there, so the path before the first ": " and quoted text are left
     * out, and a name the input itself contains is not a leak.
     */
    static void assertNoJavaNames(String told, byte[] document) {
        String input = new String(document, java.nio.charset.StandardCharsets.UTF_8);
        String ours = told.startsWith("$") && told.contains(": ") ? told.substring(told.indexOf(": ") + 2) : told;
        // A shown value may be cut short with "...", which then stands in for its closing quote.
        ours = ours.replaceAll("'[^']*'", "''").replaceAll("\"[^\"]*(\"|\\.\\.\\.)", "\"\"");
        for (String leak : new String[] {"java.", "com.fasterxml", "dev.kizuna", "Exception"}) {
            if (!input.contains(leak)) {
                assertFalse(ours.contains(leak), () -> "'" + leak + "' in: " + told);
            }
        }
    }
}
