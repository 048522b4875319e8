package dev.kizuna.examples.cli;

import dev.kizuna.core.csv.InputException;
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.demo.DemoCommand;
import dev.kizuna.examples.cli.input.PortfolioFiles;
import dev.kizuna.examples.cli.report.PortfolioReport;
import dev.kizuna.examples.cli.report.ReportHtml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code kizuna report}: writes one self-contained HTML page of a portfolio's figures and charts: the MRR bridge,
 * retention cohorts, survival, health and its migration, the health backtest, CLV and this week's playbook actions.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes one self-contained HTML report of a portfolio: the MRR bridge as a waterfall, logo and"
                + " revenue retention cohorts, the Kaplan-Meier survival curve, the health distribution and band"
                + " migration, the health backtest (ROC curve, churn per band), the CLV distribution and this week's"
                + " playbook actions per owner; each chart with a table of its numbers.",
                "The page makes no network request: styles and charts (PNG images) are inline."})
public final class ReportCommand implements Callable<Integer> {
    /** The file {@code kizuna report} and {@code kizuna demo} write by default. */
    public static final String DEFAULT_FILE = "kizuna-report.html";

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the report (default:"
            + " ${DEFAULT-VALUE}).")
    private Path out = Path.of(DEFAULT_FILE);

    @Option(names = "--in", paramLabel = "DIR", description = "A portfolio as `kizuna demo --out DIR` writes it"
            + " (default: the demo portfolio).")
    private Path in;

    @Option(names = "--as-of", paramLabel = "DATE", description = "With --in: the day after the history (default: the"
            + " day after the latest snapshot or event).")
    private LocalDate asOf;

    @Option(names = "--seed", description = "The demo portfolio's random seed (default: ${DEFAULT-VALUE}).")
    private long seed = DemoPortfolio.DEFAULT_SEED;

    @Option(names = "--accounts", description = "The demo portfolio's number of accounts (default: ${DEFAULT-VALUE}).")
    private int accounts = DemoPortfolio.DEFAULT_ACCOUNTS;

    @Option(names = "--months", description = "Months of the MRR bridge, the latest full ones (default:"
            + " ${DEFAULT-VALUE}).")
    private int months = 12;

    @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (months < 1 || months > 120) {
            throw new ParameterException(spec.commandLine(), "--months: " + months + " must be from 1 to 120");
        }
        if (in == null && asOf != null) {
            throw new ParameterException(spec.commandLine(), "--as-of: the day after the history of a portfolio read"
                    + " with --in DIR; the demo portfolio has its own, so give --in DIR with --as-of, or leave out"
                    + " --as-of");
        }
        if (in != null && (parsed.hasMatchedOption("--seed") || parsed.hasMatchedOption("--accounts"))) {
            throw new ParameterException(spec.commandLine(), (parsed.hasMatchedOption("--seed") ? "--seed" : "--accounts")
                    + ": generates the demo portfolio; with --in DIR the portfolio is read from DIR, so leave it out");
        }
        if (in == null) {
            DemoCommand.checkAccounts(spec, accounts);
        }
        Progress progress = Progress.of(spec.commandLine().getErr(), quiet);
        Portfolio portfolio;
        String source;
        if (in == null) {
            progress.start("generating the demo portfolio");
            portfolio = DemoPortfolio.builder().seed(seed).accounts(accounts).build();
            source = String.format("The demo portfolio (seed %d, %,d accounts)", seed, accounts);
            progress.done("generated the demo portfolio");
        } else {
            progress.start("reading " + in);
            portfolio = PortfolioFiles.read(in, Optional.ofNullable(asOf));
            source = "The portfolio in " + in.toAbsolutePath();
            progress.done("read " + portfolio.accounts().size() + " accounts from " + in);
        }
        Path written = write(portfolio, source, months, out, progress);
        PrintWriter w = spec.commandLine().getOut();
        w.println("Wrote " + written.toAbsolutePath() + " (" + Files.size(written) + " bytes)");
        w.flush();
        return 0;
    }

    /**
     * Computes the report of {@code portfolio}, renders it and writes it to {@code file}, showing each stage as
     * progress; returns the file.
     *
     * @throws InputException if the portfolio lacks what a figure needs (no subscription events, no signal
     *                        snapshots), or the file cannot be written
     */
    public static Path write(Portfolio portfolio, String source, int months, Path file, Progress progress) {
        PortfolioReport report;
        String html;
        progress.start("computing the report");
        try {
            report = PortfolioReport.of(portfolio, months, (name, number, of) -> progress.update(number - 1, of));
            progress.update(PortfolioReport.STAGES - 1, PortfolioReport.STAGES);
            html = ReportHtml.render(report, source);
            progress.update(PortfolioReport.STAGES, PortfolioReport.STAGES);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException
                 | IndexOutOfBoundsException e) {
            throw new InputException("cannot build the report of this portfolio: " + e.getMessage());
        }
        progress.done("computed the report");
        OutputFiles.write(file, html);
        return file;
    }
}
