package dev.kizuna.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.input.DefinitionFiles;
import dev.kizuna.examples.cli.input.PortfolioFiles;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.engine.PortfolioContexts;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;
import dev.kizuna.playbooks.evaluation.Suppression;
import dev.kizuna.playbooks.json.EvaluationJson;
import dev.kizuna.playbooks.starter.StarterPlaybooks;
import dev.kizuna.sample.DemoPortfolio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code kizuna plays}: runs playbooks against a portfolio, as a dry run, and prints what they recommend. */
@Command(name = "plays", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs playbook definitions against a portfolio and prints the recommended actions per owner"
                + " role and what was suppressed. Nothing is recorded: it is a dry run.")
public final class PlaysCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A portfolio as `kizuna demo --out DIR` writes it (default: the demo portfolio).")
    private Path data;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day to evaluate on (default: the day after the"
            + " latest snapshot).")
    private LocalDate asOf;

    @Option(names = "--playbooks", paramLabel = "FILE", description = "A rule set definition (.json, .yaml); default:"
            + " the starter playbooks.")
    private Path playbooks;

    @Option(names = "--model", paramLabel = "FILE",
            description = "A health model definition (.json, .yaml) that scores each account's latest snapshot;"
                    + " without one, health conditions are unknown and do not fire.")
    private Path model;

    @Option(names = "--explain", paramLabel = "ACCOUNT", description = "Print the full trace for one account.")
    private String explain;

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE}).")
    private String format = "text";

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format: '" + format + "' must be text or json");
        }
        if (asOf != null && data == null) {
            throw new ParameterException(spec.commandLine(), "--as-of: the day to evaluate a portfolio read with"
                    + " --data DIR; the demo portfolio has its own day, so give --data DIR with --as-of, or leave out"
                    + " --as-of");
        }
        Optional<HealthModel> health = model == null ? Optional.empty()
                : Optional.of(DefinitionFiles.model(HealthModels.load(), model));
        // Band tests must name the bands of the model that scores the accounts, or they could never hold.
        BandScheme bands = health.map(HealthModel::bands).orElse(BandScheme.standard());
        RuleSet rules;
        if (playbooks == null) {
            rules = StarterPlaybooks.ruleSet();
            DefinitionFiles.checkBands(rules, bands, "the starter playbooks test the standard bands (red, yellow,"
                    + " green), which the scheme of --model " + model + " lacks; give --playbooks FILE with rules"
                    + " for its bands");
        } else {
            rules = DefinitionFiles.ruleSet(playbooks, bands);
        }
        Portfolio portfolio = data == null ? DemoPortfolio.generate() : PortfolioFiles.read(data, Optional.ofNullable(asOf));
        PortfolioContexts contexts = PortfolioContexts.builder(portfolio);
        health.ifPresent(h -> contexts.health(s -> h.score(s, s.at())));
        List<EvaluationContext> built;
        try {
            built = contexts.build();
        } catch (IllegalArgumentException e) {
            // Files of a portfolio that do not fit together (a snapshot of an account the accounts lack, say).
            throw new InputException((data == null ? "the demo portfolio" : data.toString()) + ": " + e.getMessage());
        }
        ObjectMapper mapper = new ObjectMapper();
        if (explain != null) {
            AccountId id = OptionValues.account(spec.commandLine(), "--explain", explain);
            EvaluationContext context = built.stream().filter(c -> c.account().id().equals(id)).findFirst()
                    .orElseThrow(() -> new InputException("--explain: " + explain
                            + " is not a current customer of the portfolio"));
            PlaybookEngine engine = PlaybookEngine.builder(rules).trace(true).build();
            if (format.equals("json")) {
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(EvaluationJson.tree(engine.explain(context))));
            } else {
                out.println(engine.explain(context).format());
            }
            out.flush();
            return 0;
        }
        PlaybookEngine engine = PlaybookEngine.builder(rules).trace(false).build();
        List<Evaluation> evaluations = engine.dryRunAll(built);
        if (format.equals("json")) {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(EvaluationJson.tree(evaluations)));
        } else {
            print(out, portfolio, built.size(), evaluations);
        }
        out.flush();
        return 0;
    }

    /** Prints actions grouped by owner role and playbook, then the suppressions by reason. */
    public static void print(PrintWriter out, Portfolio portfolio, int evaluated, List<Evaluation> evaluations) {
        List<RecommendedAction> actions = new ArrayList<>();
        Map<String, Integer> suppressed = new TreeMap<>();
        int heldOut = 0;
        for (Evaluation e : evaluations) {
            actions.addAll(e.actions());
            for (Suppression s : e.suppressions()) {
                suppressed.merge(s.reason() + " (" + s.playbook() + ")", 1, Integer::sum);
            }
            heldOut += e.heldOut().size();
        }
        out.printf("Playbook actions on %s: %,d accounts evaluated, %,d actions, %,d held out in control groups%n",
                portfolio.asOf(), evaluated, actions.size(), heldOut);
        for (Map.Entry<CsRole, List<RecommendedAction>> owner : Evaluation.byOwner(actions).entrySet()) {
            Map<String, Integer> byPlaybook = new TreeMap<>();
            for (RecommendedAction a : owner.getValue()) {
                byPlaybook.merge(a.playbook() + " / " + a.action().kind(), 1, Integer::sum);
            }
            out.printf("  %s: %,d%n", owner.getKey(), owner.getValue().size());
            byPlaybook.forEach((k, n) -> out.printf("    %-58s %,6d%n", k, n));
        }
        if (!suppressed.isEmpty()) {
            out.println("  Suppressed:");
            suppressed.forEach((k, n) -> out.printf("    %-58s %,6d%n", k, n));
        }
    }

    /** The JSON of one evaluation, for tests. */
    public static ObjectNode json(Evaluation e) {
        return EvaluationJson.tree(e);
    }
}
