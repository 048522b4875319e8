package dev.kizuna.health.outcome;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.batch.SignalFrame;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of a {@link SignalFrame} labelled with what followed them: whether an event happened within the horizon
 * after each row's instant, and whether the row is censored (its horizon reaches past the end of observation, so its
 * label is unknown). Made by {@link Labelling#label}; the input of {@link dev.kizuna.health.fit.LogisticFitter}, and
 * what the backtest judges scores against. Immutable and thread-safe (the frame is shared, as frames are).
 */
public final class Labels {
    private final SignalFrame frame;
    private final boolean[] event;
    private final boolean[] censored;
    private final int events;
    private final int censoredRows;
    private final Period horizon;
    private final Instant endOfObservation;
    private final Map<AccountId, List<Instant>> eventsOf;

    Labels(SignalFrame frame, boolean[] event, boolean[] censored, Period horizon, Instant endOfObservation,
           Map<AccountId, List<Instant>> eventsOf) {
        this.eventsOf = eventsOf;
        this.horizon = horizon;
        this.endOfObservation = endOfObservation;
        this.frame = frame;
        this.event = event;
        this.censored = censored;
        int e = 0;
        int c = 0;
        for (int r = 0; r < event.length; r++) {
            e += !censored[r] && event[r] ? 1 : 0;
            c += censored[r] ? 1 : 0;
        }
        this.events = e;
        this.censoredRows = c;
    }

    /** Returns the horizon after each row within which an event counts. */
    public Period horizon() {
        return horizon;
    }

    /** Returns the end of observation: outcomes are known before it, and a row whose horizon ends after it is censored. */
    public Instant endOfObservation() {
        return endOfObservation;
    }

    /**
     * Returns the instants of the target outcomes of {@code account}, sorted: those the labels were made from, for an
     * account of the frame's rows (empty for any other account, or one without any).
     */
    public List<Instant> eventsOf(AccountId account) {
        return eventsOf.getOrDefault(Objects.requireNonNull(account, "account"), List.of());
    }

    /** Returns the frame labelled. */
    public SignalFrame frame() {
        return frame;
    }

    /** Returns the number of rows. */
    public int rows() {
        return event.length;
    }

    /** Returns whether an event followed {@code row} within the horizon (false for a censored row). */
    public boolean isEvent(int row) {
        return !censored[row] && event[row];
    }

    /** Returns whether {@code row}'s horizon reaches past the end of observation. */
    public boolean isCensored(int row) {
        return censored[row];
    }

    /** Returns the number of uncensored rows followed by an event. */
    public int events() {
        return events;
    }

    /** Returns the number of censored rows. */
    public int censored() {
        return censoredRows;
    }

    /** Returns a frame of the uncensored rows only, in order, with their accounts and instants (values copied). */
    public SignalFrame uncensoredFrame() {
        int n = event.length - censoredRows;
        SignalFrame.Builder b = SignalFrame.builder(n, n == 0 ? Instant.EPOCH : frame.at(0));
        List<AccountId> accounts = new ArrayList<>(n);
        List<Instant> instants = new ArrayList<>(n);
        for (int r = 0; r < event.length; r++) {
            if (!censored[r]) {
                accounts.add(frame.account(r));
                instants.add(frame.at(r));
            }
        }
        for (SignalName name : frame.signals()) {
            double[] from = frame.column(name).orElseThrow();
            double[] to = new double[n];
            for (int r = 0, k = 0; r < event.length; r++) {
                if (!censored[r]) {
                    to[k++] = from[r];
                }
            }
            b.column(name, to);
        }
        return b.accounts(accounts).instants(instants).build();
    }

    /** Returns the labels of the uncensored rows, in the order of {@link #uncensoredFrame()}. */
    public boolean[] uncensoredEvents() {
        boolean[] out = new boolean[event.length - censoredRows];
        for (int r = 0, k = 0; r < event.length; r++) {
            if (!censored[r]) {
                out[k++] = event[r];
            }
        }
        return out;
    }
}
