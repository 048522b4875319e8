package dev.kizuna.playbooks.definition;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.definition.DefinitionError;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.Condition;
import dev.kizuna.playbooks.Fixtures;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.Rule;
import dev.kizuna.playbooks.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A playbook definition loads whole or fails with every error and its path: nothing dropped, no condition that can
 * never hold, no number out of range, every string and number written back exactly.
 */
class DefinitionChecksTest {
    private static final PlaybookDefinitions ANY = PlaybookDefinitions.standard();

    @TempDir
    Path dir;

    private static String playbook(String id, String when) {
        return "{id: " + id + ", purpose: RISK, rules: [{id: r, when: " + when + ", actions: [{kind: TASK, owner:"
                + " CS_LEAD, template: t}]}]}";
    }

    private static List<DefinitionError> ruleSetErrors(PlaybookDefinitions reader, String yaml) {
        return assertThrows(DefinitionException.class, () -> reader.readRuleSet(yaml, DefinitionFormat.YAML))
                .errors();
    }

    private static List<DefinitionError> playbookErrors(PlaybookDefinitions reader, String yaml) {
        return assertThrows(DefinitionException.class, () -> reader.readPlaybook(yaml, DefinitionFormat.YAML))
                .errors();
    }

    private static DefinitionError error(String path, String message) {
        return new DefinitionError(path, message);
    }

    @Test
    void aPlaybookWithABlankFactIsAnErrorNotDroppedFromItsRuleSet() {
        String yaml = "playbooks:\n  - " + playbook("kept", "{fact: health_score, below: 40}") + "\n  - "
                + playbook("dropped", "{fact: \"\", atLeast: 1}") + "\n";
        List<DefinitionError> errors = ruleSetErrors(ANY, yaml);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("playbooks[1].rules[0].when.fact", errors.get(0).path());
        assertTrue(errors.get(0).message().startsWith("unknown fact ''; the known facts are [health_score,"),
                errors.toString());
        // The same playbook alone: a definition error, not NoSuchElementException.
        assertEquals(errors.get(0).message(), playbookErrors(ANY, playbook("dropped", "{fact: \"\", atLeast: 1}"))
                .get(0).message());
    }

    @Test
    void parametersThatAreNotAnObjectAreAnErrorNotIgnored() {
        String yaml = "{id: p, purpose: RISK, rules: [{id: r, when: {fact: health_score, below: 40}, actions: [{kind:"
                + " TASK, owner: CS_LEAD, template: t, parameters: 5}]}]}";
        assertEquals(List.of(error("rules[0].actions[0].parameters", "expected an object but found number 5")),
                playbookErrors(ANY, yaml));
    }

    @Test
    void anUnknownFactSuggestsTheNearest() {
        assertEquals(List.of(error("rules[0].when.fact", "unknown fact 'helth_score'; did you mean health_score? The"
                + " known facts are [health_score, health_band, days_to_renewal, contract_term_days, stage,"
                + " days_in_stage, plan_status, overdue_milestones, promoters, detractors, segment, tier_rank, tags]"
                + " (signals are read with 'signal: NAME', changes with 'change: {window: P30D}')")),
                playbookErrors(ANY, playbook("p", "{fact: helth_score, below: 40}")));
    }

    @Test
    void aConditionOnAnUnknownSignalIsAnErrorWithASuggestion() {
        assertEquals(List.of(error("rules[0].when.signal", "unknown signal 'usage.active_user'; did you mean"
                        + " usage.active_users? A custom signal must be declared, with its domain, in the definition's"
                        + " top-level signals section, such as signals: {usage.active_user: {min: 0}} ({} for any"
                        + " finite number)")),
                playbookErrors(ANY, playbook("p", "{signal: usage.active_user, below: 5}")));
    }

    @Test
    void customSignalsAreDeclaredByTheRuleSetOrThePlaybook() {
        SignalName dependents = SignalName.of("custom.dependents");
        String yaml = "signals: {custom.dependents: {min: 0, max: 1, whole: true}}\nplaybooks:\n  - "
                + playbook("a", "{signal: custom.dependents, atLeast: 1}") + "\n  - "
                + playbook("b", "{signal: custom.seats, change: {window: P30D}, below: -0.5}")
                        .replace("{id: b,", "{id: b, signals: {custom.seats: {min: 0}},") + "\n";
        RuleSet set = ANY.readRuleSet(yaml, DefinitionFormat.YAML);
        assertEquals(SignalDomain.FLAG, set.playbooks().get(0).domainOf(dependents));
        assertEquals(SignalDomain.FLAG, set.playbooks().get(1).domainOf(dependents));
        assertEquals(SignalDomain.NON_NEGATIVE, set.playbooks().get(1).domainOf(SignalName.of("custom.seats")));
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = ANY.write(set, format);
            assertEquals(set, ANY.readRuleSet(written, format), written);
        }
        // Playbook a's own declarations are not seen by playbook b.
        String other = yaml.replace("signals: {custom.seats: {min: 0}}", "signals: {}")
                .replace("{id: a,", "{id: a, signals: {custom.seats: {}},");
        assertEquals("playbooks[1].rules[0].when.signal", ruleSetErrors(ANY, other).get(0).path());
        // Declared twice.
        String twice = yaml.replace("signals: {custom.seats: {min: 0}}",
                "signals: {custom.seats: {min: 0}, custom.dependents: {}}");
        assertEquals(List.of(error("playbooks[1].signals['custom.dependents']", "custom.dependents is already"
                + " declared by the enclosing definition; declare it once")), ruleSetErrors(ANY, twice));
        // A well-known signal.
        assertEquals("signals['usage.active_users']", ruleSetErrors(ANY, "signals: {usage.active_users: {}}\n"
                + "playbooks: []\n").get(0).path());
    }

    @Test
    void aPlaybookBuiltInJavaWithACustomSignalIsWrittenWithItsDeclaration() {
        SignalName seats = SignalName.of("custom.seats");
        Playbook p = Playbook.builder("p", Playbook.Archetype.EXPANSION)
                .rule(Rule.builder("r").when(Condition.signal(seats).above(10)).action(Fixtures.task("t")).build())
                .build();
        assertEquals(SignalDomain.ANY, p.domainOf(seats));
        String yaml = ANY.write(p, DefinitionFormat.YAML);
        assertTrue(yaml.contains("signals:\n  custom.seats: {}"), yaml);
        assertEquals(p, ANY.readPlaybook(yaml, DefinitionFormat.YAML));
        Playbook declared = Playbook.builder("p", Playbook.Archetype.EXPANSION).signal(seats, SignalDomain.COUNT)
                .rule(Rule.builder("r").when(Condition.signal(seats).above(10)).action(Fixtures.task("t")).build())
                .build();
        assertEquals(declared, ANY.readPlaybook(ANY.write(declared, DefinitionFormat.JSON), DefinitionFormat.JSON));
    }

    @Test
    void aConditionOnABandTheSchemeLacksIsAnErrorWithASuggestion() {
        assertEquals(List.of(error("rules[0].when.in[0]", "'rde' is not a band of the health model's scheme; did you"
                        + " mean red? The values are [red, yellow, green], so the condition could never hold")),
                playbookErrors(ANY, playbook("p", "{fact: health_band, in: [rde]}")));
        BandScheme severity = BandScheme.of(HealthBand.of("critical", "[0, 30)"), HealthBand.of("watch", "[30, 70)"),
                HealthBand.of("fine", "[70, 100]"));
        PlaybookDefinitions withSeverity = ANY.withBands(severity);
        assertNotSame(ANY, withSeverity);
        assertSame(BandScheme.standard(), ANY.bands());
        assertEquals(severity, withSeverity.bands());
        withSeverity.readPlaybook(playbook("p", "{fact: health_band, in: [critical]}"), DefinitionFormat.YAML);
        assertEquals(List.of(error("rules[0].when.in[1]", "'red' is not a band of the health model's scheme; the"
                        + " values are [critical, watch, fine], so the condition could never hold")),
                playbookErrors(withSeverity, playbook("p", "{fact: health_band, in: [critical, red]}")));
        // Combined with a catalogue.
        PlaybookDefinitions both = PlaybookDefinitions.withCatalogue(SignalName.catalogue()).withBands(severity);
        assertEquals(2, playbookErrors(both, playbook("p", "{all: [{fact: health_band, in: [red]}, {signal:"
                + " custom.x, below: 1}]}").replace("{id: p,", "{id: p, signals: {custom.x: {}},")).size());
    }

    @Test
    void categoricalValuesOutsideTheirClosedSetSuggestTheNearest() {
        assertEquals(List.of(error("rules[0].when.in[0]", "'CONVRSION' is not a stage; did you mean CONVERSION? The"
                        + " values are [AWARENESS, CONSIDERATION, CONVERSION, RETENTION, ADVOCACY]")),
                playbookErrors(ANY, playbook("p", "{fact: stage, in: [CONVRSION]}")));
        assertTrue(playbookErrors(ANY, playbook("p", "{fact: plan_status, in: [AT_RISC]}")).get(0).message()
                .startsWith("'AT_RISC' is not a plan status; did you mean AT_RISK?"));
    }

    @Test
    void thresholdsAreBounded() {
        assertEquals(List.of(error("rules[0].when.below", "1.0E300 must be between -1e15 and 1e15")),
                playbookErrors(ANY, playbook("p", "{fact: health_score, below: 1e300}")));
        assertEquals(List.of(error("rules[0].when.between[1]", "1.0E16 must be between -1e15 and 1e15")),
                playbookErrors(ANY, playbook("p", "{fact: days_to_renewal, between: [0, 1e16]}")));
        assertEquals(List.of(error("rules[0].when.atLeast", "the number is too large: a number must be finite")),
                playbookErrors(ANY, playbook("p", "{fact: days_to_renewal, atLeast: 1e400}")));
    }

    @Test
    void aTestThatNoValueOfItsDomainMeetsIsAnError() {
        assertEquals(List.of(error("rules[0].when", "this test can never hold: sentiment.nps is a number from -100 to"
                        + " 100, so it is never > 500; change the threshold")),
                playbookErrors(ANY, playbook("p", "{signal: sentiment.nps, above: 500}")));
        assertEquals(List.of(error("rules[0].when", "this test can never hold: relationship.champion_present is 0 or"
                        + " 1, so it is never >= 2; change the threshold")),
                playbookErrors(ANY, playbook("p", "{signal: relationship.champion_present, atLeast: 2}")));
        assertEquals(List.of(error("rules[0].when", "this test can never hold: health_score is a number from 0 to"
                        + " 100, so it is never < 0; change the threshold")),
                playbookErrors(ANY, playbook("p", "{fact: health_score, below: 0}")));
        // Whole numbers: no count lies strictly between 1 and 2.
        assertEquals(List.of(error("rules[0].when", "this test can never hold: support.open_tickets is a whole"
                        + " number from 0 up, so it is never in [1.2, 1.8]; change the threshold")),
                playbookErrors(ANY, playbook("p", "{signal: support.open_tickets, between: [1.2, 1.8]}")));
        // A declared domain counts too, and the message says where to look.
        assertEquals(List.of(error("rules[0].when", "this test can never hold: custom.seats is a whole number from 0"
                        + " to 50, so it is never > 60; change the threshold or the signal's declared domain")),
                playbookErrors(ANY, "{id: p, purpose: RISK, signals: {custom.seats: {min: 0, max: 50, whole: true}},"
                        + " rules: [{id: r, when: {signal: custom.seats, above: 60}, actions: [{kind: TASK, owner:"
                        + " CS_LEAD, template: t}]}]}"));
    }

    @Test
    void testsAtTheEdgeOfTheDomainStillRead() {
        for (String when : List.of("{signal: sentiment.nps, atLeast: 100}", "{signal: sentiment.nps, atMost: -100}",
                "{signal: relationship.champion_present, between: [0.5, 1]}", "{fact: health_score, above: 99.99}",
                "{fact: tier_rank, atMost: 1}", "{signal: usage.trend_30d, below: -0.99}")) {
            assertEquals(1, ANY.readPlaybook(playbook("p", when), DefinitionFormat.YAML).rules().size(), when);
        }
    }

    @Test
    void negativeZeroIsWrittenBackExactly() {
        Playbook p = Playbook.builder("p", Playbook.Archetype.RISK)
                .rule(Rule.builder("r").when(Condition.signalChange(SignalName.USAGE_ACTIVE_USERS,
                        java.time.Duration.ofDays(30)).atLeast(-0.0)).action(Fixtures.task("t")).build())
                .build();
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = ANY.write(p, format);
            assertTrue(written.contains("-0.0"), written);
            assertEquals(p, ANY.readPlaybook(written, format), written);
        }
    }

    @Test
    void fileProblemsAreDefinitionErrorsNamingTheFile() throws Exception {
        Path missing = dir.resolve("plays.yaml");
        DefinitionException e = assertThrows(DefinitionException.class, () -> ANY.readRuleSet(missing));
        assertEquals(Optional.of(missing.toString()), e.file());
        assertEquals(List.of(error("", "no such file")), e.errors());
        Files.write(missing, ("playbooks:\n  - " + playbook("caf\u00e9", "{fact: health_score, below: 40}") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        DefinitionException bad = assertThrows(DefinitionException.class, () -> ANY.readRuleSet(missing));
        assertEquals(Optional.of(missing.toString()), bad.file());
        assertTrue(bad.errors().get(0).message().startsWith("line 2, column 13: the file is not valid UTF-8"),
                bad.errors().toString());
        Files.writeString(missing, "\uFEFFplaybooks:\n  - " + playbook("p", "{fact: helth, below: 40}") + "\n");
        DefinitionException semantic = assertThrows(DefinitionException.class, () -> ANY.readRuleSet(missing));
        assertEquals(Optional.of(missing.toString()), semantic.file());
        assertTrue(semantic.getMessage().startsWith("1 error in the playbook definition " + missing + ":"),
                semantic.getMessage());
        assertThrows(DefinitionException.class, () -> ANY.readPlaybook(dir));
    }

    /**
     * Ten thousand errors are all collected and reported. That collecting them takes time linear in their number is
     * a property of the definition reader, tested in cs-health ({@code LinearErrorCollectionTest}).
     */
    @Test
    void tenThousandErrorsAreAllCollected() {
        int playbooks = 10;
        int rules = 500;
        StringBuilder yaml = new StringBuilder("playbooks:\n");
        for (int p = 0; p < playbooks; p++) {
            yaml.append("- {id: p").append(p).append(", purpose: RISK, rules: [");
            for (int r = 0; r < rules; r++) {
                // Two errors a rule, each recorded through build(): [5, 1] is rejected by the criterion's
                // constructor, and an empty dedupe key by the action's.
                yaml.append(r == 0 ? "" : ", ").append("{id: r").append(r).append(", when: {fact: health_score,")
                        .append(" between: [5, 1]}, actions: [{kind: TASK, owner: CS_LEAD, template: t, dedupeKey:")
                        .append(" ''}]}");
            }
            yaml.append("]}\n");
        }
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ANY.readRuleSet(DefinitionFormat.YAML.parse(yaml.toString())));
        assertEquals(2 * playbooks * rules, e.errors().size());
        String last = e.errors().get(e.errors().size() - 1).path();
        assertTrue(last.startsWith("playbooks[9].rules[499]"), last);
    }
}
