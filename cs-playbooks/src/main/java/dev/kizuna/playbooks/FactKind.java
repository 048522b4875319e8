package dev.kizuna.playbooks;

import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.PlanStatus;
import dev.kizuna.core.signal.SignalDomain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of fact a condition can test: the closed set of things Kizuna knows about an account when it evaluates
 * a playbook. A fact is <em>numeric</em> (tested against thresholds) or <em>categorical</em> (tested for membership
 * in a set of names). Some kinds name a signal, some a window.
 *
 * <p>Every fact can be <em>missing</em> (no signal value, no health score, no contract, no success plan): a test of a
 * missing fact is neither true nor false but unknown, and a rule fires only when its condition is true.
 */
public enum FactKind {
    /** The value of a signal in the latest snapshot. Numeric; names a signal. */
    SIGNAL("signal", true, true, false),
    /**
     * The relative change of a signal over a window, {@code (now - then) / |then|}, as
     * {@link dev.kizuna.core.signal.SignalHistory#change} computes it: -0.3 is down 30%. Numeric; names a signal and
     * a window. Missing when either snapshot lacks the signal or the baseline is zero.
     */
    SIGNAL_CHANGE("signal_change", true, true, true),
    /** The health score, 0 to 100. Numeric; missing when the account has no score or insufficient data. */
    HEALTH_SCORE("health_score", true, false, false),
    /** The name of the health band, such as {@code red}. Categorical; missing without a score. */
    HEALTH_BAND("health_band", false, false, false),
    /** Days from the evaluation day (UTC) to the contract's renewal date. Numeric; missing without a contract. */
    DAYS_TO_RENEWAL("days_to_renewal", true, false, false),
    /**
     * The length in days of the contract's current term, from its start to its renewal date: 365 or 366 for a yearly
     * contract, 28 to 31 for a monthly one. Numeric; missing without a contract. Renewal plays use it to leave out
     * month-to-month customers, who are always within 30 days of a renewal.
     */
    CONTRACT_TERM_DAYS("contract_term_days", true, false, false),
    /** The journey stage, by its name ({@link JourneyStage}). Categorical. */
    STAGE("stage", false, false, false),
    /** Days (fractional) the account has spent in its current journey stage. Numeric. */
    DAYS_IN_STAGE("days_in_stage", true, false, false),
    /** The success plan's status by its name ({@link PlanStatus}). Categorical; missing without a plan. */
    PLAN_STATUS("plan_status", false, false, false),
    /** The number of overdue milestones of the success plan. Numeric; missing without a plan. */
    OVERDUE_MILESTONES("overdue_milestones", true, false, false),
    /** NPS answers of promoters (9-10) given within a window before the evaluation. Numeric; names a window. */
    PROMOTERS("promoters", true, false, true),
    /** NPS answers of detractors (0-6) given within a window before the evaluation. Numeric; names a window. */
    DETRACTORS("detractors", true, false, true),
    /** The account's segment name. Categorical. */
    SEGMENT("segment", false, false, false),
    /** The tier's rank, 1 for the top tier. Numeric. */
    TIER_RANK("tier_rank", true, false, false),
    /** The account's tags; a set test holds when the account has any of the listed tags. Categorical. */
    TAGS("tags", false, false, false);

    private final String key;
    private final boolean numeric;
    private final boolean needsSignal;
    private final boolean needsWindow;

    FactKind(String key, boolean numeric, boolean needsSignal, boolean needsWindow) {
        this.key = key;
        this.numeric = numeric;
        this.needsSignal = needsSignal;
        this.needsWindow = needsWindow;
    }

    /** Returns the name of this kind in definitions, such as {@code days_to_renewal}. */
    public String key() {
        return key;
    }

    /** Returns whether this fact is a number (else a category name). */
    public boolean isNumeric() {
        return numeric;
    }

    /** Returns whether a fact of this kind names a signal. */
    public boolean needsSignal() {
        return needsSignal;
    }

    /** Returns whether a fact of this kind names a window. */
    public boolean needsWindow() {
        return needsWindow;
    }

    /**
     * Returns the only names a categorical fact of this kind can take (the stages, the plan statuses), or empty when
     * any identifier is possible (bands, segments, tags) or the fact is numeric.
     */
    public Optional<List<String>> allowedValues() {
        return switch (this) {
            case STAGE -> Optional.of(Arrays.stream(JourneyStage.values()).map(Enum::name).toList());
            case PLAN_STATUS -> Optional.of(Arrays.stream(PlanStatus.values()).map(Enum::name).toList());
            default -> Optional.empty();
        };
    }

    /**
     * Returns the values a numeric fact of this kind can take: the health score 0 to 100, whole days to renewal,
     * counts of milestones and answers from 0 up, a tier rank from 1 up, days in a stage from 0 up. A signal's value
     * takes its signal's domain, and a relative change any number, so {@link SignalDomain#ANY} for those kinds and
     * for categorical ones. Definition readers use it to reject a test that can never hold, such as a health score
     * above 100.
     */
    public SignalDomain domain() {
        return switch (this) {
            case HEALTH_SCORE -> SignalDomain.between(0, 100);
            case DAYS_TO_RENEWAL -> SignalDomain.WHOLE;
            case CONTRACT_TERM_DAYS -> SignalDomain.atLeast(1).wholeNumbers();
            case DAYS_IN_STAGE -> SignalDomain.NON_NEGATIVE;
            case OVERDUE_MILESTONES, PROMOTERS, DETRACTORS -> SignalDomain.COUNT;
            case TIER_RANK -> SignalDomain.atLeast(1).wholeNumbers();
            default -> SignalDomain.ANY;
        };
    }

    /** Returns the kind of the given definition key, if there is one. */
    public static Optional<FactKind> ofKey(String key) {
        for (FactKind k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
