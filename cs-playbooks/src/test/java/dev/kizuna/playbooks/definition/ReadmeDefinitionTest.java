package dev.kizuna.playbooks.definition;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.RuleSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cs-playbooks/README.md's rule set with a declared signal, kept true: it reads as written. */
class ReadmeDefinitionTest {

    @Test
    void theReadmeRuleSetReadsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("**Reading definitions.**");
        assertTrue(section >= 0, "cs-playbooks/README.md has a Reading definitions paragraph");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start)).stripIndent();
        RuleSet set = PlaybookDefinitions.standard().readRuleSet(yaml, DefinitionFormat.YAML);
        assertEquals(1, set.playbooks().size());
        assertEquals(SignalDomain.COUNT, set.playbooks().get(0).domainOf(SignalName.of("custom.seats")));
    }
}
