package dev.kizuna.examples.cli;

import dev.kizuna.core.csv.InputException;
import dev.kizuna.examples.cli.demo.DemoCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;

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

    /**
     * Returns the tool's command line, for embedding and tests. Exit codes: 0 when the command did its work; 1 for a
     * problem with what the user gave it (a file that cannot be read or accepted, data on which nothing could be
     * judged or scored), printed as {@code kizuna: <message>}; 2 for a usage error (an unknown option, a bad option
     * value, options that do not go together), printed with the usage. A stack trace means a bug in the tool.
     */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new KizunaCommand());
        OptionValues.register(cli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            // A usage error: what is wrong with the options, and where the help is, not the whole usage.
            CommandLine command = e.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("kizuna: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = userError(e);
            if (message == null) {
                throw e;
            }
            // A bad input is the user's to fix: say what and where, without a stack trace.
            commandLine.getErr().println("kizuna: " + message);
            commandLine.getErr().flush();
            return 1;
        });
        return cli;
    }

    /** The message of an exception that is the user's to fix, or null for a bug. */
    private static String userError(Exception e) {
        if (e instanceof InputException) {
            return e.getMessage();
        }
        if (e instanceof dev.kizuna.health.definition.DefinitionException) {
            return "the definition: " + e.getMessage();
        }
        return null;
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
