package dev.kizuna.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every JMH benchmark once, in this JVM, with tiny sizes, so that none rots between real runs. It measures
 * nothing worth reading; it proves every benchmark method still sets up and runs.
 *
 * <p>Convention: a benchmark's size parameter is called {@code size}; here it is set to {@value #SMOKE_SIZE}.
 */
class BenchmarkSmokeTest {
    static final String SMOKE_SIZE = "200";

    @Test
    void everyBenchmarkRunsOnce() throws RunnerException, IOException {
        Set<String> declared = declaredBenchmarks();
        assertFalse(declared.isEmpty(), "no benchmarks found in META-INF/BenchmarkList");
        Options options = new OptionsBuilder()
                .include("dev\\.kizuna\\.benchmarks\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(1))
                .measurementBatchSize(1)
                .threads(1)
                .param("size", SMOKE_SIZE)
                .shouldFailOnError(true)
                .output("target/jmh-smoke.log")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            assertNotNull(r.getPrimaryResult());
            assertTrue(Double.isFinite(r.getPrimaryResult().getScore()), r.getParams().getBenchmark());
            ran.add(r.getParams().getBenchmark());
        }
        assertEquals(declared, ran);
    }

    /** The benchmark methods JMH's annotation processor registered, read from its generated list. */
    private static Set<String> declaredBenchmarks() throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = BenchmarkSmokeTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertNotNull(in, "META-INF/BenchmarkList is missing: did JMH's annotation processor run?");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    names.add(benchmarkName(line));
                }
            }
        }
        return names;
    }

    /**
     * A line reads {@code JMH S <n> <user class> S <n> <generated class> S <n> <method> ...}, each string
     * preceded by its length.
     */
    private static String benchmarkName(String line) {
        String[] tokens = line.split(" ");
        if (tokens.length < 10 || !tokens[0].equals("JMH")) {
            throw new IllegalStateException("cannot read benchmark list line: " + line);
        }
        return tokens[3] + "." + tokens[9];
    }
}
