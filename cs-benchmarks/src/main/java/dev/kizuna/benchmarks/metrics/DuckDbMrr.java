package dev.kizuna.benchmarks.metrics;

import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.revenue.ChurnRecognition;
import dev.kizuna.metrics.revenue.LedgerOptions;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The peer of {@link dev.kizuna.metrics.revenue.MrrLedger}: DuckDB's in-process database computing the same monthly
 * MRR movements with SQL ({@code mrr_movements.sql} beside this class) over the same subscription events, loaded with
 * DuckDB's appender into the table of {@code subscription_events.sql}. The SQL follows the ledger's conventions (see
 * its header); it is the only copy, and the equivalence tests run it against the ledger.
 *
 * <p>Only what the SQL models is accepted: one currency (no converter) and the churn recognition and reactivation
 * window of {@link LedgerOptions}. An instance owns one in-memory database; it is not thread-safe. Close it.
 */
public final class DuckDbMrr implements AutoCloseable {
    /** The SQL that creates the events table. */
    public static final String SCHEMA_SQL = resource("subscription_events.sql");
    /** The SQL of the monthly movements; its four parameters are listed in its header. */
    public static final String MOVEMENTS_SQL = resource("mrr_movements.sql");

    private static final int SCALE = 12;

    private final DuckDBConnection connection;
    private final PreparedStatement query;
    private long events;

    private DuckDbMrr(int threads) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        this.connection = c.unwrap(DuckDBConnection.class);
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute(SCHEMA_SQL);
        }
        this.query = connection.prepareStatement(MOVEMENTS_SQL);
    }

    /**
     * Returns a new in-memory database with the events table, run on {@code threads} threads ({@code 1} for the
     * single-threaded comparison).
     */
    public static DuckDbMrr open(int threads) throws SQLException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 1");
        }
        return new DuckDbMrr(threads);
    }

    /**
     * Appends {@code events} to the table.
     *
     * @throws IllegalArgumentException naming the event, if its charge is in another currency than the first charge
     */
    public void load(Collection<SubscriptionEvent> input) throws SQLException {
        Objects.requireNonNull(input, "input");
        Currency currency = null;
        int i = 0;
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "subscription_events")) {
            for (SubscriptionEvent e : input) {
                appender.beginRow()
                        .append(e.account().value())
                        .append(e.subscriptionId())
                        .append(e.kind().name())
                        .append(e.effectiveDate())
                        .append(e.recordedOn());
                if (e.charge().isPresent()) {
                    RecurringCharge c = e.charge().get();
                    Currency own = c.unitPrice().currency();
                    if (currency == null) {
                        currency = own;
                    } else if (!currency.equals(own)) {
                        throw new IllegalArgumentException("events[" + i + "]: a charge in " + own + " among charges in "
                                + currency + "; the SQL peer reads one currency");
                    }
                    appender.append(scaled(c.unitPrice().amount(), i))
                            .append(c.quantity())
                            .append(c.interval().months());
                    if (c.discount().amountOff().isPresent()) {
                        appender.appendNull().append(scaled(c.discount().amountOff().get().amount(), i));
                    } else {
                        appender.append(scaled(c.discount().percentOff(), i)).appendNull();
                    }
                    appender.append(c.trial());
                } else {
                    appender.appendNull().appendNull().appendNull().appendNull().appendNull().appendNull();
                }
                appender.endRow();
                i++;
            }
        }
        events += i;
    }

    /** Deletes every event loaded, to load others into the same database. */
    public void reset() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM subscription_events");
        }
        events = 0;
    }

    /** Returns the number of events loaded. */
    public long eventCount() {
        return events;
    }

    /**
     * Returns the MRR bridge of every calendar month from the one containing {@code first} to the one containing
     * {@code last}, oldest first, under the churn recognition and reactivation window of {@code options}.
     *
     * @throws IllegalArgumentException if the options convert currencies, which the SQL does not model
     */
    public List<MonthlyBridge> monthly(LocalDate first, LocalDate last, LedgerOptions options) throws SQLException {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(options, "options");
        if (options.converter().isPresent()) {
            throw new IllegalArgumentException("options: the SQL peer does not convert currencies");
        }
        query.setObject(1, first.withDayOfMonth(1));
        query.setObject(2, last.withDayOfMonth(1).plusMonths(1));
        query.setBoolean(3, options.churnRecognition() == ChurnRecognition.CANCELLATION_REQUEST);
        if (options.reactivationWindow().maxDays().isPresent()) {
            query.setLong(4, options.reactivationWindow().maxDays().getAsLong());
        } else {
            query.setNull(4, Types.BIGINT);
        }
        List<MonthlyBridge> months = new ArrayList<>();
        try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
                months.add(new MonthlyBridge(r.getObject(1, LocalDate.class), r.getBigDecimal(2), r.getBigDecimal(3),
                        r.getBigDecimal(4), r.getBigDecimal(5), r.getBigDecimal(6), r.getBigDecimal(7),
                        r.getBigDecimal(8), r.getLong(9), r.getLong(10), r.getLong(11), r.getLong(12), r.getLong(13),
                        r.getLong(14), r.getLong(15)));
            }
        }
        return List.copyOf(months);
    }

    @Override
    public void close() throws SQLException {
        try {
            query.close();
        } finally {
            connection.close();
        }
    }

    /** Returns {@code amount} at the table's scale of 12 decimal places, which the appender requires. */
    private static BigDecimal scaled(BigDecimal amount, int event) {
        try {
            return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("events[" + event + "]: " + amount.toPlainString() + " has more than "
                    + SCALE + " decimal places, more than the table's DECIMAL(38, 12) holds", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DuckDbMrr.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + DuckDbMrr.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
