package dev.kizuna.health.backtest;

import java.util.List;
import java.util.Objects;

/**
 * The band each account was in when an event happened to it, judged by its last score before the event: "how many
 * churners were green when they left". A score counts only if it was taken within the horizon before the event.
 * Immutable and thread-safe.
 *
 * @param events           the events of accounts that have any snapshot before the event
 * @param withScore        those whose last snapshot within the horizon before the event had a score
 * @param perBand          for each band, worst first, how many of those were in it
 * @param bestBand         the best band's name, such as {@code green}
 * @param shareInBestBand  the share of {@code withScore} in the best band; NaN when {@code withScore} is 0
 */
public record BandsAtEvent(int events, int withScore, List<BandCount> perBand, String bestBand,
                           double shareInBestBand) {

    /**
     * How many events happened to accounts in one band.
     *
     * @param band  the band's name
     * @param count the events
     */
    public record BandCount(String band, int count) {

        /** Validates the parts. */
        public BandCount {
            Objects.requireNonNull(band, "band");
        }
    }

    /** Validates and copies the parts. */
    public BandsAtEvent {
        Objects.requireNonNull(perBand, "perBand");
        Objects.requireNonNull(bestBand, "bestBand");
        perBand = List.copyOf(perBand);
        if (withScore > events) {
            throw new IllegalArgumentException("withScore: " + withScore + " must be at most the " + events
                    + " events");
        }
    }
}
