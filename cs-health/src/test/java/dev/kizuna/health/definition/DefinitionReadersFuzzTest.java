package dev.kizuna.health.definition;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.segment.SegmentedDefinition;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz tests of the health-model definition readers, in JSON and in YAML. The input is the bytes of a file, decoded
 * strictly as UTF-8 the way {@link DefinitionFormat#parse(java.nio.file.Path)} does. The contract: a reader either
 * returns a definition, which written in either format reads back equal, or throws a {@link DefinitionException}
 * with at least one error and a message; anything else (another exception, a stack overflow, a mismatch) is a
 * finding. In fuzzing mode, so is an input that takes more than 2 seconds (after the first thousand, which warm
 * up the JVM).
 *
 * <p>In a normal build these run in regression mode over the committed inputs in
 * {@code src/test/resources/dev/kizuna/health/definition/DefinitionReadersFuzzTestInputs/<method>/}: the seed
 * definitions and every input that ever crashed. To fuzz, see the module's README.
 */
class DefinitionReadersFuzzTest {
    private static final HealthModels MODELS = HealthModels.load();

    @FuzzTest(maxDuration = "10m")
    void scorecardJson(byte[] data) {
        timed(() -> model(data, DefinitionFormat.JSON));
    }

    @FuzzTest(maxDuration = "10m")
    void scorecardYaml(byte[] data) {
        timed(() -> model(data, DefinitionFormat.YAML));
    }

    @FuzzTest(maxDuration = "10m")
    void logisticJson(byte[] data) {
        timed(() -> model(data, DefinitionFormat.JSON));
    }

    @FuzzTest(maxDuration = "10m")
    void logisticYaml(byte[] data) {
        timed(() -> model(data, DefinitionFormat.YAML));
    }

    @FuzzTest(maxDuration = "10m")
    void segmentedJson(byte[] data) {
        timed(() -> segmented(data, DefinitionFormat.JSON));
    }

    @FuzzTest(maxDuration = "10m")
    void segmentedYaml(byte[] data) {
        timed(() -> segmented(data, DefinitionFormat.YAML));
    }

    private static String decode(byte[] data) {
        return DefinitionFiles.decode(data, "fuzz input");
    }

    private static void model(byte[] data, DefinitionFormat format) {
        ModelDefinition definition;
        try {
            definition = MODELS.read(decode(data), format);
        } catch (DefinitionException e) {
            rejected(e);
            return;
        }
        for (DefinitionFormat f : DefinitionFormat.values()) {
            String written = MODELS.write(definition, f);
            assertEquals(definition, MODELS.read(written, f), written);
        }
    }

    private static void segmented(byte[] data, DefinitionFormat format) {
        SegmentedDefinition definition;
        try {
            definition = SegmentedDefinition.read(decode(data), format, MODELS);
        } catch (DefinitionException e) {
            rejected(e);
            return;
        }
        for (DefinitionFormat f : DefinitionFormat.values()) {
            String written = definition.write(MODELS, f);
            assertEquals(definition, SegmentedDefinition.read(written, f, MODELS), written);
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
