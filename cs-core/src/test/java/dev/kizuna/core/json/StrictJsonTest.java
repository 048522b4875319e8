package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.kizuna.core.Account;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.plan.SmartGoal;
import dev.kizuna.core.signal.SignalSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.kizuna.core.json.JsonAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The JSON readers bound what a document may do and say what is wrong in the user's terms: hostile numbers, dates
 * out of range, duplicate fields, text that is not Unicode, byte-order marks and invalid UTF-8.
 */
class StrictJsonTest {
    private static final ObjectMapper MAPPER = KizunaJson.newObjectMapper();
    /** A host's own mapper with Jackson's defaults: the module stays as strict. */
    private static final ObjectMapper HOST = new ObjectMapper().registerModule(new KizunaModule());
    private static final TypeReference<List<SubscriptionEvent>> EVENTS = new TypeReference<>() {
    };
    private static final String START = "{'account':'a','subscriptionId':'s','kind':'START','effectiveDate':'2024-01-01',"
            + "'recordedOn':'2024-01-01','charge':{'plan':'pro','unitPrice':{'amount':'10','currency':'EUR'},"
            + "'quantity':1,'interval':'MONTHLY','discount':{'percentOff':'0'},'trial':false}}";

    private static String problem(ObjectMapper mapper, String json, Class<?> type) {
        return KizunaJson.describe(assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, type)));
    }

    private static String problem(String json, Class<?> type) {
        return problem(MAPPER, json, type);
    }

    @ParameterizedTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'1e10000000'   | $.amount: '1e10000000' is out of range: at most 18 digits before the decimal point",
            "1e10000000     | $.amount: '1e10000000' is out of range: at most 18 digits before the decimal point",
            "'1e-999999999' | $.amount: '1e-999999999' has more than 64 digits after the decimal point",
            "1e-999999999   | $.amount: '1e-999999999' has more than 64 digits after the decimal point",
            "'1e6000'       | $.amount: '1e6000' is out of range: at most 18 digits before the decimal point",
            "'١٠'           | $.amount: '١٠' is not a decimal number (ASCII digits, an optional sign, decimal point and exponent, such as 1250.00)",
    })
    void hostileAmountsAreRejectedQuickly(String amount, String message) {
        assertEquals(message, problem(json("{'amount': " + amount + ", 'currency': 'EUR'}"), Money.class));
        assertEquals(message, problem(HOST, json("{'amount': " + amount + ", 'currency': 'EUR'}"), Money.class));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aTenThousandDigitNumberIsStoppedByTheParserWhereItEnds() {
        assertEquals("line 1, column 10012: a number of 10000 characters is over the limit of 100",
                problem("{\"amount\": " + "9".repeat(10_000) + ", \"currency\": \"EUR\"}", Money.class));
        assertEquals("$.amount: '" + "9".repeat(40) + "...' has 10000 characters, over the limit of 110",
                problem(HOST, "{\"amount\": \"" + "9".repeat(10_000) + "\", \"currency\": \"EUR\"}", Money.class));
    }

    @Test
    void aPercentageWithAHugeScaleIsRejected() {
        assertEquals("$.percentOff: '1e-999999999' has more than 64 digits after the decimal point",
                problem(json("{'percentOff': '1e-999999999'}"), Discount.class));
        assertEquals("$: discount.percentOff: 0.0000000000000000001 has more than 18 digits after the decimal point",
                problem(json("{'percentOff': '1e-19'}"), Discount.class));
    }

    @Test
    void jsonNumbersAreReadExactlyFromTheirDigits() throws Exception {
        // As a double this is 12345678901234568; read from its digits it keeps its cents.
        Money money = HOST.readValue(json("{'amount': 12345678901234567.89, 'currency': 'EUR'}"), Money.class);
        assertEquals(new BigDecimal("12345678901234567.89"), money.amount());
        assertEquals(new BigDecimal("0.1"), MAPPER.readValue(json("{'amount': 1e-1, 'currency': 'EUR'}"), Money.class)
                .amount());
    }

    @Test
    void countsMustBeExactlyWhole() throws Exception {
        String charge = "{'plan':'pro','unitPrice':{'amount':'10','currency':'EUR'},'quantity':%s,'interval':'MONTHLY',"
                + "'discount':{'percentOff':'0'},'trial':false}";
        assertEquals("$.quantity: 1.0000000000000000001 is not a whole number in the int range",
                problem(json(charge.formatted("1.0000000000000000001")), RecurringCharge.class));
        assertEquals("$.quantity: 1e-400 is not a whole number in the int range",
                problem(json(charge.formatted("1e-400")), RecurringCharge.class));
        assertEquals("$.quantity: 2147483648 is not a whole number in the int range",
                problem(json(charge.formatted("2147483648")), RecurringCharge.class));
        assertEquals(3, MAPPER.readValue(json(charge.formatted("3.0")), RecurringCharge.class).quantity());
        assertEquals(300, MAPPER.readValue(json(charge.formatted("3e2")), RecurringCharge.class).quantity());
    }

    @Test
    void datesOutsideTheSupportedRangeAreRejectedWithTheRange() {
        assertEquals("$.effectiveDate: '+999999999-12-31' is not a date: write it yyyy-mm-dd, from 0001-01-01 to"
                        + " 9999-12-31",
                problem(json(START.replace("'effectiveDate':'2024-01-01'", "'effectiveDate':'+999999999-12-31'")),
                        SubscriptionEvent.class));
        assertEquals("$.journey.entries[0].enteredAt: '-1000000000-01-01T00:00:00Z' is not an instant: write it as a"
                        + " date and time with an offset, such as 2026-01-31T09:30:00Z, or as a date, yyyy-mm-dd, from"
                        + " 0001-01-01 to 9999-12-31",
                problem(json("{'id':'a','name':'A','segment':'s','tier':{'name':'t','rank':1},'currency':'EUR',"
                        + "'journey':{'entries':[{'stage':'AWARENESS','enteredAt':'-1000000000-01-01T00:00:00Z'}]}}"),
                        Account.class));
        assertEquals("$.effectiveDate: '0000-12-31' is outside the supported dates, from 0001-01-01 to 9999-12-31",
                problem(json(START.replace("'effectiveDate':'2024-01-01'", "'effectiveDate':'0000-12-31'")),
                        SubscriptionEvent.class));
    }

    @Test
    void aListNamesTheElementThatFailed() {
        String list = "[" + json(START) + "," + json(START.replace("2024-01-01','recordedOn", "2024-13-01','recordedOn"))
                + "]";
        var e = assertThrows(MismatchedInputException.class, () -> MAPPER.readValue(list, EVENTS));
        assertEquals("$[1].effectiveDate: '2024-13-01' is not a date: there is no month 13", KizunaJson.describe(e));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{\"a\": tru}         | unrecognized token 'tru': was expecting a value (a string, number, array, object, true, false or null)",
            "[1, 2                | the document ends too early: expected close marker for Array",
            "{\"a\": 1} []        | there is more after the end of the document: it must hold one JSON value",
            "{\"a\": 1, \"a\": 2} | duplicate field 'a'",
            "{\"a\": NaN}         | 'NaN' is not a number JSON allows: numbers must be finite",
            "{\"a\": }            | unexpected character ('}'): expected a value (a string, number, array, object, true, false or null)",
    })
    void syntaxProblemsSpeakTheUsersTermsForAnyMapper(String json, String problem) {
        // A host's mapper with the strict settings a service would use: the wording names no Java setting.
        ObjectMapper strict = JsonMapper.builder()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> strict.readTree(json));
        assertEquals(problem, KizunaJson.syntaxProblem(e));
    }

    @Test
    void aSignalValueOutsideItsDomainIsRejectedAtItsPath() {
        assertEquals("$.values['sentiment.nps']: 500 is outside the domain of sentiment.nps: a number from -100 to 100",
                problem("{\"account\": \"a\", \"at\": \"2024-03-01T00:00:00Z\", \"values\": {\"sentiment.nps\":"
                        + " 500}}", SignalSnapshot.class));
    }

    @Test
    void aDuplicateFieldIsAnErrorWhateverTheHostsSettings() {
        String twice = json("{'amount': '10', 'currency': 'EUR', 'amount': '1000'}");
        assertEquals("$.amount: duplicate field 'amount': each field may appear once in an object",
                problem(HOST, twice, Money.class));
        assertEquals("$.amount: duplicate field 'amount': each field may appear once in an object",
                problem(twice, Money.class));
    }

    @Test
    void anUnpairedSurrogateIsRejectedWhereverTextIsRead() {
        assertEquals("$.subscriptionId: the text has an unpaired surrogate (\\ud800) at character 2, which is not"
                        + " valid Unicode; write the character itself, or the two halves of its pair",
                problem(json(START.replace("'subscriptionId':'s'", "'subscriptionId':'s\\ud800'")),
                        SubscriptionEvent.class));
        String usage = "{'account':'a','date':'2024-01-01','period':'DAY','activeUsers':1,'logins':1,"
                + "'featureUse':{'re\\udc00ports':3}}";
        assertEquals("$.featureUse['re\uFFFDports']: the text has an unpaired surrogate (\\udc00) at character 3, which"
                + " is not valid Unicode; write the character itself, or the two halves of its pair",
                problem(json(usage), UsageRecord.class));
    }

    @Test
    void aByteOrderMarkIsSkippedInBytesReadersAndStrings() throws Exception {
        String money = "\uFEFF" + json("{'amount': '10', 'currency': 'EUR'}");
        Money expected = Money.of("10", "EUR");
        assertEquals(expected, MAPPER.readValue(money.getBytes(StandardCharsets.UTF_8), Money.class));
        assertEquals(expected, MAPPER.readValue(money, Money.class));
        assertEquals(expected, MAPPER.readValue(new StringReader(money), Money.class));
        assertEquals(expected, MAPPER.copy().readValue(money, Money.class));
    }

    @Test
    void invalidUtf8IsAnErrorWithItsLineAndColumn() {
        byte[] bytes = json("{'amount': '10', 'currency': '?UR'}").getBytes(StandardCharsets.UTF_8);
        bytes[30] = (byte) 0xFF;
        var e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(bytes, Money.class));
        assertEquals("line 1, column 32: the text is not valid UTF-8 (start byte 0xff); save the file as UTF-8",
                KizunaJson.describe(e));
    }

    @Test
    void bytesAreReadAsUtf8Only() {
        // Found by KizunaJsonFuzzTest: Jackson read bytes that start with a zero byte as UTF-32, whose decoder threw
        // CharConversionException ("Invalid UTF-32 character"), an IOException that no caller expects.
        String money = json("{'amount': '10', 'currency': 'EUR'}");
        for (byte[] bytes : List.of(money.getBytes(StandardCharsets.UTF_16BE), money.getBytes(StandardCharsets.UTF_16),
                money.getBytes(java.nio.charset.Charset.forName("UTF-32LE")), new byte[] {0, 0, 0x21, 0x22, 0x7b})) {
            var e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(bytes, Money.class));
            assertEquals("line 1, column 1: the text is not UTF-8: it starts as UTF-16 or UTF-32 do (with a zero byte or"
                    + " an FE FF mark); save it as UTF-8", KizunaJson.describe(e));
            var fromStream = assertThrows(JsonProcessingException.class,
                    () -> MAPPER.readValue(new java.io.ByteArrayInputStream(bytes), Money.class));
            assertEquals(KizunaJson.describe(e), KizunaJson.describe(fromStream));
        }
    }

    @Test
    void syntaxErrorsCarryTheirLineAndColumn() {
        var e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("[\n  {\"amount\": \"1\",\n   \"currency\": }\n]", new TypeReference<List<Money>>() {
                }));
        assertEquals("line 3, column 16: unexpected character ('}'): expected a value", KizunaJson.describe(e)
                .lines().findFirst().orElseThrow().replaceAll(" \\(JSON String.*", ""));
    }

    @Test
    void theDocumentsShapeIsToldWithoutJavaNames() {
        var e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json("{'events': []}"), EVENTS));
        assertEquals("$: expected an array but found an object", KizunaJson.describe(e));
    }

    @Test
    void nullIsNeverAValue() {
        assertEquals("$: expected a value but found null", problem("null", Money.class));
        var e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue("[null]", EVENTS));
        assertEquals("$[0]: expected a value but found null", KizunaJson.describe(e));
        // Found by KizunaJsonFuzzTest: a document that is just null read as a null list, which callers then used.
        var list = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(" null ", EVENTS));
        assertEquals("$: expected a value but found null", KizunaJson.describe(list));
        var map = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("null", new TypeReference<java.util.Map<String, Money>>() {
                }));
        assertEquals("$: expected a value but found null", KizunaJson.describe(map));
        var array = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue("null", Money[].class));
        assertEquals("$: expected a value but found null", KizunaJson.describe(array));
    }

    @Test
    void nestingIsBoundedByTheMapperAndByTheReaderWhateverTheMapper() {
        String deep = "{\"amount\": " + "[".repeat(80) + "]".repeat(80) + ", \"currency\": \"EUR\"}";
        assertEquals("line 1, column 76: the document nests deeper than 64 levels", problem(deep, Money.class));
        String deeper = "{\"amount\": " + "[".repeat(150) + "]".repeat(150) + ", \"currency\": \"EUR\"}";
        assertEquals("$.amount" + "[0]".repeat(99) + ": the value nests deeper than 100 levels",
                problem(HOST, deeper, Money.class));
    }

    @Test
    void negativeZeroSurvivesATripThroughJson() throws Exception {
        SmartGoal goal = SmartGoal.of("g", "m", -0.0, 1.0, java.time.LocalDate.of(2024, 1, 1),
                java.time.LocalDate.of(2024, 2, 1));
        SmartGoal back = MAPPER.readValue(MAPPER.writeValueAsString(goal), SmartGoal.class);
        assertEquals(goal, back);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.baseline()));
    }

    @Test
    void textOfEveryPlaneReadsBackFromStringsAndBytes() throws Exception {
        Account account = Account.builder(dev.kizuna.core.AccountId.of("😀 acme"), "Ａｃｍｅ \u2028 \"quoted\"")
                .segment(dev.kizuna.core.Segment.of("s")).tier(dev.kizuna.core.Tier.of("t", 1)).currency("EUR")
                .stage(dev.kizuna.core.journey.JourneyStage.AWARENESS, java.time.Instant.EPOCH).build();
        assertEquals(account, MAPPER.readValue(MAPPER.writeValueAsString(account), Account.class));
        assertEquals(account, MAPPER.readValue(MAPPER.writeValueAsBytes(account), Account.class));
    }
}
