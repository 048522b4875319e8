package dev.kizuna.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Account;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SupportTicket;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.sample.Portfolio;
import dev.kizuna.core.signal.SignalSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Reads a portfolio from the JSON files that {@code kizuna demo --out DIR} writes, so that a host can replace any
 * of them with its own. {@code accounts.json} is required; every other file is optional and read as empty when
 * absent.
 */
final class PortfolioFiles {
    private static final ObjectMapper JSON = KizunaJson.newObjectMapper();

    private PortfolioFiles() {
    }

    /**
     * Reads the portfolio in {@code dir}, observed on {@code asOf}, or when absent on the day after the latest
     * signal snapshot (or subscription event).
     */
    static Portfolio read(Path dir, Optional<LocalDate> asOf) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputFiles.InputException(dir + ": no such directory");
        }
        List<Account> accounts = list(dir.resolve("accounts.json"), Account.class, true);
        List<SubscriptionEvent> events = list(dir.resolve("subscription-events.json"), SubscriptionEvent.class, false);
        List<UsageRecord> usage = list(dir.resolve("usage.json"), UsageRecord.class, false);
        List<SurveyResponse> surveys = list(dir.resolve("surveys.json"), SurveyResponse.class, false);
        List<SupportTicket> tickets = list(dir.resolve("tickets.json"), SupportTicket.class, false);
        List<SignalSnapshot> signals = list(dir.resolve("signals.json"), SignalSnapshot.class, false);
        List<SuccessPlan> plans = list(dir.resolve("success-plans.json"), SuccessPlan.class, false);
        LocalDate latest = LocalDate.of(1970, 1, 1);
        LocalDate earliest = LocalDate.of(9999, 1, 1);
        for (SignalSnapshot s : signals) {
            LocalDate d = s.at().atOffset(ZoneOffset.UTC).toLocalDate();
            latest = d.isAfter(latest) ? d : latest;
            earliest = d.isBefore(earliest) ? d : earliest;
        }
        for (SubscriptionEvent e : events) {
            latest = e.effectiveDate().isAfter(latest) ? e.effectiveDate() : latest;
            earliest = e.effectiveDate().isBefore(earliest) ? e.effectiveDate() : earliest;
        }
        LocalDate observed = asOf.orElse(latest.plusDays(1));
        LocalDate start = earliest.isBefore(observed) ? earliest : observed.minusDays(1);
        return new Portfolio(start, observed, accounts, events, usage, surveys, tickets, signals, plans);
    }

    private static <T> List<T> list(Path file, Class<T> type, boolean required) throws IOException {
        if (!Files.exists(file)) {
            if (required) {
                throw new InputFiles.InputException(file + ": no such file");
            }
            return List.of();
        }
        if (Files.size(file) > InputFiles.MAX_FILE_BYTES) {
            throw new InputFiles.InputException(file + ": over the limit of " + InputFiles.MAX_FILE_BYTES + " bytes");
        }
        JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, type);
        try {
            return JSON.readValue(file.toFile(), listType);
        } catch (JsonProcessingException e) {
            throw new InputFiles.InputException(file + ": " + e.getOriginalMessage());
        }
    }
}
