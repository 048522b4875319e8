package dev.kizuna.examples.cli;

import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.outcome.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputFilesTest {
    static final String HEADER = "account,subscription,kind,effective_date,recorded_on,plan,unit_price,currency,"
            + "quantity,interval,discount_percent,discount_amount,trial";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path writeBytes(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private String eventsError(String text) throws Exception {
        Path csv = write("events.csv", text);
        return assertThrows(InputException.class, () -> InputFiles.subscriptionEvents(csv)).getMessage();
    }

    @Test
    void readsSubscriptionEventsFromCsvWithTheLineOfEach() throws Exception {
        Path csv = write("events.csv", HEADER + """

                acme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,,,
                acme,s1,CHANGE,2024-02-01,,pro,100,EUR,5,annual,10,,false

                acme,s1,CANCEL,2024-06-30,2024-06-01,,,,,,,,
                """);
        Rows<SubscriptionEvent> events = InputFiles.subscriptionEvents(csv);
        assertEquals(3, events.size());
        assertEquals(5, events.values().get(1).charge().orElseThrow().quantity());
        assertEquals("2024-06-01", events.values().get(2).recordedOn().toString());
        assertEquals(csv + ":2", events.where(0));
        assertEquals(csv + ":5", events.where(2), "blank lines are skipped, and lines still count");
    }

    @Test
    void badCsvCellNamesFileLineColumnAndValue() throws Exception {
        String m = eventsError(HEADER + "\nacme,s1,START,2024-01-01,,pro,100,EUR,three,MONTHLY,,,\n");
        assertEquals(dir.resolve("events.csv") + ":2: column 'quantity': 'three' is not a whole number: write ASCII"
                + " digits with an optional sign, such as 12", m);
    }

    @Test
    void everyBadRowIsListedNotOnlyTheFirst() throws Exception {
        String m = eventsError(HEADER + "\nacme,s1,START,2024-01-01,,pro,100,EUR,three,MONTHLY,,,\n"
                + "acme,s2,START,2024-13-01,,pro,100,EUR,1,MONTHLY,,,\n");
        assertTrue(m.startsWith(dir.resolve("events.csv") + ": 2 records cannot be read:\n  "), m);
        assertTrue(m.contains("events.csv:3: column 'effective_date': '2024-13-01' is not a date: there is no"
                + " month 13"), m);
    }

    @Test
    void ruleBreakInCsvIsReportedWithTheLine() throws Exception {
        Path csv = write("surveys.csv", """
                account,respondent,answered_at,kind,score
                acme,u1,2024-03-01T10:00:00Z,NPS,11
                """);
        var e = assertThrows(InputException.class, () -> InputFiles.surveys(csv));
        assertEquals(csv + ":2: score: 11 is outside the NPS scale 0..10", e.getMessage());
    }

    @Test
    void readsSurveysUsageAndWideSignalsFromCsv() throws Exception {
        List<SurveyResponse> surveys = InputFiles.surveys(write("s.csv", """
                account,respondent,answered_at,kind,score,scale_min,scale_max
                acme,u1,2024-03-01,CSAT,9,1,10
                """)).values();
        assertEquals(10, surveys.get(0).scale().max());
        List<UsageRecord> usage = InputFiles.usage(write("u.csv", """
                account,date,period,active_users,logins,licensed_seats
                acme,2024-03-01,MONTH,40,900,50
                """)).values();
        assertEquals(50, usage.get(0).licensedSeats().getAsInt());
        List<SignalSnapshot> signals = InputFiles.signals(write("sig.csv", """
                account,at,usage.active_users,sentiment.nps,custom.api_calls
                acme,2024-03-01T00:00:00Z,40,,12
                """)).values();
        assertEquals(40.0, signals.get(0).value(SignalName.USAGE_ACTIVE_USERS).orElseThrow());
        assertTrue(signals.get(0).value(SignalName.SENTIMENT_NPS).isEmpty(), "an empty cell is a missing signal");
        assertEquals(12.0, signals.get(0).value(SignalName.of("custom.api_calls")).orElseThrow(),
                "every column but account and at is a signal");
    }

    // ---- the header ----

    @Test
    void aMisspeltColumnIsAnErrorOnLine1NamingTheNearestAndTheKnownColumns() throws Exception {
        String m = eventsError(HEADER.replace("discount_percent", "discount_percnt")
                + "\nacme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,10,,\n");
        assertEquals(dir.resolve("events.csv") + ":1: unknown column 'discount_percnt'; did you mean"
                + " 'discount_percent'? The known columns are account,subscription,kind,effective_date,plan,"
                + "unit_price,currency,quantity,interval,recorded_on,discount_percent,discount_amount,trial", m);
    }

    @Test
    void anUnknownColumnFarFromAnyKnownOneListsTheKnownColumns() throws Exception {
        Path csv = write("o.csv", "account,type,date,colour\nacme,churned,2024-01-01,red\n");
        var e = assertThrows(InputException.class, () -> InputFiles.outcomes(csv));
        assertEquals(csv + ":1: unknown column 'colour'. The known columns are account,type,date", e.getMessage());
    }

    @Test
    void aDuplicatedColumnIsAnError() throws Exception {
        String m = eventsError(HEADER + ",quantity\nacme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,,,,5\n");
        assertEquals(dir.resolve("events.csv") + ":1: the column 'quantity' appears twice, as columns 9 and 14;"
                + " remove one", m);
    }

    @Test
    void aMissingRequiredColumnIsReportedAsMissing() throws Exception {
        String header = HEADER.replace(",currency", "");
        String m = eventsError(header + "\nacme,s1,START,2024-01-01,,pro,100,3,MONTHLY,,,\n");
        assertEquals(dir.resolve("events.csv") + ":1: the column 'currency' is missing; the file has " + header, m);
    }

    @Test
    void columnsMatchIgnoringCaseAndSpaces() throws Exception {
        Path csv = write("o.csv", "Account, TYPE ,Date\nacme,churned,2024-01-01\n");
        assertEquals(1, InputFiles.outcomes(csv).size());
    }

    @Test
    void severalHeaderProblemsAreReportedTogether() throws Exception {
        Path csv = write("o.csv", "acount,type,type\nacme,churned,x\n");
        var e = assertThrows(InputException.class, () -> InputFiles.outcomes(csv));
        assertEquals(csv + ":1: 4 problems in the header:\n"
                + "  unknown column 'acount'; did you mean 'account'? The known columns are account,type,date\n"
                + "  the column 'type' appears twice, as columns 2 and 3; remove one\n"
                + "  the column 'account' is missing; the file has acount,type,type\n"
                + "  the column 'date' is missing; the file has acount,type,type", e.getMessage());
    }

    @Test
    void aHeaderAfterBlankLinesIsReportedOnItsOwnLine() throws Exception {
        Path csv = write("o.csv", "\n\naccount,type,dat\n");
        var e = assertThrows(InputException.class, () -> InputFiles.outcomes(csv));
        assertTrue(e.getMessage().startsWith(csv + ":3: "), e.getMessage());
    }

    @Test
    void anEmptyFileSaysWhatItShouldStartWith() throws Exception {
        Path csv = write("o.csv", "\n \n");
        var e = assertThrows(InputException.class, () -> InputFiles.outcomes(csv));
        assertEquals(csv + ": the file is empty; it must start with a header row: account,type,date", e.getMessage());
    }

    @Test
    void aRowWithMoreOrFewerCellsThanTheHeaderIsAnErrorAtItsLine() throws Exception {
        String m = eventsError(HEADER + "\nacme,s1,START,2024-01-01,,pro,1,200.50,EUR,3,MONTHLY,,,\n");
        assertEquals(dir.resolve("events.csv") + ":2: the row has 14 cells but the header has 13; a value with a"
                + " comma must be written in double quotes", m);
        Path csv = write("o.csv", "account,type,date\nacme,churned\n");
        var e = assertThrows(InputException.class, () -> InputFiles.outcomes(csv));
        assertEquals(csv + ":2: the row has 2 cells but the header has 3", e.getMessage());
    }

    @Test
    void aQuotedValueWithACommaIsOneCell() throws Exception {
        Path csv = write("s.csv", "account,respondent,answered_at,kind,score,comment\n"
                + "acme,u1,2024-03-01,NPS,9,\"fast, friendly \"\"support\"\"\"\n");
        assertEquals("fast, friendly \"support\"", InputFiles.surveys(csv).values().get(0).comment().orElseThrow());
    }

    @Test
    void anUnclosedQuoteIsReportedInTheUsersTerms() throws Exception {
        Path csv = write("o.csv", "account,type,date\n\"acme,churned,2024-01-01\n");
        var e = assertThrows(InputException.class, () -> InputFiles.outcomes(csv));
        assertTrue(e.getMessage().startsWith(csv + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed CSV: a value opened with a double quote is never closed"),
                e.getMessage());
    }

    // ---- values ----

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "Yes", "y", "Y", "1"})
    void trialAcceptsTheDocumentedSpellingsOfYes(String yes) throws Exception {
        Path csv = write("events.csv", HEADER + "\nacme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,,," + yes + "\n");
        assertTrue(InputFiles.subscriptionEvents(csv).values().get(0).charge().orElseThrow().trial(), yes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "NO", "n", "0"})
    void trialAcceptsTheDocumentedSpellingsOfNo(String no) throws Exception {
        Path csv = write("events.csv", HEADER + "\nacme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,,," + no + "\n");
        assertFalse(InputFiles.subscriptionEvents(csv).values().get(0).charge().orElseThrow().trial(), no);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "oui", "t", "2", "yes!", "ｙｅｓ"})
    void trialRejectsAnyOtherSpelling(String other) throws Exception {
        String m = eventsError(HEADER + "\nacme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,,," + other + "\n");
        assertEquals(dir.resolve("events.csv") + ":2: column 'trial': '" + other + "' is not a yes/no value: write"
                + " true or false (also yes/no, y/n, 1/0, in any case)", m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"١٠", "１０", "۱۰", "1O", "l0"})
    void numbersAreAsciiDigitsOnly(String quantity) throws Exception {
        String m = eventsError(HEADER + "\nacme,s1,START,2024-01-01,,pro,100,EUR," + quantity + ",MONTHLY,,,\n");
        assertEquals(dir.resolve("events.csv") + ":2: column 'quantity': '" + quantity + "' is not a whole number:"
                + " write ASCII digits with an optional sign, such as 12", m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"١٠٠", "１００", "1e6000", "1e-999999999", "NaN", "Infinity", "0x10", "100d"})
    void amountsAreReadByMoneysBoundedParser(String price) throws Exception {
        String m = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> eventsError(HEADER
                + "\nacme,s1,START,2024-01-01,,pro," + price + ",EUR,3,MONTHLY,,,\n"));
        assertTrue(m.startsWith(dir.resolve("events.csv") + ":2: column 'unit_price': '" + price + "' "), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ſtart", "ＳＴＡＲＴ", "begin"})
    void namesOfAFixedSetRejectLookAlikeLetters(String kind) throws Exception {
        String m = eventsError(HEADER + "\nacme,s1," + kind + ",2024-01-01,,pro,100,EUR,3,MONTHLY,,,\n");
        assertEquals(dir.resolve("events.csv") + ":2: column 'kind': '" + kind + "' is not one of START, CHANGE,"
                + " CANCEL or END", m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-1000000000-01-01", "2024-02-30", "2024-1-5", "２０２４-01-01"})
    void datesAreReadStrictlyWithinTheSupportedCalendar(String date) throws Exception {
        String m = eventsError(HEADER + "\nacme,s1,START," + date + ",,pro,100,EUR,3,MONTHLY,,,\n");
        assertTrue(m.startsWith(dir.resolve("events.csv") + ":2: column 'effective_date': '" + date + "' is "), m);
    }

    @Test
    void aDiscountIsAPercentageOrAnAmountNotBoth() throws Exception {
        String m = eventsError(HEADER + "\nacme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,10,5,\n");
        assertEquals(dir.resolve("events.csv") + ":2: column 'discount_amount': a discount is a percentage or an"
                + " amount, not both: leave discount_percent or discount_amount empty", m);
    }

    @Test
    void aCancelWithAChargeIsAnErrorNotIgnored() throws Exception {
        String m = eventsError(HEADER + "\nacme,s1,CANCEL,2024-01-01,,,100,,,,,,\n");
        assertEquals(dir.resolve("events.csv") + ":2: column 'unit_price': a CANCEL event has no charge: leave the"
                + " charge columns (plan,unit_price,currency,quantity,interval,discount_percent,discount_amount,trial)"
                + " empty", m);
    }

    @Test
    void aStartWithoutACurrencySaysWhyItIsRequired() throws Exception {
        String m = eventsError(HEADER + "\nacme,s1,START,2024-01-01,,pro,100,,3,MONTHLY,,,\n");
        assertEquals(dir.resolve("events.csv") + ":2: column 'currency': a value is required for a START event", m);
    }

    // ---- the file ----

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        byte[] text = ("account,type,date\nacme,churned,2024-01-01\n").getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        Rows<Outcome> rows = InputFiles.outcomes(writeBytes("o.csv", withMark));
        assertEquals("acme", rows.values().get(0).account().value());
        assertEquals(2, rows.lines()[0]);
    }

    @Test
    void invalidUtf8IsReportedWithTheLineAndByteOffset() throws Exception {
        byte[] bytes = "account,type,date\nacme,churned,2024-01-01\nbeta\u00e9,churned,2024-01-01\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path csv = writeBytes("o.csv", bytes);
        var e = assertThrows(InputException.class, () -> InputFiles.outcomes(csv));
        assertEquals(csv + ":3: not UTF-8 at byte offset 46 (0xE9); the tool reads UTF-8 text only: save the file"
                + " as UTF-8 (in Excel: \"CSV UTF-8\")", e.getMessage());
        Path json = writeBytes("o.json", "[{\"account\": \"b\u00e9ta\"}]".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(InputException.class, () -> InputFiles.outcomes(json));
        assertTrue(e.getMessage().startsWith(json + ":1: not UTF-8 at byte offset 15 (0xE9)"), e.getMessage());
    }

    @Test
    void utf16IsRecognisedAsNotUtf8() throws Exception {
        Path csv = writeBytes("o.csv", "account,type,date\n".getBytes(StandardCharsets.UTF_16));
        var e = assertThrows(InputException.class, () -> InputFiles.outcomes(csv));
        assertTrue(e.getMessage().startsWith(csv + ":1: not UTF-8 at byte offset 0 (0xFE) (the file looks like"
                + " UTF-16)"), e.getMessage());
    }

    @Test
    void aMissingFileAndADirectoryAreToldApart() throws Exception {
        Path missing = dir.resolve("nothing.csv");
        assertEquals(missing + ": no such file",
                assertThrows(InputException.class, () -> InputFiles.outcomes(missing)).getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        assertEquals(folder + ": is a directory; give a file",
                assertThrows(InputException.class, () -> InputFiles.outcomes(folder)).getMessage());
    }

    @Test
    void unknownExtensionIsRejected() throws Exception {
        Path txt = write("events.txt", "");
        var e = assertThrows(InputException.class, () -> InputFiles.subscriptionEvents(txt));
        assertTrue(e.getMessage().endsWith("must end in .json or .csv, which says its format"), e.getMessage());
    }

    // ---- JSON ----

    @Test
    void badJsonNamesTheFileTheLineAndThePath() throws Exception {
        Path json = write("events.json", "[\n{\"account\":\"acme\",\"colour\":1}\n]");
        var e = assertThrows(InputException.class, () -> InputFiles.subscriptionEvents(json));
        assertTrue(e.getMessage().startsWith(json + ":2: $[0]"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() throws Exception {
        Path json = write("events.json", "[\n{\"account\" \"acme\"}\n]");
        var e = assertThrows(InputException.class, () -> InputFiles.subscriptionEvents(json));
        assertTrue(e.getMessage().startsWith(json + ":2:12: not well-formed JSON: "), e.getMessage());
    }

    @Test
    void jsonThatIsNotAnArraySaysWhatItShouldBe() throws Exception {
        Path json = write("events.json", "{\"account\": \"acme\"}");
        var e = assertThrows(InputException.class, () -> InputFiles.subscriptionEvents(json));
        assertEquals(json + ":1: expected a JSON array ([...]) of records, as `kizuna demo --out` writes; the file"
                + " starts with an object ({...})", e.getMessage());
    }

    @Test
    void jsonOutcomesNameTheElementAndField() throws Exception {
        Path json = write("o.json", "[{\"account\":\"a\",\"type\":\"churned\",\"date\":\"2024-01-01\"},\n"
                + "{\"account\":\"b\",\"type\":\"churned\",\"dat\":\"2024-01-01\"}]");
        var e = assertThrows(InputException.class, () -> InputFiles.outcomes(json));
        assertEquals(json + ":2: $[1]: unknown field 'dat'; did you mean 'date'? The known fields are account,type,"
                + "date", e.getMessage());
    }

    // ---- signals: record by record ----

    @Test
    void signalValuesOutsideTheirDomainRejectTheirRowWithTheLineAndTheRestIsRead() throws Exception {
        Rows<SignalSnapshot> rows = InputFiles.signals(write("sig.csv", """
                account,at,sentiment.nps,engagement.licence_utilisation,support.open_tickets
                a1,2024-03-01,500,0.5,1
                a2,2024-03-01,10,-2,1
                a3,2024-03-01,10,0.5,-4
                a4,2024-03-01,10,0.5,2
                """));
        assertEquals(1, rows.size());
        assertEquals("a4", rows.values().get(0).account().value());
        assertEquals(3, rows.count());
        Path csv = dir.resolve("sig.csv");
        assertEquals(List.of(
                new Rows.Rejected(2, csv + ":2: column 'sentiment.nps': 500 is outside the domain of sentiment.nps: a"
                        + " number from -100 to 100"),
                new Rows.Rejected(3, csv + ":3: column 'engagement.licence_utilisation': -2 is outside the domain of"
                        + " engagement.licence_utilisation: a number from 0 up"),
                new Rows.Rejected(4, csv + ":4: column 'support.open_tickets': -4 is outside the domain of"
                        + " support.open_tickets: a whole number from 0 up")), rows.rejected());
    }

    @Test
    void jsonSignalsOutsideTheirDomainAreRejectedWithTheElementsLine() throws Exception {
        Rows<SignalSnapshot> rows = InputFiles.signals(write("sig.json", """
                [ {"account": "a1", "at": "2024-03-01T00:00:00Z", "values": {"adoption.feature_breadth": 3.5}},
                  {"account": "a2", "at": "2024-03-01T00:00:00Z", "values": {"relationship.champion_present": 1}} ]
                """));
        assertEquals(1, rows.size());
        assertEquals(1, rows.count());
        assertTrue(rows.rejected().get(0).message().startsWith(dir.resolve("sig.json") + ":1: $[0]"),
                rows.rejected().get(0).message());
        assertTrue(rows.rejected().get(0).message().contains("3.5 is outside the domain of adoption.feature_breadth"),
                rows.rejected().get(0).message());
    }

    @Test
    void aSignalColumnMustBeASignalName() throws Exception {
        Path csv = write("sig.csv", "account,at,Usage Users\na1,2024-03-01,3\n");
        var e = assertThrows(InputException.class, () -> InputFiles.signals(csv));
        assertEquals(csv + ":1: the column 'Usage Users' is not a signal name (lower-case words joined by dots,"
                + " such as usage.active_users); every column but account and at is a signal", e.getMessage());
    }

    @Test
    void libraryMessagesAboutAListPositionNameTheLine() throws Exception {
        Path csv = write("events.csv", HEADER + "\n\nacme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,,,\n");
        Rows<SubscriptionEvent> rows = InputFiles.subscriptionEvents(csv);
        assertEquals(csv + ":3: CANCEL of subscription 's1'", rows.locate("events[0]: CANCEL of subscription 's1'"));
        assertEquals(csv + ": events: the list is empty", rows.locate("events: the list is empty"));
        assertEquals(csv + ": events[7]: beyond", rows.locate("events[7]: beyond"));
    }
}
