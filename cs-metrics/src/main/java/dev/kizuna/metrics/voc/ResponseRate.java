package dev.kizuna.metrics.voc;

import dev.kizuna.metrics.Ratio;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The response rate of a survey: distinct invited respondents over invitations.
 * <pre>
 * response rate = invited who responded / invited
 * </pre>
 * Responses that do not count are reported, not dropped: a second response of the same respondent is a
 * {@link #duplicates() duplicate}, a response from someone not invited (an open link) is {@link #uninvited()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param invited    the number invited
 * @param responded  the invited who responded at least once
 * @param duplicates further responses of respondents already counted
 * @param uninvited  responses of respondents who were not invited
 */
public record ResponseRate(long invited, long responded, long duplicates, long uninvited) {

    /** Validates the counts. */
    public ResponseRate {
        if (invited < 0 || duplicates < 0 || uninvited < 0) {
            throw new IllegalArgumentException("invited " + invited + ", duplicates " + duplicates + " and uninvited "
                    + uninvited + " must be >= 0");
        }
        if (responded < 0 || responded > invited) {
            throw new IllegalArgumentException("responded: " + responded + " must be from 0 to invited " + invited);
        }
    }

    /**
     * Returns the rate of {@code responses} out of {@code invited}.
     *
     * @throws IllegalArgumentException if there are more responses than invitations
     */
    public static ResponseRate of(long invited, long responses) {
        return new ResponseRate(invited, responses, 0, 0);
    }

    /** Returns the rate of the invited who appear among {@code respondents}, one entry per response. */
    public static <T> ResponseRate of(Set<T> invited, Collection<T> respondents) {
        Objects.requireNonNull(invited, "invited");
        Objects.requireNonNull(respondents, "respondents");
        Set<T> counted = new HashSet<>();
        long duplicates = 0;
        long uninvited = 0;
        for (T respondent : respondents) {
            Objects.requireNonNull(respondent, "respondents: null respondent");
            if (!invited.contains(respondent)) {
                uninvited++;
            } else if (!counted.add(respondent)) {
                duplicates++;
            }
        }
        return new ResponseRate(invited.size(), counted.size(), duplicates, uninvited);
    }

    /** Returns {@code responded / invited}, or empty when nobody was invited. */
    public Optional<Ratio> rate() {
        return Ratio.of(responded, invited);
    }
}
