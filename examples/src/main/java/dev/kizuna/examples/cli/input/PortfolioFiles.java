package dev.kizuna.examples.cli.input;

import dev.kizuna.core.Account;
import dev.kizuna.core.csv.CsvFormats;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.InputFile;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SupportTicket;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.signal.SignalSnapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Reads a portfolio from the JSON files that {@code kizuna demo --out DIR} writes, so that a host can replace any
 * of them with its own. {@code accounts.json} is required; every other file is optional and read as empty when
 * absent. Each file is read through {@link InputFile} and {@link InputFiles#json}: whole or not at all, every bad
 * record listed with its line and JSON path.
 */
public final class PortfolioFiles {
    private PortfolioFiles() {
    }

    /**
     * Reads the portfolio in {@code dir}, observed on {@code asOf}, or when absent on the day after the latest
     * signal snapshot (or subscription event).
     *
     * @throws InputException if the directory or a file cannot be read, or {@code asOf} is not after the history's
     *                        start
     */
    public static Portfolio read(Path dir, Optional<LocalDate> asOf) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + (Files.exists(dir) ? ": not a directory; give the directory that `kizuna"
                    + " demo --out DIR` writes" : ": no such directory"));
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
        if (!observed.isAfter(start) || start.isBefore(LocalDate.of(1, 1, 1))) {
            throw new InputException("--as-of: " + observed + " must be after the start of the history, " + start);
        }
        return new Portfolio(start, observed, accounts, events, usage, surveys, tickets, signals, plans);
    }

    private static <T> List<T> list(Path file, Class<T> type, boolean required) {
        if (!Files.exists(file) && !required) {
            return List.of();
        }
        return CsvFormats.json(InputFile.of(file), type).requireAll().values();
    }
}
