package dev.kizuna.examples.cli;

import dev.kizuna.core.csv.InputException;
import dev.kizuna.health.definition.DefinitionFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Writes the tool's output files, reporting a file that cannot be written as an {@link InputException}. */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Writes {@code text} to {@code file} as UTF-8, replacing it.
     *
     * @throws InputException if the file cannot be written: its directory does not exist, permission is denied...
     */
    public static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /** The message of a file that cannot be written. */
    public static InputException cannotWrite(Path file, IOException e) {
        Path parent = file.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException && parent != null && !Files.isDirectory(parent)) {
            return new InputException(file + ": cannot be written: the directory " + parent + " does not exist");
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(file + ": cannot be written: permission denied");
        }
        if (Files.isDirectory(file)) {
            return new InputException(file + ": cannot be written: it is a directory");
        }
        return new InputException(file + ": cannot be written: " + e.getMessage());
    }

    /** The format of a definition the command writes to the file of {@code option}, by its extension. */
    public static DefinitionFormat definitionFormat(CommandSpec spec, String option, Path file) {
        try {
            return DefinitionFormat.ofFileName(String.valueOf(file.getFileName()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": '" + file + "' must end in .json, .yaml or"
                    + " .yml, which says the format to write");
        }
    }
}
