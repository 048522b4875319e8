package dev.kizuna.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.csv.CsvFormats;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.Rows;
import dev.kizuna.core.internal.NearestName;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.examples.cli.demo.DemoScorecard;
import dev.kizuna.examples.cli.input.DefinitionFiles;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.json.HealthJson;
import dev.kizuna.health.rollup.BandDistribution;
import dev.kizuna.health.segment.ModelChoice;
import dev.kizuna.health.segment.RoutedScore;
import dev.kizuna.health.segment.SegmentedDefinition;
import dev.kizuna.health.segment.SegmentedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code kizuna score}: scores accounts from their signal snapshots with a health model read from a definition, and
 * explains the scores.
 *
 * <p>Each account's latest snapshot is scored (at or before {@code --at}, when given), as of that instant or, without
 * it, as of the newest snapshot scored, so that the same files always give the same output. A segmented definition
 * chooses a model per account from its segment, tier and journey stage, which come from {@code --accounts}.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores accounts' health from their signal snapshots and explains the scores.",
                "Prints each account's score, band and reason, riskiest first, and the band distribution."})
public final class ScoreCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Spec
    private CommandSpec spec;

    @Option(names = "--signals", paramLabel = "FILE", required = true,
            description = "The signal snapshots: .json as `kizuna demo --out` writes them, or .csv with columns"
                    + " account,at and one per signal name.")
    private Path signals;

    @Option(names = "--definition", paramLabel = "FILE",
            description = "The model: a scorecard, logistic or segmented definition (.json, .yaml or .yml)."
                    + " Default: the bundled demo scorecard.")
    private Path definition;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "The accounts (.json as `kizuna demo --out` writes them); a segmented definition needs"
                    + " them to choose each account's model.")
    private Path accounts;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Score each account's latest snapshot at or before INSTANT (an ISO-8601 instant or date)."
                    + " Default: each account's latest.")
    private Instant at;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    private String format = "text";

    @Option(names = "--explain", paramLabel = "ACCOUNT",
            description = "Print the full explanation of one account: drivers, levers and contributions.")
    private String explain;

    @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
    private boolean quiet;

    /** A scored account: the explanation, and the model choice when the definition is segmented. */
    record Scored(Explanation explanation, Optional<ModelChoice> choice) {
        HealthScore score() {
            return explanation.score();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new ParameterException(spec.commandLine(), "--format: '" + format
                    + "' must be text or json");
        };
        Optional<Instant> cutoff = Optional.ofNullable(at);
        Scorer scorer = scorer(HealthModels.load());

        Progress progress = Progress.of(err, quiet);
        progress.start("reading " + signals);
        Rows<SignalSnapshot> rows = CsvFormats.signals(signals);
        progress.done(String.format(Locale.ROOT, "read %,d signal snapshots from %s", rows.size(), signals));
        reportRejected(err, rows);
        if (rows.size() == 0) {
            throw new InputException(signals + ": " + (rows.count() == 0 ? "the file has no signal snapshot"
                    : rows.count() == 1 ? "its one record could not be read (above)"
                    : String.format(Locale.ROOT, "none of its %,d records could be read (listed above)",
                    rows.count())) + ", so nothing was scored");
        }
        noteMisspeltSignals(err, rows.values(), scorer.inputs());
        Map<AccountId, SignalSnapshot> latest = latest(rows.values(), cutoff);
        if (latest.isEmpty()) {
            throw new InputException(signals + ": no signal snapshot" + cutoff.map(c -> " at or before " + c + " (--at)")
                    .orElse("") + " to score");
        }
        Instant asOf = cutoff.orElseGet(() -> latest.values().stream().map(SignalSnapshot::at)
                .max(Comparator.naturalOrder()).orElseThrow());

        if (explain != null) {
            SignalSnapshot snapshot = latest.get(OptionValues.account(spec.commandLine(), "--explain", explain));
            if (snapshot == null) {
                throw new InputException("--explain: no signal snapshot of account '" + explain + "'"
                        + cutoff.map(c -> " at or before " + c).orElse("") + " in " + signals);
            }
            Scored scored = scorer.score(snapshot, asOf);
            if (json) {
                out.println(write(scoredJson(scored)));
            } else {
                printExplanation(out, scored, scorer.bands());
            }
            out.flush();
            return 0;
        }

        List<Scored> all = new ArrayList<>(latest.size());
        progress.start("scoring accounts");
        Map<SignalSnapshot, Integer> lineOf = new IdentityHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            lineOf.put(rows.values().get(i), rows.lines()[i]);
        }
        List<Rows.Rejected> refused = new ArrayList<>();
        for (SignalSnapshot snapshot : latest.values()) {
            try {
                all.add(scorer.score(snapshot, asOf));
            } catch (IllegalArgumentException e) {
                // A value the model refuses (outside a domain its definition declares): that record is not scored.
                int line = lineOf.get(snapshot);
                refused.add(new Rows.Rejected(line, signals + ":" + line + ": " + e.getMessage()));
                err.println("kizuna: " + signals + ":" + line + ": " + e.getMessage() + " (record not scored)");
            }
            progress.update(all.size() + refused.size(), latest.size());
        }
        progress.done(String.format(Locale.ROOT, "scored %,d accounts", all.size()));
        rows = rows.plus(refused);
        if (all.stream().noneMatch(s -> s.score().isScored())) {
            throw new InputException(all.isEmpty() ? signals + ": no account could be scored (every record is listed"
                    + " above)" : nothingScored(all.size(), scorer, latest.values()));
        }
        all.sort(Comparator.comparing(Scored::score, BandDistribution.BY_RISK));
        List<HealthScore> scores = all.stream().map(Scored::score).toList();
        BandDistribution distribution = BandDistribution.of(scores, scorer.bands());
        if (json) {
            ObjectNode root = NODES.objectNode();
            root.put("model", scorer.name());
            root.put("asOf", asOf.toString());
            ArrayNode list = root.putArray("accounts");
            all.forEach(s -> list.add(scoredJson(s)));
            root.set("distribution", HealthJson.distribution(distribution));
            root.put("rejectedRecords", rows.count());
            ArrayNode rejected = root.putArray("rejected");
            for (Rows.Rejected r : rows.rejected()) {
                rejected.addObject().put("line", r.line()).put("reason", r.message());
            }
            out.println(write(root));
        } else {
            printTable(out, all, scorer, asOf, rows);
            out.println();
            printDistribution(out, distribution);
        }
        out.flush();
        return 0;
    }

    /** Lists each record of the signals that could not be read, on standard error: its line and reason. */
    private static void reportRejected(PrintWriter err, Rows<SignalSnapshot> rows) {
        for (Rows.Rejected r : rows.rejected()) {
            err.println("kizuna: " + r.message() + " (record not scored)");
        }
        if (rows.count() > rows.rejected().size()) {
            err.printf(Locale.ROOT, "kizuna: %s: and %,d more records not scored%n", rows.file(),
                    rows.count() - rows.rejected().size());
        }
        err.flush();
    }

    /**
     * Notes, on standard error, each signal of the snapshots that the model does not use but that is one edit or so
     * from one it uses and the snapshots lack: a misspelt column (sentiment.npss) that would otherwise go unnoticed.
     */
    private void noteMisspeltSignals(PrintWriter err, List<SignalSnapshot> snapshots, SortedSet<SignalName> inputs) {
        SortedSet<SignalName> seen = signalsOf(snapshots);
        List<String> lacking = inputs.stream().filter(s -> !seen.contains(s)).map(SignalName::value).toList();
        NearestName.Budget budget = NearestName.Budget.perDocument();
        for (SignalName name : seen) {
            if (!inputs.contains(name)) {
                NearestName.nearest(name.value(), lacking, budget).ifPresent(n -> err.println("kizuna: " + signals
                        + ": the model does not use the signal '" + name.value() + "' and no snapshot has '" + n + "', which it uses;"
                        + " did you mean '" + n + "'?"));
            }
        }
        err.flush();
    }

    private static SortedSet<SignalName> signalsOf(java.util.Collection<SignalSnapshot> snapshots) {
        SortedSet<SignalName> seen = new TreeSet<>();
        for (SignalSnapshot s : snapshots) {
            for (int i = 0; i < s.size(); i++) {
                seen.add(s.nameAt(i));
            }
        }
        return seen;
    }

    /** Why no account could be scored: which signals the model uses, and which of them the snapshots have. */
    private String nothingScored(int accounts, Scorer scorer, java.util.Collection<SignalSnapshot> latest) {
        SortedSet<SignalName> seen = signalsOf(latest);
        List<String> used = scorer.inputs().stream().map(SignalName::value).toList();
        List<String> present = scorer.inputs().stream().filter(seen::contains).map(SignalName::value).toList();
        String what = String.format(Locale.ROOT, "%s: none of the %,d accounts could be scored: each has insufficient"
                + " data for %s, which uses %s", signals, accounts, scorer.name(), String.join(", ", used));
        if (present.isEmpty()) {
            return what + "; the snapshots have none of these signals (they have " + (seen.isEmpty() ? "no signal"
                    : String.join(", ", seen.stream().map(SignalName::value).toList())) + "): give the model's"
                    + " signals, or a --definition that uses the file's";
        }
        return what + "; the snapshots have only " + String.join(", ", present) + ", too few for a score";
    }

    // ---- the model ----

    /** Scores one snapshot: a single model, or a segmented one that first chooses the model. */
    private interface Scorer {
        Scored score(SignalSnapshot snapshot, Instant computedAt);

        BandScheme bands();

        String name();

        boolean segmented();

        SortedSet<SignalName> inputs();
    }

    private Scorer scorer(HealthModels models) {
        JsonNode tree = definition == null ? DefinitionFormat.YAML.parse(DemoScorecard.yaml())
                : DefinitionFiles.tree(definition);
        String source = definition == null ? "the demo scorecard" : definition.toString();
        if (SegmentedDefinition.isSegmented(tree)) {
            SegmentedDefinition segmented;
            SegmentedModel routing;
            try {
                segmented = SegmentedDefinition.read(tree, models, Optional.empty());
                routing = segmented.create(models);
            } catch (DefinitionException e) {
                throw new InputException(source + ": " + e.getMessage());
            }
            Map<AccountId, Account> byId = accountsById();
            return new Scorer() {
                @Override
                public Scored score(SignalSnapshot snapshot, Instant computedAt) {
                    Account account = byId.get(snapshot.account());
                    if (account == null) {
                        throw new InputException(accounts + ": no account '" + snapshot.account() + "', which has"
                                + " signals in " + signals + "; a segmented definition needs every account");
                    }
                    RoutedScore routed = routing.score(account, snapshot, computedAt);
                    return new Scored(routed.explanation(), Optional.of(routed.choice()));
                }

                @Override
                public BandScheme bands() {
                    return routing.defaultModel().bands();
                }

                @Override
                public String name() {
                    return segmented.id().toString();
                }

                @Override
                public boolean segmented() {
                    return true;
                }

                @Override
                public SortedSet<SignalName> inputs() {
                    return segmented.inputs();
                }
            };
        }
        if (accounts != null) {
            throw new ParameterException(spec.commandLine(), "--accounts: only a segmented definition uses the"
                    + " accounts (to choose each account's model); " + source + " is not segmented, so leave out"
                    + " --accounts");
        }
        HealthModel model;
        try {
            model = models.create(models.read(tree, Optional.empty()));
        } catch (DefinitionException e) {
            throw new InputException(source + ": " + e.getMessage());
        }
        return new Scorer() {
            @Override
            public Scored score(SignalSnapshot snapshot, Instant computedAt) {
                return new Scored(model.explain(snapshot, computedAt), Optional.empty());
            }

            @Override
            public BandScheme bands() {
                return model.bands();
            }

            @Override
            public String name() {
                return model.id().toString();
            }

            @Override
            public boolean segmented() {
                return false;
            }

            @Override
            public SortedSet<SignalName> inputs() {
                return model.definition().inputs();
            }
        };
    }

    private Map<AccountId, Account> accountsById() {
        if (accounts == null) {
            throw new ParameterException(spec.commandLine(),
                    "--accounts: a segmented definition chooses each account's model by its segment, tier and"
                            + " journey stage; give the accounts with --accounts FILE");
        }
        Map<AccountId, Account> byId = new TreeMap<>();
        for (Account a : CsvFormats.accounts(accounts).values()) {
            byId.put(a.id(), a);
        }
        return byId;
    }

    // ---- the snapshots ----

    /**
     * Returns each account's latest snapshot at or before the cutoff, by account; of two snapshots of one account at
     * the same instant, the later in the file.
     */
    public static Map<AccountId, SignalSnapshot> latest(List<SignalSnapshot> snapshots, Optional<Instant> cutoff) {
        Map<AccountId, SignalSnapshot> latest = new TreeMap<>();
        for (SignalSnapshot s : snapshots) {
            if (cutoff.isPresent() && s.at().isAfter(cutoff.get())) {
                continue;
            }
            latest.merge(s.account(), s, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }
        return latest;
    }

    // ---- text ----

    private static void printTable(PrintWriter out, List<Scored> all, Scorer scorer, Instant asOf,
                                   Rows<SignalSnapshot> rows) {
        out.printf("Health of %,d accounts as of %s, scored by %s, riskiest first%s%n", all.size(), asOf,
                scorer.name(), rows.count() == 0 ? "" : String.format(Locale.ROOT, "; %,d records of %s rejected"
                        + " and not scored (listed on standard error)", rows.count(), rows.file()));
        int width = Math.max(7, all.stream().mapToInt(s -> s.score().account().value().length()).max().orElse(0));
        String row = "  %-" + width + "s %7s  %-12s %s%s%n";
        out.printf(row, "account", "score", "band", scorer.segmented() ? "model                 " : "", "reason");
        for (Scored s : all) {
            HealthScore score = s.score();
            String model = s.choice().map(c -> String.format("%-21s ", c.model().id())).orElse("");
            out.printf(row, score.account(), value(score), score.band().map(HealthBand::name).orElse("-"), model,
                    s.explanation().reason());
        }
    }

    private static void printDistribution(PrintWriter out, BandDistribution distribution) {
        out.println("Band distribution");
        for (Map.Entry<String, Integer> e : distribution.counts().entrySet()) {
            out.printf("  %-18s %,7d %6.1f%%%n", e.getKey(), e.getValue(), 100 * distribution.share(e.getKey()));
        }
        int total = distribution.total();
        out.printf("  %-18s %,7d %6.1f%%%n", "insufficient data", distribution.insufficient(),
                total == 0 ? 0.0 : 100.0 * distribution.insufficient() / total);
        out.printf("  %-18s %,7d%n", "total", total);
    }

    private static void printExplanation(PrintWriter out, Scored scored, BandScheme bands) {
        Explanation e = scored.explanation();
        HealthScore score = e.score();
        out.printf("%s: %s, scored by %s as of %s (inputs of %s)%n", score.account(), score.summary(), score.model(),
                score.computedAt(), score.inputsAt());
        scored.choice().ifPresent(c -> out.println("Model chosen by " + c.reason()));
        out.println("Reason: " + e.reason());
        out.printf("Completeness: %.2f%%%s%n", 100 * score.completeness(), score.missing().isEmpty() ? ""
                : "; no data for " + String.join(", ", score.missing().stream().map(m -> m.value()).toList()));
        if (!score.isScored()) {
            return;
        }
        out.println();
        drivers(out, "Pulling down (impact in points, strongest first)", e.pullingDown());
        drivers(out, "Lifting (impact in points, strongest first)", e.lifting());
        out.println();
        HealthBand band = score.band().orElseThrow();
        Optional<HealthBand> next = bands.bands().contains(band) ? bands.above(band) : Optional.empty();
        if (e.levers().isEmpty()) {
            out.println(next.isEmpty() ? "Levers: none; the account is in the best band" : "Levers: none");
        } else {
            out.println("Levers: the change of one input, the others held fixed, that reaches "
                    + e.levers().get(0).band().name());
            for (BandLever lever : e.levers()) {
                out.println("  " + lever.describe());
            }
        }
        out.println();
        out.println("Contributions (points add up to the score)");
        out.printf("  %-24s %-8s %10s %9s %8s %8s%n", "input", "kind", "raw", "sub-score", "weight", "points");
        for (Contribution c : score.contributions()) {
            out.printf("  %-24s %-8s %10s %9s %7.2f%% %8.2f%n", c.label(), c.kind().name().toLowerCase(Locale.ROOT),
                    c.raw().isPresent() ? number(c.raw().getAsDouble()) : "no data",
                    c.subscore().isPresent() ? String.format("%.2f", c.subscore().getAsDouble()) : "-",
                    100 * c.weight(), c.points());
        }
        out.printf("  %-24s %-8s %10s %9s %8s %8.2f%n", "total", "", "", "", "", score.contributionTotal());
    }

    private static void drivers(PrintWriter out, String title, List<Contribution> drivers) {
        out.println(title + (drivers.isEmpty() ? ": none" : ""));
        for (Contribution c : drivers) {
            out.printf("  %-24s %+8.2f%n", c.label(), c.impact());
        }
    }

    private static String value(HealthScore score) {
        return score.value().isPresent() ? String.format("%.2f", score.value().getAsDouble()) : "-";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format("%.4f", value);
    }

    // ---- json ----

    private static ObjectNode scoredJson(Scored scored) {
        ObjectNode node = HealthJson.explanation(scored.explanation());
        scored.choice().ifPresent(c -> {
            ObjectNode choice = node.putObject("choice");
            choice.put("model", c.model().id().toString());
            c.rule().ifPresent(r -> choice.put("rule", r + 1));
            choice.put("reason", c.reason());
        });
        return node;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
