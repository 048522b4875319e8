package dev.kizuna.core.signal;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The name of a signal: lower-case words joined by dots, such as {@code usage.active_users}.
 *
 * <p>A name matches {@code [a-z][a-z0-9_]*(\.[a-z0-9_]+)*} and has at most {@value #MAX_LENGTH} characters. The
 * first part names the group, as in the health-score inputs of practice: usage and adoption, engagement, sentiment,
 * support, commercial, onboarding and relationship. The constants below are the well-known names, with the unit and
 * range every producer of them must respect; a host adds its own with {@link #of(String)} (for example
 * {@code custom.api_calls_7d}), and they work everywhere a well-known name does.
 *
 * <p>Every name has a {@linkplain #domain() domain}, the values it can take; a value outside it is rejected, never
 * scored.
 *
 * <p>Conventions of the catalogue: a <em>share</em> is a fraction from 0 to 1 (not a percentage); a
 * <em>relative change</em> is {@code (now - then) / |then|}, so -0.3 means down 30%; a flag is 1 (yes) or 0 (no).
 * Unless a name says otherwise, a window is the trailing 30 days. Names sort by their text. Immutable and thread-safe.
 *
 * @param value the name
 */
public record SignalName(String value) implements Comparable<SignalName> {
    /** The longest name, in characters. */
    public static final int MAX_LENGTH = 128;

    private static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    // ---- Usage and adoption ----

    /** Distinct users active in the trailing 30 days (MAU). Unit: users; range: 0 and up. */
    public static final SignalName USAGE_ACTIVE_USERS = new SignalName("usage.active_users");
    /** Logins in the trailing 30 days. Unit: logins; range: 0 and up. */
    public static final SignalName USAGE_LOGINS_30D = new SignalName("usage.logins_30d");
    /**
     * Relative change of active users over 30 days: active users now versus 30 days ago. Unit: relative change;
     * range: -1 and up (-0.3 = down 30%).
     */
    public static final SignalName USAGE_TREND_30D = new SignalName("usage.trend_30d");
    /** Share of the key features used at least once in the trailing 30 days. Unit: share; range: 0 to 1. */
    public static final SignalName ADOPTION_FEATURE_BREADTH = new SignalName("adoption.feature_breadth");
    /**
     * Mean uses of each key feature that was used, per active user, in the trailing 30 days. Unit: uses per user;
     * range: 0 and up.
     */
    public static final SignalName ADOPTION_FEATURE_DEPTH = new SignalName("adoption.feature_depth");

    // ---- Engagement ----

    /**
     * Stickiness: mean daily active users over the trailing 30 days divided by the distinct users active in them.
     * Unit: share; range: 0 to 1.
     */
    public static final SignalName ENGAGEMENT_DAU_MAU = new SignalName("engagement.dau_mau");
    /**
     * Licence utilisation: active users / licensed seats. Unit: share; range: 0 and up, above 1 when the account is
     * over-deployed (more active users than seats).
     */
    public static final SignalName ENGAGEMENT_LICENCE_UTILISATION = new SignalName("engagement.licence_utilisation");

    // ---- Sentiment ----

    /**
     * The account's Net Promoter Score: % promoters (9-10) - % detractors (0-6) of its latest answers. Unit: NPS
     * points; range: -100 to 100.
     */
    public static final SignalName SENTIMENT_NPS = new SignalName("sentiment.nps");
    /** Customer satisfaction: share of answers in the top two boxes of the scale. Unit: share; range: 0 to 1. */
    public static final SignalName SENTIMENT_CSAT = new SignalName("sentiment.csat");
    /**
     * Customer effort: mean answer on the CES scale (1 to 7; higher is easier). Unit: scale points; range: 1 to 7.
     * A team with another CES scale uses a custom signal and declares its domain.
     */
    public static final SignalName SENTIMENT_CES = new SignalName("sentiment.ces");

    // ---- Support ----

    /** Tickets open now (status OPEN or PENDING). Unit: tickets; range: 0 and up. */
    public static final SignalName SUPPORT_OPEN_TICKETS = new SignalName("support.open_tickets");
    /** Open tickets that were escalated. Unit: tickets; range: 0 and up, at most the open tickets. */
    public static final SignalName SUPPORT_ESCALATED_TICKETS = new SignalName("support.escalated_tickets");

    // ---- Commercial ----

    /**
     * Days until the contract's renewal date. Unit: days; range: any whole number, negative once the date has
     * passed.
     */
    public static final SignalName COMMERCIAL_DAYS_TO_RENEWAL = new SignalName("commercial.days_to_renewal");
    /** Open payment issues: failed charges and overdue invoices. Unit: issues; range: 0 and up. */
    public static final SignalName COMMERCIAL_PAYMENT_ISSUES = new SignalName("commercial.payment_issues");
    /**
     * Monthly recurring revenue, in major units of the account's currency (an approximation of the exact
     * {@code Money} for scoring only). Unit: currency units per month; range: 0 and up.
     */
    public static final SignalName COMMERCIAL_MRR = new SignalName("commercial.mrr");
    /**
     * Relative change of MRR over 90 days; negative after a contraction. Unit: relative change; range: -1 and up.
     */
    public static final SignalName COMMERCIAL_MRR_CHANGE_90D = new SignalName("commercial.mrr_change_90d");

    // ---- Onboarding ----

    /** Share of onboarding milestones completed. Unit: share; range: 0 to 1. */
    public static final SignalName ONBOARDING_PROGRESS = new SignalName("onboarding.progress");

    // ---- Relationship ----

    /** Whether the account has an active champion. Unit: flag; range: 0 or 1. */
    public static final SignalName RELATIONSHIP_CHAMPION_PRESENT = new SignalName("relationship.champion_present");
    /** Whether the account has an engaged executive sponsor. Unit: flag; range: 0 or 1. */
    public static final SignalName RELATIONSHIP_EXECUTIVE_SPONSOR = new SignalName("relationship.executive_sponsor");

    private static final SortedSet<SignalName> CATALOGUE = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            USAGE_ACTIVE_USERS, USAGE_LOGINS_30D, USAGE_TREND_30D, ADOPTION_FEATURE_BREADTH, ADOPTION_FEATURE_DEPTH,
            ENGAGEMENT_DAU_MAU, ENGAGEMENT_LICENCE_UTILISATION,
            SENTIMENT_NPS, SENTIMENT_CSAT, SENTIMENT_CES,
            SUPPORT_OPEN_TICKETS, SUPPORT_ESCALATED_TICKETS,
            COMMERCIAL_DAYS_TO_RENEWAL, COMMERCIAL_PAYMENT_ISSUES, COMMERCIAL_MRR, COMMERCIAL_MRR_CHANGE_90D,
            ONBOARDING_PROGRESS,
            RELATIONSHIP_CHAMPION_PRESENT, RELATIONSHIP_EXECUTIVE_SPONSOR)));

    /** Validates the name. */
    public SignalName {
        Objects.requireNonNull(value, "signal");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("signal: '" + value.substring(0, 40) + "...' has " + value.length()
                    + " characters, over the limit of " + MAX_LENGTH);
        }
        if (!SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("signal: '" + value + "' is not a signal name: lower-case letters,"
                    + " digits and '_' in dot-separated parts, starting with a letter, such as usage.active_users");
        }
    }

    /** Returns the signal of the given name, well-known or custom. */
    public static SignalName of(String value) {
        return new SignalName(value);
    }

    /** Returns every well-known name, sorted. */
    public static SortedSet<SignalName> catalogue() {
        return CATALOGUE;
    }

    /**
     * Returns the values this signal can take: for a well-known name, the range its Javadoc documents (a share from 0
     * to 1, a flag 0 or 1, a count a whole number from 0 up, an NPS from -100 to 100...); for a custom name,
     * {@link SignalDomain#ANY} (a definition may declare a narrower domain for it).
     */
    public SignalDomain domain() {
        return switch (value) {
            case "usage.active_users", "usage.logins_30d", "support.open_tickets", "support.escalated_tickets",
                    "commercial.payment_issues" -> SignalDomain.COUNT;
            case "usage.trend_30d", "commercial.mrr_change_90d" -> SignalDomain.RELATIVE_CHANGE;
            case "adoption.feature_breadth", "engagement.dau_mau", "sentiment.csat", "onboarding.progress" ->
                    SignalDomain.SHARE;
            case "adoption.feature_depth", "engagement.licence_utilisation", "commercial.mrr" ->
                    SignalDomain.NON_NEGATIVE;
            case "sentiment.nps" -> SignalDomain.between(-100, 100);
            case "sentiment.ces" -> SignalDomain.between(1, 7);
            case "commercial.days_to_renewal" -> SignalDomain.WHOLE;
            case "relationship.champion_present", "relationship.executive_sponsor" -> SignalDomain.FLAG;
            default -> SignalDomain.ANY;
        };
    }

    /** Returns whether this is one of the {@linkplain #catalogue() well-known names}. */
    public boolean isWellKnown() {
        return CATALOGUE.contains(this);
    }

    @Override
    public int compareTo(SignalName other) {
        return value.compareTo(other.value);
    }

    /** Returns the name itself. */
    @Override
    public String toString() {
        return value;
    }
}
