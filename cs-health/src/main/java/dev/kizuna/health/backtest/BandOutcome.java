package dev.kizuna.health.backtest;

import java.util.Objects;

/**
 * What happened to the accounts scored in one band: how many snapshots were in the band and how many of them were
 * followed by an event within the horizon. Immutable and thread-safe.
 *
 * @param band         the band's name, or {@code insufficient data} for snapshots the model could not score
 * @param rank         the band's position in the scheme, 0 for the worst; -1 for insufficient data
 * @param observations the snapshots in the band
 * @param events       those followed by an event within the horizon
 * @param eventRate    {@code events / observations}; NaN for an empty band
 */
public record BandOutcome(String band, int rank, int observations, int events, double eventRate) {

    /** The name of the row of snapshots without a score. */
    public static final String INSUFFICIENT_DATA = "insufficient data";

    /** Validates the parts. */
    public BandOutcome {
        Objects.requireNonNull(band, "band");
        if (events < 0 || events > observations) {
            throw new IllegalArgumentException("events: " + events + " must be from 0 to the " + observations
                    + " observations");
        }
    }
}
