package dev.kizuna.health.kit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.batch.BatchReport;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.definition.DefinitionError;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of a {@link HealthModel}, as tests a model author inherits. Extend it in a few lines:
 * <pre>{@code
 * class MyModelCompatibilityTest extends HealthModelCompatibilityKit {
 *     protected String definitionJson() { return "{\"type\": \"my-model\", ...}"; }
 *     protected List<SignalSnapshot> samples() { return List.of(...); }
 * }
 * }</pre>
 * The model is created from the definition through {@link HealthModels#load()}, so the provider's
 * {@code ServiceLoader} registration is tested too; override {@link #registry()} or {@link #model()} to supply it
 * otherwise. Samples should be varied (good, bad, in-between accounts) and each should have every input; the kit
 * derives the missing-input cases itself.
 *
 * <p>Checked: range and band; determinism; contributions adding up exactly to the value; missing inputs (each one,
 * and all) reported rather than thrown, with insufficient data carrying no number; explanations agreeing with the
 * score and levers that really reach their band, with targets inside the signal's domain; thread safety under
 * concurrent scoring; and the definition's round trip through JSON and YAML; and batch scoring ({@link BatchScorer})
 * giving bit for bit the object path's values and bands; mutated definitions reading whole or failing with a
 * {@link DefinitionException}, never half-read and never with another exception. Impossible values are rejected,
 * never scored: a value outside an input's domain ({@link ModelDefinition#domainOf}, such as a custom signal's
 * declared one) makes {@code score} and {@code explain} throw an {@link IllegalArgumentException} naming the signal,
 * and in a batch the row holding one fails with that reason while the others are scored.
 */
public abstract class HealthModelCompatibilityKit {
    /** The instant passed as the computation time. */
    protected static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    /** Returns the definition of the model under test, as JSON. */
    protected abstract String definitionJson();

    /** Returns sample snapshots, each with every input the model reads. */
    protected abstract List<SignalSnapshot> samples();

    /** Returns the registry that reads the definition and creates the model; by default, discovery. */
    protected HealthModels registry() {
        return HealthModels.load();
    }

    /** Returns the definition under test. */
    protected ModelDefinition definition() {
        return registry().read(definitionJson(), DefinitionFormat.JSON);
    }

    /** Returns the model under test; by default, the registry's model of {@link #definition()}. */
    protected HealthModel model() {
        return registry().create(definition());
    }

    /** Returns how many threads score at once in the thread-safety check. */
    protected int threads() {
        return 8;
    }

    /** Returns how many scorings each thread does in the thread-safety check. */
    protected int scoringsPerThread() {
        return 250;
    }

    @Test
    void samplesAreGivenAndScored() {
        assertFalse(samples().isEmpty(), "give at least one sample snapshot");
        HealthModel model = model();
        boolean anyScored = false;
        for (SignalSnapshot s : samples()) {
            anyScored |= model.score(s, NOW).isScored();
        }
        assertTrue(anyScored, "at least one sample must get a score");
    }

    @Test
    void modelIdentityIsTheDefinitions() {
        HealthModel model = model();
        assertEquals(definition().id(), model.id());
        for (SignalSnapshot s : samples()) {
            HealthScore score = model.score(s, NOW);
            assertEquals(model.id(), score.model());
            assertEquals(s.account(), score.account());
            assertEquals(NOW, score.computedAt());
            assertEquals(s.at(), score.inputsAt());
        }
    }

    @Test
    void scoresLieInZeroToHundredAndInTheirBand() {
        HealthModel model = model();
        for (SignalSnapshot s : samples()) {
            checkWellFormed(model, model.score(s, NOW), s);
        }
    }

    @Test
    void scoringIsDeterministic() {
        HealthModel model = model();
        HealthModel twin = registry().create(definition());
        for (SignalSnapshot s : samples()) {
            HealthScore first = model.score(s, NOW);
            assertEquals(first, model.score(s, NOW), "the same model scored the same snapshot differently");
            assertEquals(first, twin.score(s, NOW), "two models of one definition scored differently");
        }
    }

    @Test
    void contributionsAddUpExactlyToTheScore() {
        HealthModel model = model();
        for (SignalSnapshot s : samples()) {
            HealthScore score = model.score(s, NOW);
            if (!score.isScored()) {
                continue;
            }
            long total = 0;
            for (Contribution c : score.contributions()) {
                total += Math.round(c.points() * 100);
            }
            assertEquals(Math.round(score.value().getAsDouble() * 100), total, "contributions of " + s.account());
            assertEquals(score.value().getAsDouble(), score.contributionTotal());
        }
    }

    @Test
    void eachMissingInputIsReportedNotThrown() {
        HealthModel model = model();
        for (SignalSnapshot s : samples()) {
            HealthScore full = model.score(s, NOW);
            for (SignalName input : model.inputs()) {
                if (!s.has(input)) {
                    continue;
                }
                SignalSnapshot without = without(s, input);
                HealthScore score = assertDoesNotThrow(() -> model.score(without, NOW),
                        "scoring without " + input + " threw");
                checkWellFormed(model, score, without);
                assertTrue(score.missing().contains(input), input + " is missing but not listed as missing");
                assertTrue(score.completeness() <= full.completeness() + 1e-9,
                        "completeness rose when " + input + " went missing");
            }
        }
    }

    @Test
    void withNoInputsTheResultIsHonest() {
        HealthModel model = model();
        SignalSnapshot first = samples().get(0);
        SignalSnapshot empty = SignalSnapshot.empty(first.account(), first.at());
        HealthScore score = assertDoesNotThrow(() -> model.score(empty, NOW));
        checkWellFormed(model, score, empty);
        assertEquals(List.copyOf(model.inputs()), score.missing(), "every input must be listed as missing");
        assertEquals(0.0, score.completeness(), 1e-12, "nothing was known, so completeness must be 0");
    }

    @Test
    void explanationsAgreeWithTheScoreAndLeversReachTheirBand() {
        HealthModel model = model();
        BandScheme bands = model.bands();
        for (SignalSnapshot s : samples()) {
            HealthScore score = model.score(s, NOW);
            Explanation e = model.explain(s, NOW);
            assertEquals(score, e.score(), "explain() must return the same score as score()");
            assertFalse(e.reason().isBlank(), "an explanation needs a reason");
            for (Contribution c : e.pullingDown()) {
                assertTrue(c.impact() < 0 || c.kind() == Contribution.Kind.CAP, c.id() + " is listed as pulling down");
            }
            for (Contribution c : e.lifting()) {
                assertTrue(c.impact() > 0, c.id() + " is listed as lifting");
            }
            for (BandLever lever : e.levers()) {
                if (!lever.isReachable()) {
                    continue;
                }
                BandLever.Target target = lever.target().orElseThrow();
                double probe = target.nearest();
                SignalDomain domain = model.definition().domainOf(lever.signal());
                assertTrue(domain.contains(probe) && s.domainOf(lever.signal()).contains(probe), lever.describe()
                        + " proposes " + probe + ", outside the domain of " + lever.signal() + ": " + domain);
                HealthScore moved = model.score(s.with(lever.signal(), probe), NOW);
                assertTrue(moved.isScored(), "moving " + lever.signal() + " lost the score");
                assertTrue(bands.rank(moved.band().orElseThrow()) >= bands.rank(lever.band()),
                        lever.describe() + " only reached " + moved.summary());
            }
        }
    }

    @Test
    void concurrentScoringEqualsSerialScoring() throws Exception {
        HealthModel model = model();
        List<SignalSnapshot> samples = samples();
        Map<Integer, HealthScore> serial = new TreeMap<>();
        for (int i = 0; i < samples.size(); i++) {
            serial.put(i, model.score(samples.get(i), NOW));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                int offset = t;
                tasks.add(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int n = 0; n < scoringsPerThread(); n++) {
                        int i = (n + offset) % samples.size();
                        HealthScore score = (n % 4 == 0) ? model.explain(samples.get(i), NOW).score()
                                : model.score(samples.get(i), NOW);
                        if (!score.equals(serial.get(i))) {
                            mismatches.add("sample " + i + ": " + score.summary() + " != " + serial.get(i).summary());
                        }
                    }
                    return mismatches;
                });
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : pool.invokeAll(tasks)) {
                all.addAll(f.get());
            }
            assertEquals(List.of(), all, "concurrent scores differ from serial ones");
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void definitionRoundTripsThroughJsonAndYaml() {
        HealthModels registry = registry();
        ModelDefinition definition = definition();
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = registry.write(definition, format);
            ModelDefinition read = registry.read(written, format);
            assertEquals(definition, read, "the definition changed in a round trip through " + format + ":\n"
                    + written);
            assertEquals(written, registry.write(read, format), "writing is not stable through " + format);
        }
    }

    /**
     * Mutated definitions (fields removed, blanked, retyped, renamed; elements removed or duplicated; see
     * {@link DefinitionMutations}) either read to a definition that round-trips, or fail with a
     * {@link DefinitionException} listing problems; never with another exception.
     */
    @Test
    void mutatedDefinitionsReadWholeOrFailWithTheirProblems() {
        HealthModels registry = registry();
        JsonNode tree = DefinitionFormat.JSON.parse(definitionJson());
        Random random = new Random(20260601L);
        for (int i = 0; i < mutations(); i++) {
            List<Integer> plan = List.of(random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt());
            JsonNode mutated = DefinitionMutations.mutate(tree, plan);
            ModelDefinition read;
            try {
                read = registry.read(mutated, Optional.empty());
            } catch (DefinitionException e) {
                assertFalse(e.errors().isEmpty(), "a definition exception without problems for " + mutated);
                for (DefinitionError error : e.errors()) {
                    assertFalse(error.message().isBlank(), "a problem without a message for " + mutated);
                }
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("reading " + mutated + " threw " + e + " rather than a DefinitionException",
                        e);
            }
            String written = registry.write(read, DefinitionFormat.JSON);
            assertEquals(read, registry.read(written, DefinitionFormat.JSON),
                    "the definition read from " + mutated + " changed in a round trip");
        }
    }

    /** Returns how many mutated definitions {@link #mutatedDefinitionsReadWholeOrFailWithTheirProblems} reads. */
    protected int mutations() {
        return 300;
    }

    @Test
    void batchScoringEqualsObjectScoringBitForBit() {
        HealthModel model = model();
        List<SignalSnapshot> rows = new ArrayList<>(samples());
        for (SignalSnapshot s : samples()) {
            for (SignalName input : model.inputs()) {
                if (s.has(input)) {
                    rows.add(without(s, input));
                }
            }
        }
        rows.add(SignalSnapshot.empty(samples().get(0).account(), samples().get(0).at()));
        SignalFrame frame = SignalFrame.of(rows);
        double[] values = new double[rows.size()];
        byte[] bands = new byte[rows.size()];
        BatchReport report = BatchScorer.of(model).scoreInto(frame, values, bands);
        double[] parallel = new double[rows.size()];
        BatchScorer.of(model).parallel().chunkRows(7).scoreInto(frame, parallel, new byte[rows.size()]);
        assertEquals(List.of(), report.failures(), "no sample may fail in batch");
        for (int r = 0; r < rows.size(); r++) {
            HealthScore score = model.score(rows.get(r), frame.at(r));
            assertEquals(Double.doubleToRawLongBits(values[r]), Double.doubleToRawLongBits(parallel[r]),
                    "parallel batch scoring differs from serial on row " + r);
            if (score.isScored()) {
                assertEquals(Double.doubleToRawLongBits(score.value().getAsDouble()),
                        Double.doubleToRawLongBits(values[r]), "batch value of " + rows.get(r));
                assertEquals(model.bands().rank(score.band().orElseThrow()), bands[r], "batch band of "
                        + rows.get(r));
            } else {
                assertTrue(Double.isNaN(values[r]), "insufficient data must have no batch value: " + rows.get(r));
                assertEquals(BatchScorer.INSUFFICIENT_DATA, bands[r], "batch band of " + rows.get(r));
            }
        }
    }

    @Test
    void valuesOutsideAnInputsDomainAreRejectedNotScored() {
        HealthModel model = model();
        ModelDefinition definition = model.definition();
        for (SignalSnapshot sample : samples()) {
            for (SignalName input : model.inputs()) {
                for (double value : outside(definition.domainOf(input))) {
                    if (!sample.domainOf(input).contains(value)) {
                        // No snapshot can hold it: the batch check below covers it.
                        continue;
                    }
                    SignalSnapshot impossible = sample.with(input, value);
                    String what = "a value of " + value + " for " + input + ", outside its domain "
                            + definition.domainOf(input);
                    IllegalArgumentException scored = assertThrows(IllegalArgumentException.class,
                            () -> model.score(impossible, NOW), "score() accepted " + what);
                    assertTrue(String.valueOf(scored.getMessage()).contains(input.value()),
                            "the rejection must name " + input + ": " + scored.getMessage());
                    assertThrows(IllegalArgumentException.class, () -> model.explain(impossible, NOW),
                            "explain() accepted " + what);
                }
            }
        }
    }

    @Test
    void batchRowsWithAValueOutsideItsDomainFailWithTheReasonAndTheOthersAreScored() {
        HealthModel model = model();
        ModelDefinition definition = model.definition();
        List<SignalSnapshot> rows = samples();
        SignalFrame clean = SignalFrame.of(rows);
        Map<SignalName, double[]> columns = new TreeMap<>();
        for (SignalName signal : clean.signals()) {
            columns.put(signal, clean.column(signal).orElseThrow().clone());
        }
        // One input in each of the first rows (all but the last) gets a value outside its domain.
        Map<Integer, SignalName> spoilt = new TreeMap<>();
        for (SignalName input : model.inputs()) {
            List<Double> bad = outside(definition.domainOf(input));
            if (spoilt.size() == rows.size() - 1 || bad.isEmpty() || !columns.containsKey(input)) {
                continue;
            }
            int row = spoilt.size();
            columns.get(input)[row] = bad.get(0);
            spoilt.put(row, input);
        }
        SignalFrame.Builder b = SignalFrame.builder(rows.size(), NOW);
        columns.forEach(b::column);
        List<dev.kizuna.core.AccountId> accounts = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        for (SignalSnapshot s : rows) {
            accounts.add(s.account());
            instants.add(s.at());
        }
        SignalFrame frame = b.accounts(accounts).instants(instants).build();
        double[] values = new double[rows.size()];
        byte[] bands = new byte[rows.size()];
        BatchReport report = BatchScorer.of(model).scoreInto(frame, values, bands);
        assertEquals(spoilt.size(), report.failed(), "each row with an impossible value fails: " + report);
        for (int r = 0; r < rows.size(); r++) {
            if (spoilt.containsKey(r)) {
                assertEquals(BatchScorer.FAILED, bands[r], "row " + r + " has an impossible value of " + spoilt.get(r));
                assertTrue(Double.isNaN(values[r]), "a failed row has no value");
                String reason = report.reason(r).orElseThrow();
                assertTrue(reason.contains(spoilt.get(r).value()), "the reason must name the signal: " + reason);
                continue;
            }
            HealthScore score = model.score(rows.get(r), frame.at(r));
            assertEquals(score.isScored() ? score.value().getAsDouble() : Double.NaN, values[r],
                    "row " + r + " must be scored as alone");
        }
    }

    /**
     * Returns finite values outside {@code domain}: below its lower bound, above its upper bound, and a fraction
     * between its bounds when it holds whole numbers only.
     */
    static List<Double> outside(SignalDomain domain) {
        List<Double> out = new ArrayList<>();
        if (domain.hasMin()) {
            out.add(domain.min() - Math.max(1, Math.abs(domain.min())));
        }
        if (domain.hasMax()) {
            out.add(domain.max() + Math.max(1, Math.abs(domain.max())));
        }
        if (domain.whole()) {
            double fraction = (domain.hasMin() ? Math.ceil(domain.min()) : 0) + 0.5;
            out.add(fraction);
        }
        out.removeIf(v -> !Double.isFinite(v) || domain.contains(v));
        return out;
    }

    private static void checkWellFormed(HealthModel model, HealthScore score, SignalSnapshot s) {
        assertTrue(score.completeness() >= 0 && score.completeness() <= 1);
        if (score.isScored()) {
            double v = score.value().getAsDouble();
            assertTrue(v >= 0 && v <= 100, "value " + v + " out of [0, 100] for " + s);
            assertEquals(model.bands().bandOf(v), score.band().orElseThrow());
            assertEquals(v, score.contributionTotal());
        } else {
            assertTrue(score.value().isEmpty(), "insufficient data must carry no value");
            assertTrue(score.band().isEmpty(), "insufficient data must carry no band");
            assertTrue(score.contributions().isEmpty(), "insufficient data must carry no contributions");
            assertTrue(score.note().isPresent(), "insufficient data must say why");
        }
    }

    private static SignalSnapshot without(SignalSnapshot s, SignalName input) {
        TreeMap<SignalName, Double> values = new TreeMap<>(s.values());
        values.remove(input);
        return SignalSnapshot.of(s.account(), s.at(), values);
    }
}
