package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.plan.CustomerProfile;
import dev.kizuna.core.plan.GoalTemplate;
import dev.kizuna.core.plan.Milestone;
import dev.kizuna.core.plan.MilestoneKind;
import dev.kizuna.core.plan.MilestoneTemplate;
import dev.kizuna.core.plan.PlanArbitraries;
import dev.kizuna.core.plan.PlanStatus;
import dev.kizuna.core.plan.PlanTemplate;
import dev.kizuna.core.plan.RoleAssignment;
import dev.kizuna.core.plan.SmartGoal;
import dev.kizuna.core.plan.StageAction;
import dev.kizuna.core.plan.StatusRule;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.plan.Touchpoint;
import dev.kizuna.core.plan.TouchpointChannel;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every plan type survives a JSON round trip unchanged, and equal values give identical JSON. */
class PlanJsonProperties {
    private static final ObjectMapper MAPPER = KizunaJson.newObjectMapper();

    private static <T> void roundTrip(T value, Class<T> type) throws JsonProcessingException {
        String json = MAPPER.writeValueAsString(value);
        T back = MAPPER.readValue(json, type);
        assertEquals(value, back, json);
        assertEquals(json, MAPPER.writeValueAsString(back));
    }

    @Provide
    Arbitrary<SuccessPlan> plans() {
        return PlanArbitraries.plans();
    }

    @Provide
    Arbitrary<PlanTemplate> templates() {
        return PlanArbitraries.templates();
    }

    @Provide
    Arbitrary<SmartGoal> goals() {
        return PlanArbitraries.goals();
    }

    @Provide
    Arbitrary<Milestone> milestones() {
        return PlanArbitraries.milestones();
    }

    @Provide
    Arbitrary<Touchpoint> touchpoints() {
        return PlanArbitraries.touchpoints();
    }

    @Provide
    Arbitrary<RoleAssignment> roleAssignments() {
        return PlanArbitraries.roleAssignments();
    }

    @Provide
    Arbitrary<StageAction> actions() {
        return PlanArbitraries.stageActions();
    }

    @Provide
    Arbitrary<CustomerProfile> profiles() {
        return PlanArbitraries.profiles();
    }

    @Provide
    Arbitrary<StatusRule> rules() {
        return PlanArbitraries.statusRules();
    }

    @Provide
    Arbitrary<GoalTemplate> goalTemplates() {
        return PlanArbitraries.goalTemplates();
    }

    @Provide
    Arbitrary<MilestoneTemplate> milestoneTemplates() {
        return PlanArbitraries.milestoneTemplates();
    }

    @Property
    void successPlanRoundTrips(@ForAll("plans") SuccessPlan plan) throws JsonProcessingException {
        roundTrip(plan, SuccessPlan.class);
    }

    @Property
    void planTemplateRoundTrips(@ForAll("templates") PlanTemplate template) throws JsonProcessingException {
        roundTrip(template, PlanTemplate.class);
    }

    @Property
    void smartGoalRoundTrips(@ForAll("goals") SmartGoal goal) throws JsonProcessingException {
        roundTrip(goal, SmartGoal.class);
    }

    @Property
    void milestoneRoundTrips(@ForAll("milestones") Milestone milestone) throws JsonProcessingException {
        roundTrip(milestone, Milestone.class);
    }

    @Property
    void touchpointRoundTrips(@ForAll("touchpoints") Touchpoint touchpoint) throws JsonProcessingException {
        roundTrip(touchpoint, Touchpoint.class);
    }

    @Property
    void roleAssignmentRoundTrips(@ForAll("roleAssignments") RoleAssignment assignment) throws JsonProcessingException {
        roundTrip(assignment, RoleAssignment.class);
    }

    @Property
    void stageActionRoundTrips(@ForAll("actions") StageAction action) throws JsonProcessingException {
        roundTrip(action, StageAction.class);
    }

    @Property
    void customerProfileRoundTrips(@ForAll("profiles") CustomerProfile profile) throws JsonProcessingException {
        roundTrip(profile, CustomerProfile.class);
    }

    @Property
    void statusRuleRoundTrips(@ForAll("rules") StatusRule rule) throws JsonProcessingException {
        roundTrip(rule, StatusRule.class);
    }

    @Property
    void goalTemplateRoundTrips(@ForAll("goalTemplates") GoalTemplate template) throws JsonProcessingException {
        roundTrip(template, GoalTemplate.class);
    }

    @Property
    void milestoneTemplateRoundTrips(@ForAll("milestoneTemplates") MilestoneTemplate template)
            throws JsonProcessingException {
        roundTrip(template, MilestoneTemplate.class);
    }

    @Property
    void enumsRoundTripByName(@ForAll CsRole role, @ForAll MilestoneKind kind, @ForAll TouchpointChannel channel,
                              @ForAll PlanStatus status) throws JsonProcessingException {
        roundTrip(role, CsRole.class);
        roundTrip(kind, MilestoneKind.class);
        roundTrip(channel, TouchpointChannel.class);
        roundTrip(status, PlanStatus.class);
        assertEquals("\"" + role.name() + "\"", MAPPER.writeValueAsString(role));
    }
}
