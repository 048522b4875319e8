package dev.kizuna.benchmarks.metrics;

import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.ChurnRecognition;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.ReactivationWindow;
import dev.kizuna.metrics.testing.Portfolios;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kizuna's ledger and DuckDB's SQL agree on random portfolios from cs-metrics' fixtures: several subscriptions per
 * customer netted on one day, restarts, trials, percentage and fixed discounts, every billing interval, and amounts
 * beyond the ledger's {@code long} fast path.
 */
class DuckDbEquivalenceProperties {
    private static final LocalDate FIRST = Portfolios.BASE;
    private static final LocalDate LAST = Portfolios.BASE.plusYears(5);
    private static DuckDbMrr duckDb;

    @BeforeContainer
    static void open() throws SQLException {
        duckDb = DuckDbMrr.open(1);
    }

    @AfterContainer
    static void close() throws SQLException {
        duckDb.close();
    }

    @Property(tries = 200)
    void bothEnginesGiveTheSameMonths(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 1000) Integer> genes,
                                      @ForAll boolean atRequest, @ForAll @IntRange(min = -1, max = 120) int window)
            throws SQLException {
        List<SubscriptionEvent> events = Portfolios.decode(genes);
        LedgerOptions options = LedgerOptions.defaults()
                .withChurnRecognition(atRequest ? ChurnRecognition.CANCELLATION_REQUEST : ChurnRecognition.SERVICE_END)
                .withReactivationWindow(window < 0 ? ReactivationWindow.unlimited() : ReactivationWindow.ofDays(window));
        List<MonthlyBridge> expected = MrrLedger.build(events, options).summaries(ReportingPeriod.MONTH, FIRST, LAST)
                .stream().map(MonthlyBridge::of).toList();
        duckDb.reset();
        duckDb.load(events);
        assertEquals(expected, duckDb.monthly(FIRST, LAST, options));
    }
}
