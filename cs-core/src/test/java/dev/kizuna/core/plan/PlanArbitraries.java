package dev.kizuna.core.plan;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.CoreArbitraries;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Segment;
import dev.kizuna.core.journey.JourneyStage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.LocalDate;

/**
 * Generators of valid success-plan values, shared by the plan and JSON properties: over the whole range a value may
 * take (see {@link CoreArbitraries}).
 */
public final class PlanArbitraries {
    private PlanArbitraries() {
    }

    /** Non-blank texts of any valid Unicode, with quotes, back-slashes and line breaks that JSON must escape. */
    public static Arbitrary<String> texts() {
        return CoreArbitraries.texts();
    }

    /** Identifiers: any valid Unicode, no control characters and no surrounding white space. */
    public static Arbitrary<String> identifiers() {
        return CoreArbitraries.identifiers();
    }

    /** Every supported date, both ends weighted in. */
    public static Arbitrary<LocalDate> dates() {
        return CoreArbitraries.supportedDates();
    }

    /** Finite doubles: everyday values, the whole finite range, and the extremes (-0.0, subnormal, +-MAX). */
    public static Arbitrary<Double> finiteDoubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.doubles().between(-1_000, 1_000).ofScale(3)),
                Tuple.of(2, Arbitraries.doubles()),
                Tuple.of(1, Arbitraries.of(-0.0, 0.0, Double.MIN_VALUE, Double.MIN_NORMAL,
                        Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1e-300)));
    }

    public static Arbitrary<CsRole> roles() {
        return Arbitraries.of(CsRole.class);
    }

    public static Arbitrary<Owner> owners() {
        return Combinators.combine(identifiers(), texts()).as(Owner::of);
    }

    public static Arbitrary<SmartGoal> goals() {
        return Combinators.combine(texts(), identifiers(), finiteDoubles(), finiteDoubles(), finiteDoubles(), dates(),
                        Arbitraries.integers().between(1, 2_000))
                .filter((name, metric, baseline, target, current, start, days) -> baseline.doubleValue() != target.doubleValue())
                .as((name, metric, baseline, target, current, start, days) -> {
                    LocalDate first = start.plusDays(days).isAfter(Dates.LATEST) ? Dates.LATEST.minusDays(days) : start;
                    return new SmartGoal(name, metric, baseline, target, current, first, first.plusDays(days));
                });
    }

    public static Arbitrary<Milestone> milestones() {
        return Combinators.combine(texts(), Arbitraries.of(MilestoneKind.class), dates(), dates().optional(), roles())
                .as(Milestone::new);
    }

    public static Arbitrary<Touchpoint> touchpoints() {
        return Combinators.combine(Arbitraries.of(TouchpointChannel.class), dates(), texts().optional())
                .as(Touchpoint::new);
    }

    public static Arbitrary<RoleAssignment> roleAssignments() {
        return Combinators.combine(roles(), owners()).as(RoleAssignment::of);
    }

    public static Arbitrary<StageAction> stageActions() {
        return Combinators.combine(Arbitraries.of(JourneyStage.class), texts(), roles(), texts().list().ofMaxSize(3),
                        roles().optional())
                .as((stage, description, owner, resources, handoff) -> new StageAction(stage, description, owner,
                        resources, handoff.filter(h -> h != owner)));
    }

    public static Arbitrary<CustomerProfile> profiles() {
        return Combinators.combine(texts(), texts(), texts().list().ofMaxSize(3), texts().list().ofMaxSize(3),
                        texts().list().ofMaxSize(3), texts().list().ofMaxSize(3), Arbitraries.of(JourneyStage.class))
                .as(CustomerProfile::new);
    }

    public static Arbitrary<StatusRule> statusRules() {
        return Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.integers().between(1, 10),
                        Arbitraries.doubles().between(0, 1))
                .as(StatusRule::of);
    }

    public static Arbitrary<SuccessPlan> plans() {
        return Combinators.combine(identifiers(), identifiers().map(AccountId::of), profiles().optional(),
                        goals().list().ofMaxSize(4).uniqueElements(SmartGoal::name),
                        milestones().list().ofMaxSize(5).uniqueElements(Milestone::name),
                        touchpoints().list().ofMaxSize(3),
                        roleAssignments().list().ofMaxSize(3).uniqueElements(RoleAssignment::role),
                        stageActions().list().ofMaxSize(3))
                .as(SuccessPlan::new);
    }

    public static Arbitrary<GoalTemplate> goalTemplates() {
        return Combinators.combine(texts(), identifiers(), finiteDoubles(), finiteDoubles(),
                        Arbitraries.integers().between(1, 3_650))
                .filter((name, metric, baseline, target, days) -> baseline.doubleValue() != target.doubleValue())
                .as(GoalTemplate::of);
    }

    public static Arbitrary<MilestoneTemplate> milestoneTemplates() {
        return Combinators.combine(texts(), Arbitraries.of(MilestoneKind.class), Arbitraries.integers().between(0, 3_650),
                        roles())
                .as(MilestoneTemplate::of);
    }

    public static Arbitrary<PlanTemplate> templates() {
        return Combinators.combine(texts(), identifiers().map(Segment::of).optional(),
                        Arbitraries.of(JourneyStage.class).optional(),
                        goalTemplates().list().ofMaxSize(4).uniqueElements(GoalTemplate::name),
                        milestoneTemplates().list().ofMaxSize(5).uniqueElements(MilestoneTemplate::name),
                        stageActions().list().ofMaxSize(3))
                .as(PlanTemplate::new);
    }
}
