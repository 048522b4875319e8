package dev.kizuna.core.plan;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Owner;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.journey.JourneyStage;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The success plan of one account: who the customer is, the SMART goals and milestones agreed with it, the
 * touchpoints so far, who plays which role, and the actions per journey stage. Its {@linkplain #status status} is
 * derived from goal progress and overdue milestones.
 *
 * <p>Build one with {@link #builder(String, AccountId)}, or from a {@link PlanTemplate}. The rules, checked when the
 * plan is built: goal names are unique, milestone names are unique, and each role is assigned to at most one person.
 * Lists keep the order given.
 *
 * <p>An immutable value, safe to share between threads; update it through {@link #toBuilder()}.
 *
 * @param id          the host's identifier of the plan
 * @param account     the account the plan is for
 * @param profile     the customer's profile, if written
 * @param goals       the SMART goals; names unique
 * @param milestones  the milestones; names unique
 * @param touchpoints the touchpoints recorded, in the order given
 * @param roles       who plays which role; at most one person per role
 * @param actions     the actions and handoffs per journey stage
 */
public record SuccessPlan(
        String id,
        AccountId account,
        Optional<CustomerProfile> profile,
        List<SmartGoal> goals,
        List<Milestone> milestones,
        List<Touchpoint> touchpoints,
        List<RoleAssignment> roles,
        List<StageAction> actions) {

    /** Validates every part, copies the lists and checks that names and roles are unique. */
    public SuccessPlan {
        Checks.identifier(id, "plan.id");
        Objects.requireNonNull(account, "plan.account");
        Objects.requireNonNull(profile, "plan.profile");
        goals = PlanChecks.copy(goals, "plan.goals");
        milestones = PlanChecks.copy(milestones, "plan.milestones");
        touchpoints = PlanChecks.copy(touchpoints, "plan.touchpoints");
        roles = PlanChecks.copy(roles, "plan.roles");
        actions = PlanChecks.copy(actions, "plan.actions");
        PlanChecks.unique(goals, SmartGoal::name, "plan.goals", "name");
        PlanChecks.unique(milestones, Milestone::name, "plan.milestones", "name");
        PlanChecks.unique(roles, RoleAssignment::role, "plan.roles", "role");
    }

    /** Returns a builder for the plan {@code id} of {@code account}; every other part is optional. */
    public static Builder builder(String id, AccountId account) {
        return new Builder(id, account);
    }

    /** Returns a builder that starts from this plan, for changing some parts. */
    public Builder toBuilder() {
        Builder b = new Builder(id, account);
        b.profile = profile.orElse(null);
        b.goals.addAll(goals);
        b.milestones.addAll(milestones);
        b.touchpoints.addAll(touchpoints);
        b.roles.addAll(roles);
        b.actions.addAll(actions);
        return b;
    }

    /** Returns the plan's status on {@code asOf} under {@link StatusRule#defaults()}. */
    public PlanStatus status(LocalDate asOf) {
        return status(asOf, StatusRule.defaults());
    }

    /** Returns the plan's status on {@code asOf} under {@code rule}; see {@link StatusRule} for the rule. */
    public PlanStatus status(LocalDate asOf, StatusRule rule) {
        Objects.requireNonNull(rule, "rule");
        return rule.statusOf(this, asOf);
    }

    /** Returns the milestones {@linkplain Milestone#isOverdue overdue} on {@code asOf}, in plan order. */
    public List<Milestone> overdueMilestones(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return milestones.stream().filter(m -> m.isOverdue(asOf)).toList();
    }

    /** Returns the person assigned to {@code role}, or empty if nobody is. */
    public Optional<Owner> owner(CsRole role) {
        Objects.requireNonNull(role, "role");
        return roles.stream().filter(r -> r.role() == role).map(RoleAssignment::person).findFirst();
    }

    /** Returns the goal of the given name, or empty. */
    public Optional<SmartGoal> goal(String name) {
        Objects.requireNonNull(name, "name");
        return goals.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** Returns the milestone of the given name, or empty. */
    public Optional<Milestone> milestone(String name) {
        Objects.requireNonNull(name, "name");
        return milestones.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Returns the actions of the given journey stage, in plan order. */
    public List<StageAction> actionsFor(JourneyStage stage) {
        Objects.requireNonNull(stage, "stage");
        return actions.stream().filter(a -> a.stage() == stage).toList();
    }

    /** Returns the latest touchpoint by date (the last one given among those of that date), or empty if none. */
    public Optional<Touchpoint> lastTouchpoint() {
        @Nullable Touchpoint last = null;
        for (Touchpoint t : touchpoints) {
            if (last == null || !t.date().isBefore(last.date())) {
                last = t;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Builds a {@link SuccessPlan}. Not thread-safe; the plan it builds is. */
    public static final class Builder {
        private final String id;
        private final AccountId account;
        private @Nullable CustomerProfile profile;
        private final List<SmartGoal> goals = new ArrayList<>();
        private final List<Milestone> milestones = new ArrayList<>();
        private final List<Touchpoint> touchpoints = new ArrayList<>();
        private final List<RoleAssignment> roles = new ArrayList<>();
        private final List<StageAction> actions = new ArrayList<>();

        private Builder(String id, AccountId account) {
            this.id = Objects.requireNonNull(id, "plan.id");
            this.account = Objects.requireNonNull(account, "plan.account");
        }

        /** Sets the customer's profile. */
        public Builder profile(CustomerProfile profile) {
            this.profile = Objects.requireNonNull(profile, "plan.profile");
            return this;
        }

        /** Adds a goal. */
        public Builder goal(SmartGoal goal) {
            goals.add(Objects.requireNonNull(goal, "plan.goals[]"));
            return this;
        }

        /** Replaces the goal of the same name with {@code goal}, or adds it if there is none (to record progress). */
        public Builder updateGoal(SmartGoal goal) {
            return replace(goals, goal, SmartGoal::name, "plan.goals[]");
        }

        /** Adds a milestone. */
        public Builder milestone(Milestone milestone) {
            milestones.add(Objects.requireNonNull(milestone, "plan.milestones[]"));
            return this;
        }

        /** Replaces the milestone of the same name with {@code milestone}, or adds it (to record completion). */
        public Builder updateMilestone(Milestone milestone) {
            return replace(milestones, milestone, Milestone::name, "plan.milestones[]");
        }

        /** Adds a touchpoint. */
        public Builder touchpoint(Touchpoint touchpoint) {
            touchpoints.add(Objects.requireNonNull(touchpoint, "plan.touchpoints[]"));
            return this;
        }

        /** Assigns {@code person} to {@code role}, replacing whoever played it before. */
        public Builder assign(CsRole role, Owner person) {
            RoleAssignment assignment = RoleAssignment.of(role, person);
            return replace(roles, assignment, RoleAssignment::role, "plan.roles[]");
        }

        /** Adds an action. */
        public Builder action(StageAction action) {
            actions.add(Objects.requireNonNull(action, "plan.actions[]"));
            return this;
        }

        /**
         * Builds the plan.
         *
         * @throws IllegalArgumentException naming the first invalid part, such as a duplicate goal name
         */
        public SuccessPlan build() {
            return new SuccessPlan(id, account, Optional.ofNullable(profile), goals, milestones, touchpoints, roles,
                    actions);
        }

        private <T, K> Builder replace(List<T> list, T value, Function<T, K> key, String field) {
            Objects.requireNonNull(value, field);
            K k = key.apply(value);
            for (int i = 0; i < list.size(); i++) {
                if (key.apply(list.get(i)).equals(k)) {
                    list.set(i, value);
                    return this;
                }
            }
            list.add(value);
            return this;
        }
    }
}
