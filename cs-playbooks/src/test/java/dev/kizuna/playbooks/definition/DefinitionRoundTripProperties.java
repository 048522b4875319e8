package dev.kizuna.playbooks.definition;

import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.Generators;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.Rule;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.Condition;
import dev.kizuna.playbooks.Fixtures;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefinitionRoundTripProperties {
    private static final PlaybookDefinitions DEFINITIONS = PlaybookDefinitions.standard();

    @Provide
    Arbitrary<RuleSet> ruleSets() {
        return Generators.ruleSet();
    }

    @Property(tries = 200)
    void aRuleSetSurvivesJson(@ForAll("ruleSets") RuleSet set) {
        String json = DEFINITIONS.write(set, DefinitionFormat.JSON);
        assertEquals(set, DEFINITIONS.readRuleSet(json, DefinitionFormat.JSON));
    }

    @Property(tries = 200)
    void aRuleSetSurvivesYaml(@ForAll("ruleSets") RuleSet set) {
        String yaml = DEFINITIONS.write(set, DefinitionFormat.YAML);
        assertEquals(set, DEFINITIONS.readRuleSet(yaml, DefinitionFormat.YAML));
    }

    @Property(tries = 100)
    void aPlaybookSurvivesBothFormats(@ForAll("ruleSets") RuleSet set) {
        for (Playbook p : set.playbooks()) {
            assertEquals(p, DEFINITIONS.readPlaybook(DEFINITIONS.write(p, DefinitionFormat.JSON),
                    DefinitionFormat.JSON));
            assertEquals(p, DEFINITIONS.readPlaybook(DEFINITIONS.write(p, DefinitionFormat.YAML),
                    DefinitionFormat.YAML));
        }
    }

    @Test
    void theCanonicalFormReadsLikeTheDocumentation() {
        Playbook p = Playbook.builder("risk", Playbook.Archetype.RISK).mode(Playbook.Mode.SEQUENCE)
                .rule(Rule.builder("drop").when(Condition.signalChange(
                                dev.kizuna.core.signal.SignalName.USAGE_ACTIVE_USERS, Duration.ofDays(30)).below(-0.3))
                        .action(Fixtures.task("call")).cooldown(Duration.ofDays(14)).build())
                .rule(Rule.builder("again").when(Condition.healthScore().below(40)).action(Fixtures.task("lead"))
                        .delay(Duration.ofDays(7)).build())
                .build();
        String yaml = DEFINITIONS.write(p, DefinitionFormat.YAML);
        assertTrue(yaml.contains("signal: usage.active_users\n    change:\n      window: P30D\n    below: -0.3"),
                yaml);
        assertTrue(yaml.contains("cooldown: P14D"), yaml);
        assertTrue(yaml.contains("below: 40\n"), yaml);
        assertTrue(yaml.contains("delay: P7D"), yaml);
        assertEquals(p, DEFINITIONS.readPlaybook(yaml, DefinitionFormat.YAML));
    }

    /**
     * Strings that YAML would read as numbers, booleans or null are written quoted, so they come back as the same
     * strings (the playbook formats share the health-model definitions' writer, which quotes them).
     */
    @Test
    void stringsThatLookLikeOtherTypesSurviveYaml() {
        for (String template : new String[] {"2024", "1e3", "0x1F", "7.5", "1_000", "0o17", "true", "null", "yes", "off"}) {
            Playbook p = Playbook.builder("risk", Playbook.Archetype.RISK)
                    .rule(Rule.builder("low").when(Condition.healthScore().below(40)).action(Fixtures.task(template))
                            .build())
                    .build();
            String yaml = DEFINITIONS.write(p, DefinitionFormat.YAML);
            assertEquals(p, DEFINITIONS.readPlaybook(yaml, DefinitionFormat.YAML), yaml);
        }
    }
}
