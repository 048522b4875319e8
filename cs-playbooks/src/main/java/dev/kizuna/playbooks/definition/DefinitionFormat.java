package dev.kizuna.playbooks.definition;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two formats a playbook definition may be written in, and their bounded parsers: those of health-model
 * definitions ({@link dev.kizuna.health.definition.DefinitionFormat}), with the same limits, whose problems are
 * reported as a playbook {@link DefinitionException}.
 *
 * <p>Limits, the same for both: a document of at most {@value #MAX_DOCUMENT_CHARS} characters, at most
 * {@value #MAX_DEPTH} levels of nesting, strings of at most {@value #MAX_STRING_LENGTH} characters, and numbers of at
 * most 100 characters; every string valid Unicode; files in UTF-8, with or without a byte-order mark; syntax errors
 * with their line and column. JSON rejects NaN and infinity literals, duplicate keys and trailing content. YAML rejects
 * duplicate keys; it never expands aliases (an alias reads as its name, so a "billion laughs" document stays as
 * small as it was written) and builds no object from tags: the document is read as a tree of plain values only,
 * with tags ignored. Written YAML quotes every string that would otherwise read back as something else (a number,
 * a boolean, null). Thread-safe.
 */
public enum DefinitionFormat {
    /** JSON. */
    JSON,
    /** YAML 1.1, as read by SnakeYAML. */
    YAML;

    /** The longest document, in characters. */
    public static final int MAX_DOCUMENT_CHARS = dev.kizuna.health.definition.DefinitionFormat.MAX_DOCUMENT_CHARS;
    /** The deepest nesting of objects and arrays. */
    public static final int MAX_DEPTH = dev.kizuna.health.definition.DefinitionFormat.MAX_DEPTH;
    /** The longest string, in characters. */
    public static final int MAX_STRING_LENGTH = dev.kizuna.health.definition.DefinitionFormat.MAX_STRING_LENGTH;
    /** The most aliases a YAML document may use, were SnakeYAML to compose it (Jackson does not expand them). */
    public static final int MAX_YAML_ALIASES = dev.kizuna.health.definition.DefinitionFormat.MAX_YAML_ALIASES;

    /**
     * Returns the format a file name implies: YAML for {@code .yaml} and {@code .yml}, JSON for {@code .json}.
     *
     * @throws DefinitionException for any other extension
     */
    public static DefinitionFormat ofFileName(String fileName) {
        try {
            return valueOf(dev.kizuna.health.definition.DefinitionFormat.ofFileName(fileName).name());
        } catch (dev.kizuna.health.definition.DefinitionException e) {
            throw playbookException(e);
        }
    }

    /**
     * Parses a document into a tree, within the limits above.
     *
     * @throws DefinitionException if the document is too large, too deep, or not well-formed
     */
    public JsonNode parse(String text) {
        try {
            return parser().parse(text);
        } catch (dev.kizuna.health.definition.DefinitionException e) {
            throw playbookException(e);
        }
    }

    /**
     * Reads and parses a file of at most {@value #MAX_DOCUMENT_CHARS} characters, in UTF-8.
     *
     * @throws DefinitionException naming the file ({@link DefinitionException#file()}) if it is missing, a directory,
     *                             unreadable, not UTF-8 (with the line and column), too large, too deep, or not
     *                             well-formed
     */
    public JsonNode parse(Path file) {
        try {
            return parser().parse(file);
        } catch (dev.kizuna.health.definition.DefinitionException e) {
            throw playbookException(e);
        }
    }

    /** Writes a tree in this format, indented, with a final newline. */
    public String write(JsonNode tree) {
        return parser().write(tree);
    }

    private dev.kizuna.health.definition.DefinitionFormat parser() {
        return this == JSON ? dev.kizuna.health.definition.DefinitionFormat.JSON
                : dev.kizuna.health.definition.DefinitionFormat.YAML;
    }

    private static DefinitionException playbookException(dev.kizuna.health.definition.DefinitionException e) {
        List<DefinitionError> errors = new ArrayList<>();
        for (dev.kizuna.health.definition.DefinitionError error : e.errors()) {
            errors.add(new DefinitionError(error.path(), error.message()));
        }
        DefinitionException translated = new DefinitionException(errors);
        translated.initCause(e);
        return e.file().isPresent() ? translated.inFile(e.file().get()) : translated;
    }
}
