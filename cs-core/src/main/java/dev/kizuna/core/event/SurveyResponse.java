package dev.kizuna.core.event;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer of one respondent of an account to a sentiment survey: NPS, CSAT or CES.
 *
 * <p>The score is a whole number on the response's {@link SurveyScale}. NPS always uses 0..10; CSAT and CES may use
 * any scale (defaults 1..5 and 1..7). The NPS categories, from the method's definition (Reichheld, 2003), are:
 * promoters 9-10, passives 7-8, detractors 0-6. Immutable and thread-safe.
 *
 * @param account      the account the respondent belongs to
 * @param respondentId the host's id of the respondent (a user or a contact)
 * @param answeredAt   when the answer was given, within {@link Dates the supported range}
 * @param kind         the kind of survey
 * @param scale        the answer scale; {@link SurveyScale#NPS} for NPS
 * @param score        the answer, on the scale
 * @param comment      the respondent's free-text comment, if any; not blank, at most 10,000 characters
 */
public record SurveyResponse(
        AccountId account,
        String respondentId,
        Instant answeredAt,
        Kind kind,
        SurveyScale scale,
        int score,
        Optional<String> comment) {

    /** The kind of sentiment survey. */
    public enum Kind {
        /** Net Promoter Score: how likely the respondent is to recommend the product, always on 0..10. */
        NPS(SurveyScale.NPS),
        /** Customer satisfaction: how satisfied the respondent is, 1..5 by default. */
        CSAT(SurveyScale.CSAT_DEFAULT),
        /** Customer effort: how easy it was to get what the respondent needed, 1..7 by default. */
        CES(SurveyScale.CES_DEFAULT);

        private final SurveyScale defaultScale;

        Kind(SurveyScale defaultScale) {
            this.defaultScale = defaultScale;
        }

        /** Returns the scale this kind uses unless told otherwise. */
        public SurveyScale defaultScale() {
            return defaultScale;
        }
    }

    /** Validates every part: the score must be on the scale, and NPS must use 0..10. */
    public SurveyResponse {
        Objects.requireNonNull(account, "account");
        Checks.identifier(respondentId, "respondentId");
        Dates.check("answeredAt", answeredAt);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(comment, "comment");
        if (kind == Kind.NPS && !scale.equals(SurveyScale.NPS)) {
            throw new IllegalArgumentException("scale: " + scale + " is not allowed for NPS, which is always "
                    + SurveyScale.NPS);
        }
        if (!scale.contains(score)) {
            throw new IllegalArgumentException("score: " + score + " is outside the " + kind + " scale " + scale);
        }
        comment.ifPresent(text -> Checks.nonBlank(text, "comment"));
    }

    /** Returns an NPS answer (0..10) without a comment. */
    public static SurveyResponse nps(AccountId account, String respondentId, Instant answeredAt, int score) {
        return new SurveyResponse(account, respondentId, answeredAt, Kind.NPS, SurveyScale.NPS, score, Optional.empty());
    }

    /** Returns a CSAT answer on the default 1..5 scale without a comment. */
    public static SurveyResponse csat(AccountId account, String respondentId, Instant answeredAt, int score) {
        return csat(account, respondentId, answeredAt, SurveyScale.CSAT_DEFAULT, score);
    }

    /** Returns a CSAT answer on the given scale without a comment. */
    public static SurveyResponse csat(
            AccountId account, String respondentId, Instant answeredAt, SurveyScale scale, int score) {
        return new SurveyResponse(account, respondentId, answeredAt, Kind.CSAT, scale, score, Optional.empty());
    }

    /** Returns a CES answer on the default 1..7 scale without a comment. */
    public static SurveyResponse ces(AccountId account, String respondentId, Instant answeredAt, int score) {
        return ces(account, respondentId, answeredAt, SurveyScale.CES_DEFAULT, score);
    }

    /** Returns a CES answer on the given scale without a comment. */
    public static SurveyResponse ces(
            AccountId account, String respondentId, Instant answeredAt, SurveyScale scale, int score) {
        return new SurveyResponse(account, respondentId, answeredAt, Kind.CES, scale, score, Optional.empty());
    }

    /** Returns this response with the given comment. */
    public SurveyResponse withComment(String text) {
        return new SurveyResponse(account, respondentId, answeredAt, kind, scale, score, Optional.of(text));
    }

    /**
     * Returns whether this NPS answer is from a promoter: a score of 9 or 10.
     *
     * @throws IllegalStateException if this is not an NPS answer
     */
    public boolean isPromoter() {
        requireNps("isPromoter");
        return score >= 9;
    }

    /**
     * Returns whether this NPS answer is from a passive: a score of 7 or 8.
     *
     * @throws IllegalStateException if this is not an NPS answer
     */
    public boolean isPassive() {
        requireNps("isPassive");
        return score == 7 || score == 8;
    }

    /**
     * Returns whether this NPS answer is from a detractor: a score from 0 to 6.
     *
     * @throws IllegalStateException if this is not an NPS answer
     */
    public boolean isDetractor() {
        requireNps("isDetractor");
        return score <= 6;
    }

    private void requireNps(String method) {
        if (kind != Kind.NPS) {
            throw new IllegalStateException(method + ": a " + kind + " answer has no NPS category; only NPS answers do");
        }
    }
}
