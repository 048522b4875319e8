package dev.kizuna.core.plan;

import dev.kizuna.core.Account;
import dev.kizuna.core.Segment;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.journey.JourneyStage;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A reusable success plan for a segment and/or a journey stage: goal and milestone templates whose due dates are
 * offsets from the plan's start, and the stage actions a team repeats for every such customer.
 *
 * <p>{@link #instantiate} turns a template into the {@link SuccessPlan} of one account, resolving every due date from
 * the start date. {@link #appliesTo(Account)} says whether a template fits an account, and
 * {@link #bestFor(Account, Collection)} picks the most specific template that does.
 *
 * <p>Three ready templates are provided as a starting point: {@link #enterpriseOnboarding()},
 * {@link #smbOnboarding()} and {@link #renewalReadiness()}. Their baselines and targets are typical values, not
 * the customer's own: pass the customer's measured values to {@link #instantiate(String, Account, LocalDate, Map)},
 * or build a template of your own with {@link #builder(String)}.
 *
 * <p>Goal names are unique, and milestone names are unique, within a template. An immutable value, safe to share
 * between threads.
 *
 * @param name       the template's name
 * @param segment    the segment it is for, or empty for any segment
 * @param stage      the journey stage it is for, or empty for any stage
 * @param goals      the goal templates; names unique
 * @param milestones the milestone templates; names unique
 * @param actions    the actions and handoffs per journey stage
 */
public record PlanTemplate(
        String name,
        Optional<Segment> segment,
        Optional<JourneyStage> stage,
        List<GoalTemplate> goals,
        List<MilestoneTemplate> milestones,
        List<StageAction> actions) {

    /** Validates every part, copies the lists and checks that names are unique. */
    public PlanTemplate {
        Checks.nonBlank(name, "template.name");
        Objects.requireNonNull(segment, "template.segment");
        Objects.requireNonNull(stage, "template.stage");
        goals = PlanChecks.copy(goals, "template.goals");
        milestones = PlanChecks.copy(milestones, "template.milestones");
        actions = PlanChecks.copy(actions, "template.actions");
        PlanChecks.unique(goals, GoalTemplate::name, "template.goals", "name");
        PlanChecks.unique(milestones, MilestoneTemplate::name, "template.milestones", "name");
    }

    /** Returns a builder for a template of the given name, for any segment and stage until told otherwise. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Returns whether the template fits {@code account}: its segment, if set, is the account's segment, and its
     * stage, if set, is the account's current journey stage.
     */
    public boolean appliesTo(Account account) {
        Objects.requireNonNull(account, "account");
        return segment.map(s -> s.equals(account.segment())).orElse(true)
                && stage.map(s -> s == account.stage()).orElse(true);
    }

    /**
     * Returns the most specific template that {@linkplain #appliesTo applies to} {@code account}: one for both its
     * segment and its stage before one for its segment only, before one for its stage only, before one for any
     * account; among equally specific templates, the first in {@code templates}. Empty if none applies.
     */
    public static Optional<PlanTemplate> bestFor(Account account, Collection<PlanTemplate> templates) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(templates, "templates");
        @Nullable PlanTemplate best = null;
        for (PlanTemplate t : templates) {
            Objects.requireNonNull(t, "templates[]");
            if (t.appliesTo(account) && (best == null || t.specificity() > best.specificity())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Returns the plan {@code planId} for {@code account}, starting on {@code start}, with every goal's current
     * value at its baseline. See {@link #instantiate(String, Account, LocalDate, Map)}.
     */
    public SuccessPlan instantiate(String planId, Account account, LocalDate start) {
        return instantiate(planId, account, start, Map.of());
    }

    /**
     * Returns the plan {@code planId} for {@code account}, starting on {@code start}:
     * <ul>
     *   <li>each goal starts on {@code start} and is due {@code dueInDays} later; its current value is
     *       {@code currentValues.get(metric)}, or its baseline when the map has no value for its metric;</li>
     *   <li>each milestone is open and due {@code dueInDays} after {@code start};</li>
     *   <li>the actions are the template's;</li>
     *   <li>the account's owner, if it has one, is assigned {@link CsRole#CUSTOMER_SUCCESS_MANAGER};</li>
     *   <li>the plan has no profile and no touchpoints yet.</li>
     * </ul>
     * It does not check {@link #appliesTo}: a team may use a template outside its segment on purpose.
     *
     * @param currentValues the metrics' current values, keyed by metric name; every key must be a metric of one
     *                      of the template's goals, every value finite
     * @throws IllegalArgumentException if a key is not a metric of the template, a value is not finite, or
     *                                  {@code start} or a due date is outside the supported dates
     *                                  ({@link dev.kizuna.core.Dates})
     */
    public SuccessPlan instantiate(String planId, Account account, LocalDate start, Map<String, Double> currentValues) {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(currentValues, "currentValues");
        Set<String> metrics = new TreeSet<>();
        goals.forEach(g -> metrics.add(g.metric()));
        for (Map.Entry<String, Double> e : currentValues.entrySet()) {
            String metric = Objects.requireNonNull(e.getKey(), "currentValues key");
            if (!metrics.contains(metric)) {
                throw new IllegalArgumentException("currentValues: '" + metric + "' is not a metric of template '"
                        + name + "'; its metrics are " + metrics);
            }
            Checks.finite(Objects.requireNonNull(e.getValue(), "currentValues." + metric), "currentValues." + metric);
        }
        SuccessPlan.Builder plan = SuccessPlan.builder(planId, account.id());
        for (GoalTemplate g : goals) {
            plan.goal(g.instantiate(start, currentValues.getOrDefault(g.metric(), g.baseline())));
        }
        for (MilestoneTemplate m : milestones) {
            plan.milestone(m.instantiate(start));
        }
        actions.forEach(plan::action);
        account.owner().ifPresent(owner -> plan.assign(CsRole.CUSTOMER_SUCCESS_MANAGER, owner));
        return plan.build();
    }

    /**
     * Returns the onboarding template of the {@code "enterprise"} segment at the {@link JourneyStage#CONVERSION}
     * stage: high touch, led by the CSM, over six months.
     * <ul>
     *   <li>goals: licence utilisation ({@code licence_utilisation}) from 0 to 0.8 in 90 days; breadth of key
     *       feature adoption ({@code feature_adoption_breadth}) from 0 to 0.6 in 120 days;</li>
     *   <li>milestones: kickoff (day 14), first value (day 45), onboarding complete (day 90), first QBR (day 120),
     *       all owned by the CSM; executive business review (day 180) owned by the VP of customer success;</li>
     *   <li>actions: the handoff from sales to the CSM, the kickoff, admin and user training, the introduction to
     *       support, and quarterly business reviews in retention.</li>
     * </ul>
     */
    public static PlanTemplate enterpriseOnboarding() {
        return builder("Enterprise onboarding")
                .segment(Segment.of("enterprise"))
                .stage(JourneyStage.CONVERSION)
                .goal(GoalTemplate.of("Activate licensed seats", "licence_utilisation", 0.0, 0.8, 90))
                .goal(GoalTemplate.of("Adopt key features", "feature_adoption_breadth", 0.0, 0.6, 120))
                .milestone(MilestoneTemplate.of("Kickoff", MilestoneKind.KICKOFF, 14, CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(MilestoneTemplate.of("First value", MilestoneKind.FIRST_VALUE, 45,
                        CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(MilestoneTemplate.of("Onboarding complete", MilestoneKind.ONBOARDING_COMPLETE, 90,
                        CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(MilestoneTemplate.of("First quarterly business review", MilestoneKind.QBR, 120,
                        CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(MilestoneTemplate.of("Executive business review", MilestoneKind.EBR, 180,
                        CsRole.VP_CUSTOMER_SUCCESS))
                .action(StageAction.handoff(JourneyStage.CONVERSION,
                        "Hand the account over from sales: goals, stakeholders and commitments made in the sale",
                        CsRole.SALES, CsRole.CUSTOMER_SUCCESS_MANAGER, List.of("sales handoff notes", "order form")))
                .action(StageAction.of(JourneyStage.CONVERSION,
                        "Hold the kickoff and agree the success plan with the executive sponsor",
                        CsRole.CUSTOMER_SUCCESS_MANAGER, List.of("kickoff deck", "success plan document")))
                .action(StageAction.of(JourneyStage.CONVERSION, "Train the administrators and the first users",
                        CsRole.CS_ASSOCIATE, List.of("admin guide", "training curriculum")))
                .action(StageAction.handoff(JourneyStage.CONVERSION,
                        "Introduce the support team and the escalation path",
                        CsRole.CUSTOMER_SUCCESS_MANAGER, CsRole.SUPPORT, List.of("support handbook")))
                .action(StageAction.of(JourneyStage.RETENTION,
                        "Review adoption and outcomes against the goals in quarterly business reviews",
                        CsRole.CUSTOMER_SUCCESS_MANAGER, List.of("QBR deck", "adoption dashboard")))
                .build();
    }

    /**
     * Returns the onboarding template of the {@code "smb"} segment at the {@link JourneyStage#CONVERSION} stage:
     * tech touch, run by CS associates for many accounts at once, over 30 days.
     * <ul>
     *   <li>goal: licence utilisation ({@code licence_utilisation}) from 0 to 0.6 in 30 days;</li>
     *   <li>milestones: welcome (day 1), first value (day 14), onboarding complete (day 30), owned by a CS
     *       associate;</li>
     *   <li>actions: the welcome e-mail sequence, the onboarding webinar, routing setup problems to support, and
     *       success stories from marketing in retention.</li>
     * </ul>
     */
    public static PlanTemplate smbOnboarding() {
        return builder("SMB onboarding")
                .segment(Segment.of("smb"))
                .stage(JourneyStage.CONVERSION)
                .goal(GoalTemplate.of("Activate licensed seats", "licence_utilisation", 0.0, 0.6, 30))
                .milestone(MilestoneTemplate.of("Welcome", MilestoneKind.KICKOFF, 1, CsRole.CS_ASSOCIATE))
                .milestone(MilestoneTemplate.of("First value", MilestoneKind.FIRST_VALUE, 14, CsRole.CS_ASSOCIATE))
                .milestone(MilestoneTemplate.of("Onboarding complete", MilestoneKind.ONBOARDING_COMPLETE, 30,
                        CsRole.CS_ASSOCIATE))
                .action(StageAction.of(JourneyStage.CONVERSION,
                        "Send the welcome e-mail sequence with the getting-started guides",
                        CsRole.CS_ASSOCIATE, List.of("welcome e-mail sequence", "getting-started guide")))
                .action(StageAction.of(JourneyStage.CONVERSION, "Invite the customer's users to the onboarding webinar",
                        CsRole.CS_ASSOCIATE, List.of("onboarding webinar")))
                .action(StageAction.handoff(JourneyStage.CONVERSION, "Route setup problems to support",
                        CsRole.CS_ASSOCIATE, CsRole.SUPPORT, List.of("help centre")))
                .action(StageAction.of(JourneyStage.RETENTION, "Share success stories and feature tips",
                        CsRole.MARKETING, List.of("customer stories", "feature tips newsletter")))
                .build();
    }

    /**
     * Returns the renewal-readiness template for any segment at the {@link JourneyStage#RETENTION} stage, meant to
     * start 90 days before the renewal date (the 90/60/30-day renewal playbook).
     * <ul>
     *   <li>goals: licence utilisation ({@code licence_utilisation}) from 0.5 to 0.8 in 75 days; escalated tickets
     *       ({@code escalated_tickets}) from 3 down to 0 in 60 days;</li>
     *   <li>milestones: the 90-day renewal review (day 0), an executive business review (day 30) and the 30-day
     *       renewal check (day 60), owned by the CSM; the renewal itself (day 90), owned by sales;</li>
     *   <li>actions: the health and risk review, the executive business review, and the handoff of the renewal and
     *       any qualified expansion to sales.</li>
     * </ul>
     */
    public static PlanTemplate renewalReadiness() {
        return builder("Renewal readiness")
                .stage(JourneyStage.RETENTION)
                .goal(GoalTemplate.of("Raise licence utilisation", "licence_utilisation", 0.5, 0.8, 75))
                .goal(GoalTemplate.of("Clear escalated tickets", "escalated_tickets", 3, 0, 60))
                .milestone(MilestoneTemplate.of("90-day renewal review", MilestoneKind.CUSTOM, 0,
                        CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(MilestoneTemplate.of("Executive business review", MilestoneKind.EBR, 30,
                        CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(MilestoneTemplate.of("30-day renewal check", MilestoneKind.CUSTOM, 60,
                        CsRole.CUSTOMER_SUCCESS_MANAGER))
                .milestone(MilestoneTemplate.of("Renewal", MilestoneKind.RENEWAL, 90, CsRole.SALES))
                .action(StageAction.of(JourneyStage.RETENTION,
                        "Review health, usage and open risks 90 days before renewal",
                        CsRole.CUSTOMER_SUCCESS_MANAGER, List.of("health score history", "renewal checklist")))
                .action(StageAction.of(JourneyStage.RETENTION,
                        "Present the outcomes against the plan's goals in an executive business review",
                        CsRole.CUSTOMER_SUCCESS_MANAGER, List.of("EBR deck", "ROI summary")))
                .action(StageAction.handoff(JourneyStage.RETENTION,
                        "Hand the renewal and any qualified expansion lead to sales",
                        CsRole.CUSTOMER_SUCCESS_MANAGER, CsRole.SALES, List.of("renewal quote", "expansion notes")))
                .build();
    }

    private int specificity() {
        return (segment.isPresent() ? 2 : 0) + (stage.isPresent() ? 1 : 0);
    }

    /** Builds a {@link PlanTemplate}. Not thread-safe; the template it builds is. */
    public static final class Builder {
        private final String name;
        private @Nullable Segment segment;
        private @Nullable JourneyStage stage;
        private final List<GoalTemplate> goals = new ArrayList<>();
        private final List<MilestoneTemplate> milestones = new ArrayList<>();
        private final List<StageAction> actions = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "template.name");
        }

        /** Restricts the template to accounts of {@code segment}. */
        public Builder segment(Segment segment) {
            this.segment = Objects.requireNonNull(segment, "template.segment");
            return this;
        }

        /** Restricts the template to accounts currently at {@code stage}. */
        public Builder stage(JourneyStage stage) {
            this.stage = Objects.requireNonNull(stage, "template.stage");
            return this;
        }

        /** Adds a goal template. */
        public Builder goal(GoalTemplate goal) {
            goals.add(Objects.requireNonNull(goal, "template.goals[]"));
            return this;
        }

        /** Adds a milestone template. */
        public Builder milestone(MilestoneTemplate milestone) {
            milestones.add(Objects.requireNonNull(milestone, "template.milestones[]"));
            return this;
        }

        /** Adds an action. */
        public Builder action(StageAction action) {
            actions.add(Objects.requireNonNull(action, "template.actions[]"));
            return this;
        }

        /**
         * Builds the template.
         *
         * @throws IllegalArgumentException naming the first invalid part, such as a duplicate goal name
         */
        public PlanTemplate build() {
            return new PlanTemplate(name, Optional.ofNullable(segment), Optional.ofNullable(stage), goals, milestones,
                    actions);
        }
    }
}
