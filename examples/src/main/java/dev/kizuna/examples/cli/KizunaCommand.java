package dev.kizuna.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kizuna} command-line tool. Run {@code java -jar examples/target/kizuna.jar --help} for its commands.
 */
@Command(name = "kizuna",
        mixinStandardHelpOptions = true,
        versionProvider = KizunaCommand.Version.class,
        description = "Customer-success metrics, health scores and playbooks, on your data or the bundled demo.",
        subcommands = {DemoCommand.class, ScoreCommand.class, MetricsCommand.class, PlaysCommand.class, ClvCommand.class, BacktestCommand.class, FitCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class KizunaCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** Returns the tool's command line, for embedding and tests. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new KizunaCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputFiles.InputException || e instanceof InputFiles.UncheckedInputException
                    || e instanceof dev.kizuna.playbooks.definition.DefinitionException
                    || e instanceof dev.kizuna.health.definition.DefinitionException) {
                // A bad input file is the user's to fix: say what and where, without a stack trace.
                commandLine.getErr().println("kizuna: " + e.getMessage());
                commandLine.getErr().flush();
                return 1;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KizunaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"kizuna " + (v == null ? "(development build)" : v)};
        }
    }
}
