package dev.kizuna.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.SurveyScale;
import dev.kizuna.core.json.KizunaJson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the other value parsers of cs-core: identifiers, currency codes, survey scales and contract terms. The
 * contract: a value that writes to JSON and reads back equal, or an {@link IllegalArgumentException} naming the field.
 */
class ValueParsersFuzzTest {
    private static final ObjectMapper JSON = KizunaJson.newObjectMapper();

    @FuzzTest(maxDuration = "2m")
    void identifiers(FuzzedDataProvider data) throws Exception {
        String text = data.consumeBoolean() ? data.consumeString(300) : data.consumeRemainingAsString();
        AccountId id;
        try {
            id = AccountId.of(text);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("accountId: "), e.getMessage());
            assertTrue(e.getMessage().length() < 400, e.getMessage());
            return;
        }
        assertTrue(!text.isEmpty() && text.length() <= 256 && text.strip().equals(text));
        assertFalse(text.chars().anyMatch(Character::isISOControl));
        assertEquals(id, JSON.readValue(JSON.writeValueAsBytes(id), AccountId.class));
        assertEquals(id, JSON.readValue(JSON.writeValueAsString(id), AccountId.class));
        assertEquals(Segment.of(text), JSON.readValue(JSON.writeValueAsBytes(Segment.of(text)), Segment.class));
    }

    @FuzzTest(maxDuration = "2m")
    void currencyCodes(FuzzedDataProvider data) {
        String code = data.consumeRemainingAsString();
        try {
            assertEquals(code, Money.currency(code).getCurrencyCode());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("currency: '"), e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "2m")
    void surveyScales(FuzzedDataProvider data) throws Exception {
        int min = data.consumeInt();
        int max = data.consumeInt();
        int score = data.consumeInt();
        SurveyScale scale;
        try {
            scale = SurveyScale.of(min, max);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("scale.max: "), e.getMessage());
            return;
        }
        assertTrue(scale.size() >= 2);
        assertEquals(scale.contains(score), score >= min && score <= max);
        assertEquals(scale, JSON.readValue(JSON.writeValueAsString(scale), SurveyScale.class));
        try {
            SurveyResponse r = SurveyResponse.csat(AccountId.of("a"), "r", Instant.EPOCH, scale, score);
            assertEquals(r, JSON.readValue(JSON.writeValueAsBytes(r), SurveyResponse.class));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("score: "), e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "2m")
    void contractTerms(FuzzedDataProvider data) throws Exception {
        LocalDate start = LocalDate.ofEpochDay(data.consumeLong(-800_000, 3_000_000));
        Period term = Period.of(data.consumeInt(), data.consumeInt(), data.consumeInt());
        Contract contract;
        try {
            contract = Contract.starting(start, term);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("contract."), e.getMessage());
            return;
        }
        assertTrue(Dates.isSupported(contract.renewalDate()));
        assertEquals(contract, JSON.readValue(JSON.writeValueAsString(contract), Contract.class));
    }
}
