package dev.kizuna.examples.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.InputFile;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.definition.DefinitionException;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.definition.PlaybookDefinitions;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the definitions the tool is given (health models and playbook rule sets) through {@link InputFile}, the one
 * way the tool reads a file, and reports every problem as an {@link InputException} that starts with the file's name:
 * a missing file, a file that is not UTF-8, an extension other than {@code .json}, {@code .yaml} or {@code .yml}, a
 * document that is not well-formed, every error of a definition with its path.
 */
public final class DefinitionFiles {
    private DefinitionFiles() {
    }

    /** Reads a definition file into a tree, JSON or YAML by its extension. */
    public static JsonNode tree(Path file) {
        InputFile input = InputFile.of(file);
        DefinitionFormat format;
        try {
            format = DefinitionFormat.ofFileName(String.valueOf(file.getFileName()));
        } catch (IllegalArgumentException e) {
            throw new InputException(input.name() + ": a definition file's name must end in .json, .yaml or .yml,"
                    + " which says its format");
        }
        String text = input.text(DefinitionFormat.MAX_DOCUMENT_CHARS);
        try {
            return format.parse(text);
        } catch (DefinitionException e) {
            throw new InputException(input.name() + ": " + e.getMessage());
        }
    }

    /** Reads a health model definition and creates its model. */
    public static HealthModel model(HealthModels models, Path file) {
        JsonNode tree = tree(file);
        try {
            return models.create(models.read(tree, Optional.empty()));
        } catch (DefinitionException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    /**
     * Reads a playbook rule set whose signals are well-known or declared in it, and whose band tests name bands of
     * {@code bands}, the scheme of the health model that scores the accounts.
     */
    public static RuleSet ruleSet(Path file, BandScheme bands) {
        JsonNode tree = tree(file);
        try {
            return PlaybookDefinitions.standard().withBands(bands).readRuleSet(tree);
        } catch (DefinitionException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    /**
     * Checks that the rules of a rule set built in Java (the starter playbooks) name only bands of {@code bands}, by
     * reading their canonical form as a file would be read.
     *
     * @param what how to name the rule set and what to do, for the message
     */
    public static void checkBands(RuleSet rules, BandScheme bands, String what) {
        try {
            PlaybookDefinitions.standard().withBands(bands).readRuleSet(PlaybookDefinitions.standard().tree(rules));
        } catch (DefinitionException e) {
            throw new InputException(what + ": " + e.getMessage());
        }
    }
}
