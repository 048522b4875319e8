package dev.kizuna.playbooks.definition;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.definition.DefinitionError;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of definition error is reported with its path, and all of them at once. */
class DefinitionErrorsTest {
    private static final PlaybookDefinitions ANY = PlaybookDefinitions.standard();
    private static final PlaybookDefinitions CATALOGUE = PlaybookDefinitions.withCatalogue(SignalName.catalogue());

    /** A valid playbook with one rule whose condition, action and extra rule fields are given. */
    private static String playbook(String when, String action, String ruleExtra, String playbookExtra) {
        return "id: p\npurpose: RISK\n" + playbookExtra + "rules:\n  - id: r\n    when: " + when + "\n"
                + "    actions:\n      - " + action + "\n" + ruleExtra;
    }

    private static String when(String when) {
        return playbook(when, "{kind: TASK, owner: CS_LEAD, template: t}", "", "");
    }

    private static List<DefinitionError> errors(PlaybookDefinitions reader, String yaml) {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> reader.readPlaybook(yaml, DefinitionFormat.YAML));
        return e.errors();
    }

    private static void hasError(List<DefinitionError> errors, String path, String fragment) {
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path) && e.message().contains(fragment)),
                () -> "no error at '" + path + "' containing '" + fragment + "' in " + errors);
    }

    @Test
    void aValidPlaybookReads() {
        Playbook p = ANY.readPlaybook(when("{fact: health_score, below: 40}"), DefinitionFormat.YAML);
        assertEquals("health_score < 40", p.rules().get(0).trigger().condition().describe());
    }

    @Test
    void anUnknownSignalIsRejectedWhenACatalogueIsGiven() {
        String yaml = when("{signal: usage.active_userz, below: 5}");
        hasError(errors(CATALOGUE, yaml), "rules[0].when.signal",
                "unknown signal 'usage.active_userz': it is not in the signal catalogue; did you mean"
                        + " usage.active_users?");
    }

    @Test
    void aMalformedSignalNameIsRejected() {
        hasError(errors(ANY, when("{signal: Usage-Users, below: 5}")), "rules[0].when.signal",
                "'Usage-Users' is not a signal name");
    }

    @Test
    void anUnknownActionKindIsRejected() {
        hasError(errors(ANY, playbook("{fact: health_score, below: 40}", "{kind: SMS, owner: CS_LEAD, template: t}",
                "", "")), "rules[0].actions[0].kind", "unknown action kind 'SMS'; the known ones are [TASK,");
    }

    @Test
    void anUnknownOwnerRoleIsRejected() {
        hasError(errors(ANY, playbook("{fact: health_score, below: 40}", "{kind: TASK, owner: CEO, template: t}",
                "", "")), "rules[0].actions[0].owner", "unknown owner role 'CEO'");
    }

    @Test
    void anImpossibleWindowIsRejected() {
        hasError(errors(ANY, when("{fact: promoters, window: P0D, atLeast: 1}")), "rules[0].when.window",
                "P0D is not a possible window: it must be positive");
        hasError(errors(ANY, when("{fact: promoters, window: '-P3D', atLeast: 1}")), "rules[0].when.window",
                "is not a possible window");
        hasError(errors(ANY, when("{signal: usage.active_users, change: {window: P4000D}, below: -0.3}")),
                "rules[0].when.change.window", "P4000D is not a possible window: it must be positive and at most"
                        + " 3653 days");
    }

    @Test
    void aWindowThatIsNotADurationIsRejected() {
        hasError(errors(ANY, when("{fact: detractors, window: P1M, atLeast: 1}")), "rules[0].when.window",
                "'P1M' is not a duration such as P30D or PT12H");
    }

    @Test
    void aNegativeCooldownAndAnImpossibleLimitAreRejected() {
        List<DefinitionError> errors = errors(ANY, playbook("{fact: health_score, below: 40}",
                "{kind: TASK, owner: CS_LEAD, template: t}", "    cooldown: '-P1D'\n    limit: {max: 0, window: P0D}\n",
                ""));
        hasError(errors, "rules[0].cooldown", "must be from zero to 3653 days");
        hasError(errors, "rules[0].limit.max", "0 must be from 1 to 1000000");
        hasError(errors, "rules[0].limit.window", "P0D is not a possible window");
    }

    @Test
    void anUnknownFactIsRejected() {
        hasError(errors(ANY, when("{fact: churn_risk, above: 0.5}")), "rules[0].when.fact",
                "unknown fact 'churn_risk'; the known facts are [health_score,");
    }

    @Test
    void aConditionWithoutAKnownNodeIsRejected() {
        hasError(errors(ANY, when("{metric: nps, below: 0}")), "rules[0].when",
                "a condition needs one of the fields all, any, not, signal or fact, but has [metric, below]");
    }

    @Test
    void aTestNeedsExactlyOneCriterion() {
        hasError(errors(ANY, when("{fact: health_score}")), "rules[0].when", "missing criterion: a test needs one of");
        hasError(errors(ANY, when("{fact: health_score, below: 40, above: 10}")), "rules[0].when",
                "a test has one criterion, but this one has [below, above]");
    }

    @Test
    void aCriterionMustFitItsFact() {
        hasError(errors(ANY, when("{fact: days_to_renewal, in: [soon]}")), "rules[0].when",
                "in: days_to_renewal is a number: use below, atMost, above, atLeast or between");
        hasError(errors(ANY, when("{fact: segment, below: 3}")), "rules[0].when", "below: segment is categorical");
        hasError(errors(ANY, when("{fact: stage, in: [CHURNED]}")), "rules[0].when.in[0]", "'CHURNED' is not a stage");
    }

    @Test
    void aRangeMustHaveTwoOrderedBounds() {
        hasError(errors(ANY, when("{fact: days_to_renewal, between: [90]}")), "rules[0].when.between",
                "expected [low, high] but found 1 numbers");
        hasError(errors(ANY, when("{fact: days_to_renewal, between: [90, 61]}")), "rules[0].when.between",
                "between: [90, 61] is empty");
        hasError(errors(ANY, when("{fact: days_to_renewal, between: [a, 61]}")), "rules[0].when.between[0]",
                "expected a number but found string \"a\"");
    }

    @Test
    void unknownAndMissingFieldsAreRejected() {
        List<DefinitionError> errors = errors(ANY, "id: p\npurpose: RISK\ncolour: red\nrules:\n  - id: r\n"
                + "    actions: [{kind: TASK, owner: CS_LEAD, template: t, urgency: 3}]\n");
        hasError(errors, "colour", "unknown field; the known fields here are");
        hasError(errors, "rules[0]", "missing required field 'when'");
        hasError(errors, "rules[0].actions[0].urgency", "unknown field");
    }

    @Test
    void aWrongTypeIsRejected() {
        hasError(errors(ANY, "id: p\npurpose: RISK\nrules: {id: r}\n"), "rules", "expected an array but found"
                + " object {\"id\":\"r\"}");
        hasError(errors(ANY, when("{fact: health_score, below: low}")), "rules[0].when.below",
                "expected a number but found string \"low\"");
    }

    @Test
    void anUnknownPurposeOrModeIsRejected() {
        List<DefinitionError> errors = errors(ANY, playbook("{fact: health_score, below: 40}",
                "{kind: TASK, owner: CS_LEAD, template: t}", "", "mode: RANDOM\n").replace("RISK", "GROWTH"));
        hasError(errors, "purpose", "unknown purpose 'GROWTH'");
        hasError(errors, "mode", "unknown mode 'RANDOM'");
    }

    @Test
    void duplicateRuleIdsAreRejected() {
        String yaml = when("{fact: health_score, below: 40}")
                + "  - id: r\n    when: {fact: health_score, below: 30}\n    actions: [{kind: TASK, owner: CS_LEAD,"
                + " template: t}]\n";
        hasError(errors(ANY, yaml), "rules[1].id", "id 'r' is a duplicate of rules[0]");
    }

    @Test
    void duplicatePlaybookIdsAreRejected() {
        String p = "{id: p, purpose: RISK, rules: [{id: r, when: {fact: health_score, below: 40}, actions: [{kind:"
                + " TASK, owner: CS_LEAD, template: t}]}]}";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ANY.readRuleSet("playbooks: [" + p + ", " + p + "]", DefinitionFormat.YAML));
        hasError(e.errors(), "playbooks[1].id", "id 'p' is a duplicate of playbooks[0]");
    }

    @Test
    void aDelayOutsideTheLaterStepsOfASequenceIsRejected() {
        hasError(errors(ANY, playbook("{fact: health_score, below: 40}", "{kind: TASK, owner: CS_LEAD, template: t}",
                "    delay: P7D\n", "mode: SEQUENCE\n")), "rules[0].delay",
                "a delay is only allowed on the second and later steps of a SEQUENCE playbook");
    }

    @Test
    void aControlShareOutOfRangeIsRejected() {
        hasError(errors(ANY, playbook("{fact: health_score, below: 40}", "{kind: TASK, owner: CS_LEAD, template: t}",
                "", "control: {share: 1.5}\n")), "control", "control.share: 1.5 must be between 0 and 0.9");
    }

    @Test
    void aBadOneVoiceIsRejected() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> ANY.readRuleSet(
                "oneVoice: {max: 0, window: P7D, per: account}\nplaybooks: []\n", DefinitionFormat.YAML));
        hasError(e.errors(), "oneVoice.max", "0 must be from 1 to 1000");
        hasError(e.errors(), "oneVoice.per", "unknown field");
    }

    @Test
    void everyErrorIsListedAtOnceWithItsPath() {
        String yaml = "id: 'bad id'\npurpose: RISK\nrules:\n  - id: r\n    when: {all: [{fact: health_score,"
                + " below: x}, {signal: nope.nope, atLeast: 1}]}\n    actions: [{kind: SMS, owner: CS_LEAD, template:"
                + " t}]\n";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> CATALOGUE.readPlaybook(yaml, DefinitionFormat.YAML));
        assertEquals(4, e.errors().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("4 errors in the playbook definition:\n  id: 'bad id' is not an id"),
                e.getMessage());
        hasError(e.errors(), "rules[0].when.all[0].below", "expected a number");
        hasError(e.errors(), "rules[0].when.all[1].signal", "unknown signal 'nope.nope'");
        hasError(e.errors(), "rules[0].actions[0].kind", "unknown action kind 'SMS'");
    }

    @Test
    void malformedJsonIsRejected() {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ANY.readPlaybook("{\"id\": \"p\",", DefinitionFormat.JSON));
        assertTrue(e.getMessage().contains("not well-formed JSON"), e.getMessage());
    }

    @Test
    void aDocumentTooDeepIsRejected() {
        String deep = "{\"not\": ".repeat(40) + "{\"fact\": \"health_score\", \"below\": 1}" + "}".repeat(40);
        String json = "{\"id\": \"p\", \"purpose\": \"RISK\", \"rules\": [{\"id\": \"r\", \"when\": " + deep
                + ", \"actions\": [{\"kind\": \"TASK\", \"owner\": \"CS_LEAD\", \"template\": \"t\"}]}]}";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ANY.readPlaybook(json, DefinitionFormat.JSON));
        assertEquals(List.of(new DefinitionError("", "line 1, column 295: the document is nested deeper than 32"
                + " levels")), e.errors());
    }

    @Test
    void aDocumentTooLargeIsRejected() {
        String big = "#" + "x".repeat(DefinitionFormat.MAX_DOCUMENT_CHARS) + "\n";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ANY.readPlaybook(big, DefinitionFormat.YAML));
        assertTrue(e.getMessage().contains("over the limit of 1000000"), e.getMessage());
    }

    @Test
    void yamlTagsBuildNoObjects() {
        String yaml = "!!java.net.URL [\"http://example.invalid\"]\n";
        assertThrows(DefinitionException.class, () -> ANY.readPlaybook(yaml, DefinitionFormat.YAML));
    }

    @Test
    void aRuleSetWithOneVoiceReads() {
        RuleSet rs = ANY.readRuleSet("oneVoice: {max: 2, window: P14D}\nplaybooks:\n  - " + "{id: p, purpose: RISK,"
                + " rules: [{id: r, when: {fact: health_score, below: 40}, actions: [{kind: TASK, owner: CS_LEAD,"
                + " template: t}]}]}\n", DefinitionFormat.YAML);
        assertEquals(2, rs.oneVoice().orElseThrow().max());
        assertEquals(1, rs.ruleCount());
    }
}
