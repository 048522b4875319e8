package dev.kizuna.playbooks.definition;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.RuleSet;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz tests of the playbook and rule-set readers, in JSON and in YAML. The contract: a reader either returns a
 * playbook (a rule set), which written in either format reads back equal, or throws a {@link DefinitionException}
 * with at least one error and a message; anything else (another exception, a stack overflow, a mismatch) is a
 * finding.
 *
 * <p>In a normal build these run in regression mode over the committed inputs in
 * {@code src/test/resources/dev/kizuna/playbooks/definition/PlaybookReadersFuzzTestInputs/<method>/}: the starter
 * playbooks and every input that ever crashed. To fuzz, see cs-health's README.
 */
class PlaybookReadersFuzzTest {
    private static final PlaybookDefinitions DEFINITIONS = PlaybookDefinitions.standard();

    @FuzzTest(maxDuration = "10m")
    void playbookJson(byte[] data) {
        playbook(data, DefinitionFormat.JSON);
    }

    @FuzzTest(maxDuration = "10m")
    void playbookYaml(byte[] data) {
        playbook(data, DefinitionFormat.YAML);
    }

    @FuzzTest(maxDuration = "10m")
    void ruleSetJson(byte[] data) {
        ruleSet(data, DefinitionFormat.JSON);
    }

    @FuzzTest(maxDuration = "10m")
    void ruleSetYaml(byte[] data) {
        ruleSet(data, DefinitionFormat.YAML);
    }

    private static void playbook(byte[] data, DefinitionFormat format) {
        Playbook playbook;
        try {
            playbook = DEFINITIONS.readPlaybook(new String(data, StandardCharsets.UTF_8), format);
        } catch (DefinitionException e) {
            rejected(e);
            return;
        }
        for (DefinitionFormat f : DefinitionFormat.values()) {
            String written = DEFINITIONS.write(playbook, f);
            assertEquals(playbook, DEFINITIONS.readPlaybook(written, f), written);
        }
    }

    private static void ruleSet(byte[] data, DefinitionFormat format) {
        RuleSet ruleSet;
        try {
            ruleSet = DEFINITIONS.readRuleSet(new String(data, StandardCharsets.UTF_8), format);
        } catch (DefinitionException e) {
            rejected(e);
            return;
        }
        for (DefinitionFormat f : DefinitionFormat.values()) {
            String written = DEFINITIONS.write(ruleSet, f);
            assertEquals(ruleSet, DEFINITIONS.readRuleSet(written, f), written);
        }
    }

    private static void rejected(DefinitionException e) {
        assertFalse(e.errors().isEmpty());
        assertTrue(e.errors().stream().noneMatch(err -> err.message().isBlank()), e.getMessage());
    }
}
