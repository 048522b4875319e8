package dev.kizuna.playbooks.definition;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.RuleSet;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz tests of the playbook and rule-set readers, in JSON and in YAML. The contract: a reader either returns a
 * playbook (a rule set), which written in either format reads back equal, or throws a {@link DefinitionException}
 * with at least one error and a message; anything else (another exception, a stack overflow, a mismatch) is a
 * finding. In fuzzing mode, so is an input that takes more than 2 seconds (after the first thousand, which warm
 * up the JVM).
 *
 * <p>In a normal build these run in regression mode over the committed inputs in
 * {@code src/test/resources/dev/kizuna/playbooks/definition/PlaybookReadersFuzzTestInputs/<method>/}: the starter
 * playbooks and every input that ever crashed. To fuzz, see cs-health's README.
 */
class PlaybookReadersFuzzTest {
    private static final PlaybookDefinitions DEFINITIONS = PlaybookDefinitions.standard();

    @FuzzTest(maxDuration = "10m")
    void playbookJson(byte[] data) {
        timed(() -> playbook(data, DefinitionFormat.JSON));
    }

    @FuzzTest(maxDuration = "10m")
    void playbookYaml(byte[] data) {
        timed(() -> playbook(data, DefinitionFormat.YAML));
    }

    @FuzzTest(maxDuration = "10m")
    void ruleSetJson(byte[] data) {
        timed(() -> ruleSet(data, DefinitionFormat.JSON));
    }

    @FuzzTest(maxDuration = "10m")
    void ruleSetYaml(byte[] data) {
        timed(() -> ruleSet(data, DefinitionFormat.YAML));
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


    private static final String FUZZ = System.getenv("JAZZER_FUZZ");
    private static final boolean FUZZING = FUZZ != null && !FUZZ.isEmpty();
    private static final AtomicLong RUNS = new AtomicLong();

    /** Runs one input; in fuzzing mode, one that takes more than 2 seconds is a finding, as a hang. */
    private static void timed(Runnable input) {
        long start = System.nanoTime();
        input.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (FUZZING && RUNS.incrementAndGet() > 1_000 && millis > 2_000) {
            throw new AssertionError("the input took " + millis + " ms, over the limit of 2 s");
        }
    }

    private static void rejected(DefinitionException e) {
        assertFalse(e.errors().isEmpty());
        assertTrue(e.errors().stream().noneMatch(err -> err.message().isBlank()), e.getMessage());
    }
}
