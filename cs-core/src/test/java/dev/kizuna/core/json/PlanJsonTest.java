package dev.kizuna.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Owner;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.plan.Milestone;
import dev.kizuna.core.plan.MilestoneKind;
import dev.kizuna.core.plan.PlanStatus;
import dev.kizuna.core.plan.PlanTemplate;
import dev.kizuna.core.plan.SmartGoal;
import dev.kizuna.core.plan.StageAction;
import dev.kizuna.core.plan.StatusRule;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.core.plan.Touchpoint;
import dev.kizuna.core.plan.TouchpointChannel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanJsonTest {
    private static final ObjectMapper MAPPER = KizunaJson.newObjectMapper();

    /** A plan document as a host would store it; single quotes stand for double quotes. */
    private static final String PLAN = """
            {'id': 'plan-1', 'account': 'acme',
             'profile': {'persona': 'Head of support', 'industry': 'Retail banking',
                         'businessGoals': ['Cut handling time'], 'stage': 'CONVERSION'},
             'goals': [
               {'name': 'Adoption', 'metric': 'licence_utilisation', 'baseline': 0.2, 'target': 0.8,
                'current': 0.5, 'startDate': '2024-01-01', 'dueDate': '2024-04-01'},
               {'name': 'Tickets', 'metric': 'escalated_tickets', 'baseline': 12, 'target': 4,
                'current': 10, 'startDate': '2024-02-01', 'dueDate': '2024-05-01'}],
             'milestones': [
               {'name': 'Kickoff', 'kind': 'KICKOFF', 'dueDate': '2024-01-15', 'completedOn': '2024-01-12',
                'ownerRole': 'CUSTOMER_SUCCESS_MANAGER'},
               {'name': 'First QBR', 'kind': 'QBR', 'dueDate': '2024-04-15', 'ownerRole': 'CUSTOMER_SUCCESS_MANAGER'}],
             'touchpoints': [{'channel': 'CALL', 'date': '2024-01-12', 'note': 'Kickoff held'}],
             'roles': [{'role': 'CUSTOMER_SUCCESS_MANAGER', 'person': {'id': 'ann@example.com', 'name': 'Ann'}}],
             'actions': [{'stage': 'CONVERSION', 'description': 'Hand over from sales', 'ownerRole': 'SALES',
                          'resources': ['handoff notes'], 'handoffTo': 'CUSTOMER_SUCCESS_MANAGER'}]}
            """;

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** Reads {@code document} and asserts the failure's message starts with {@code expected} (a path and its problem). */
    private static void assertFailsAt(String document, Class<?> type, String expected) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> MAPPER.readValue(json(document), type));
        assertTrue(e.getOriginalMessage().startsWith(expected),
                () -> "expected a message starting with '" + expected + "' but got: " + e.getOriginalMessage());
    }

    /** The plan document with the first occurrence of {@code from} replaced by {@code to}. */
    private static String plan(String from, String to) {
        assertTrue(PLAN.contains(from), from);
        return PLAN.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void aPlanDocumentReadsIntoThePlan() throws JsonProcessingException {
        SuccessPlan p = MAPPER.readValue(json(PLAN), SuccessPlan.class);
        assertEquals("plan-1", p.id());
        assertEquals(AccountId.of("acme"), p.account());
        assertEquals(JourneyStage.CONVERSION, p.profile().orElseThrow().stage());
        assertEquals(new SmartGoal("Tickets", "escalated_tickets", 12, 4, 10, LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 5, 1)), p.goals().get(1));
        assertEquals(Optional.of(LocalDate.of(2024, 1, 12)), p.milestone("Kickoff").orElseThrow().completedOn());
        assertEquals(Touchpoint.of(TouchpointChannel.CALL, LocalDate.of(2024, 1, 12), "Kickoff held"), p.touchpoints().get(0));
        assertEquals(Optional.of(Owner.of("ann@example.com", "Ann")), p.owner(CsRole.CUSTOMER_SUCCESS_MANAGER));
        assertEquals(List.of(StageAction.handoff(JourneyStage.CONVERSION, "Hand over from sales", CsRole.SALES,
                CsRole.CUSTOMER_SUCCESS_MANAGER, List.of("handoff notes"))), p.actions());
        assertEquals(PlanStatus.ON_TRACK, p.status(LocalDate.of(2024, 2, 15)));
    }

    @Test
    void milestoneIsWrittenWithItsFieldsInAFixedOrderAndWithoutAnEmptyCompletion() throws JsonProcessingException {
        Milestone m = Milestone.of("QBR", MilestoneKind.QBR, LocalDate.of(2024, 4, 15), CsRole.CS_LEAD);
        assertEquals(json("{'name':'QBR','kind':'QBR','dueDate':'2024-04-15','ownerRole':'CS_LEAD'}"),
                MAPPER.writeValueAsString(m));
    }

    @Test
    void statusRuleIsWrittenWithItsThresholds() throws JsonProcessingException {
        assertEquals(json("{'offTrackDaysOverdue':30,'offTrackOverdueMilestones':2,'atRiskProgressLag':0.25}"),
                MAPPER.writeValueAsString(StatusRule.defaults()));
    }

    @Test
    void readyTemplatesRoundTrip() throws JsonProcessingException {
        for (PlanTemplate t : List.of(PlanTemplate.enterpriseOnboarding(), PlanTemplate.smbOnboarding(),
                PlanTemplate.renewalReadiness())) {
            assertEquals(t, MAPPER.readValue(MAPPER.writeValueAsString(t), PlanTemplate.class));
        }
    }

    @Test
    void absentListsReadAsEmpty() throws JsonProcessingException {
        SuccessPlan p = MAPPER.readValue(json("{'id': 'p', 'account': 'acme'}"), SuccessPlan.class);
        assertEquals(SuccessPlan.builder("p", AccountId.of("acme")).build(), p);
    }

    @Test
    void unknownFieldIsRejectedAtItsPath() {
        assertFailsAt(plan("'current': 10,", "'current': 10, 'colour': 'red',"), SuccessPlan.class,
                "$.goals[1].colour: unknown field");
    }

    @Test
    void unknownTopLevelFieldIsRejected() {
        assertFailsAt(plan("'id': 'plan-1',", "'id': 'plan-1', 'owner': 'ann',"), SuccessPlan.class,
                "$.owner: unknown field");
    }

    @Test
    void missingRequiredFieldIsRejectedAtItsObject() {
        assertFailsAt(plan(", 'dueDate': '2024-05-01'", ""), SuccessPlan.class,
                "$.goals[1]: missing required field 'dueDate'");
    }

    @Test
    void missingNestedRequiredFieldIsRejectedAtItsObject() {
        assertFailsAt(plan(", 'name': 'Ann'", ""), SuccessPlan.class, "$.roles[0].person: missing required field 'name'");
    }

    @Test
    void nullRequiredFieldIsRejected() {
        assertFailsAt(plan("'id': 'plan-1'", "'id': null"), SuccessPlan.class, "$.id: must not be null");
    }

    @Test
    void wrongTypeIsRejectedAtItsPath() {
        assertFailsAt(plan("'baseline': 12", "'baseline': 'twelve'"), SuccessPlan.class,
                "$.goals[1].baseline: expected a number but found string \"twelve\"");
    }

    @Test
    void objectWhereAListBelongsIsRejected() {
        assertFailsAt(plan("'resources': ['handoff notes']", "'resources': {'a': 'b'}"), SuccessPlan.class,
                "$.actions[0].resources: expected an array");
    }

    @Test
    void unknownEnumNameIsRejectedAtItsPath() {
        assertFailsAt(plan("'kind': 'QBR'", "'kind': 'MEETUP'"), SuccessPlan.class,
                "$.milestones[1].kind: 'MEETUP' is not one of [KICKOFF, ");
    }

    @Test
    void enumAsANumberIsRejected() {
        assertFailsAt("3", CsRole.class, "$: expected a string but found number 3");
    }

    @Test
    void nanAsAStringIsRejected() {
        assertFailsAt(plan("'target': 0.8", "'target': 'NaN'"), SuccessPlan.class,
                "$.goals[0].target: expected a number but found string \"NaN\"");
    }

    @Test
    void nanLiteralIsRejectedByTheKizunaMapper() {
        assertThrows(StreamReadException.class, () -> MAPPER.readValue(json(plan("'target': 0.8", "'target': NaN")),
                SuccessPlan.class));
    }

    @Test
    void nanLiteralIsRejectedAtItsPathEvenByALenientHostMapper() {
        ObjectMapper lenient = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .addModule(new KizunaModule()).build();
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> lenient.readValue(json(plan("'target': 0.8", "'target': NaN")), SuccessPlan.class));
        assertTrue(e.getOriginalMessage().startsWith("$.goals[0].target: NaN is not a finite number"),
                e.getOriginalMessage());
    }

    @Test
    void numberBeyondTheDoubleRangeIsRejected() {
        assertFailsAt(plan("'target': 0.8", "'target': 1e400"), SuccessPlan.class,
                "$.goals[0].target: 1e400 is not a finite number");
    }

    @Test
    void dueDateBeforeStartDateIsRejectedAtTheDueDate() {
        assertFailsAt(plan("'dueDate': '2024-05-01'", "'dueDate': '2024-01-01'"), SuccessPlan.class,
                "$.goals[1].dueDate: 2024-01-01 must be after goal.startDate 2024-02-01");
    }

    @Test
    void malformedDateIsRejectedAtItsPath() {
        assertFailsAt(plan("'date': '2024-01-12'", "'date': '12/01/2024'"), SuccessPlan.class,
                "$.touchpoints[0].date: '12/01/2024' is not a date: write it yyyy-mm-dd");
    }

    @Test
    void targetEqualToBaselineIsRejectedAtTheTarget() {
        assertFailsAt(plan("'target': 4", "'target': 12"), SuccessPlan.class,
                "$.goals[1].target: 12.0 must differ from goal.baseline 12.0");
    }

    @Test
    void duplicateGoalNameIsRejectedAtTheSecondName() {
        assertFailsAt(plan("'name': 'Tickets'", "'name': 'Adoption'"), SuccessPlan.class,
                "$.goals[1].name: 'Adoption' is a duplicate of plan.goals[0].name");
    }

    @Test
    void blankProfileEntryIsRejectedAtItsIndex() {
        assertFailsAt(plan("['Cut handling time']", "['Cut handling time', ' ']"), SuccessPlan.class,
                "$.profile.businessGoals[1]: must not be blank");
    }

    @Test
    void handoffToTheOwnerIsRejectedAtTheHandoff() {
        assertFailsAt(plan("'handoffTo': 'CUSTOMER_SUCCESS_MANAGER'", "'handoffTo': 'SALES'"), SuccessPlan.class,
                "$.actions[0].handoffTo: SALES is the action's own owner role");
    }

    @Test
    void invalidAccountIdIsRejectedAtTheAccount() {
        assertFailsAt(plan("'account': 'acme'", "'account': ' acme'"), SuccessPlan.class,
                "$.account: accountId: ' acme' must not start or end with white space");
    }

    @Test
    void statusRuleOutOfRangeIsRejectedAtTheField() {
        assertFailsAt("{'offTrackDaysOverdue': 30, 'offTrackOverdueMilestones': 2, 'atRiskProgressLag': 1.5}",
                StatusRule.class, "$.atRiskProgressLag: 1.5 must be from 0 to 1");
        assertFailsAt("{'offTrackDaysOverdue': 30.5, 'offTrackOverdueMilestones': 2, 'atRiskProgressLag': 0.5}",
                StatusRule.class, "$.offTrackDaysOverdue: 30.5 is not a whole number");
    }

    @Test
    void templateErrorsNameTheirPaths() {
        assertFailsAt("{'name': 't', 'milestones': [{'name': 'Kickoff', 'kind': 'KICKOFF', 'dueInDays': -1, "
                + "'ownerRole': 'CS_LEAD'}]}", PlanTemplate.class, "$.milestones[0].dueInDays: -1 must be >= 0");
        assertFailsAt("{'name': 't', 'goals': [{'name': 'g', 'metric': 'm', 'baseline': 0, 'target': 1, 'dueInDays': 0}]}",
                PlanTemplate.class, "$.goals[0].dueInDays: 0 must be > 0");
        assertFailsAt("{'name': 't', 'goals': ["
                        + "{'name': 'g', 'metric': 'm', 'baseline': 0, 'target': 1, 'dueInDays': 5},"
                        + "{'name': 'g', 'metric': 'n', 'baseline': 0, 'target': 1, 'dueInDays': 9}]}",
                PlanTemplate.class, "$.goals[1].name: 'g' is a duplicate of template.goals[0].name");
        assertFailsAt("{'name': 't', 'segment': ''}", PlanTemplate.class, "$.segment: segment: '' must be 1 to 256");
    }
}
