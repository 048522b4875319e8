package dev.kizuna.examples.cli;

import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsSubscriptionEventsFromCsv() throws Exception {
        Path csv = write("events.csv", """
                account,subscription,kind,effective_date,recorded_on,plan,unit_price,currency,quantity,interval,discount_percent,discount_amount,trial
                acme,s1,START,2024-01-01,,pro,100,EUR,3,MONTHLY,,,
                acme,s1,CHANGE,2024-02-01,,pro,100,EUR,5,annual,10,,false
                acme,s1,CANCEL,2024-06-30,2024-06-01,,,,,,,,
                """);
        List<SubscriptionEvent> events = InputFiles.subscriptionEvents(csv);
        assertEquals(3, events.size());
        assertEquals(5, events.get(1).charge().orElseThrow().quantity());
        assertEquals("2024-06-01", events.get(2).recordedOn().toString());
    }

    @Test
    void badCsvCellNamesFileLineColumnAndValue() throws Exception {
        Path csv = write("events.csv", """
                account,subscription,kind,effective_date,recorded_on,plan,unit_price,currency,quantity,interval,discount_percent,discount_amount,trial
                acme,s1,START,2024-01-01,,pro,100,EUR,three,MONTHLY,,,
                """);
        var e = assertThrows(InputFiles.UncheckedInputException.class, () -> InputFiles.subscriptionEvents(csv));
        assertTrue(e.getMessage().contains("events.csv:2:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("column 'quantity': 'three' is not a whole number"), e.getMessage());
    }

    @Test
    void ruleBreakInCsvIsReportedWithTheLine() throws Exception {
        Path csv = write("surveys.csv", """
                account,respondent,answered_at,kind,score
                acme,u1,2024-03-01T10:00:00Z,NPS,11
                """);
        var e = assertThrows(InputFiles.UncheckedInputException.class, () -> InputFiles.surveys(csv));
        assertTrue(e.getMessage().contains("score: 11 is outside the NPS scale 0..10"), e.getMessage());
    }

    @Test
    void readsSurveysUsageAndWideSignalsFromCsv() throws Exception {
        List<SurveyResponse> surveys = InputFiles.surveys(write("s.csv", """
                account,respondent,answered_at,kind,score,scale_min,scale_max
                acme,u1,2024-03-01,CSAT,9,1,10
                """));
        assertEquals(10, surveys.get(0).scale().max());
        List<UsageRecord> usage = InputFiles.usage(write("u.csv", """
                account,date,period,active_users,logins,licensed_seats
                acme,2024-03-01,MONTH,40,900,50
                """));
        assertEquals(50, usage.get(0).licensedSeats().getAsInt());
        List<SignalSnapshot> signals = InputFiles.signals(write("sig.csv", """
                account,at,usage.active_users,sentiment.nps
                acme,2024-03-01T00:00:00Z,40,
                """));
        assertEquals(40.0, signals.get(0).value(SignalName.USAGE_ACTIVE_USERS).orElseThrow());
        assertTrue(signals.get(0).value(SignalName.SENTIMENT_NPS).isEmpty(), "an empty cell is a missing signal");
    }

    @Test
    void badJsonNamesTheFileAndThePath() throws Exception {
        Path json = write("events.json", "[{\"account\":\"acme\",\"colour\":1}]");
        var e = assertThrows(InputFiles.InputException.class, () -> InputFiles.subscriptionEvents(json));
        assertTrue(e.getMessage().startsWith(json + ": $"), e.getMessage());
    }

    @Test
    void unknownExtensionIsRejected() throws Exception {
        Path txt = write("events.txt", "");
        var e = assertThrows(InputFiles.InputException.class, () -> InputFiles.subscriptionEvents(txt));
        assertTrue(e.getMessage().endsWith("must end in .json or .csv"), e.getMessage());
    }
}
