package dev.kizuna.health.definition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.kizuna.health.internal.DocumentPaths;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The two formats a definition may be written in, and their bounded parsers.
 *
 * <p>Limits, the same for both: a document of at most {@value #MAX_DOCUMENT_CHARS} characters, at most
 * {@value #MAX_DEPTH} levels of nesting, strings (values and field names) of at most {@value #MAX_STRING_LENGTH}
 * characters, and numbers of at most 100 characters. Every string must be valid Unicode: JSON's escapes can spell an
 * unpaired surrogate, which is rejected, since no file can hold it. A syntax error gives its line and column; a string
 * that breaks a limit gives its path. Files are UTF-8, with or without a byte-order mark (see {@link #parse(Path)}).
 * The ranges of the numbers in a definition are those of {@link DefinitionLimits}.
 *
 * <p>JSON rejects NaN and infinity literals, duplicate keys and trailing content. YAML rejects duplicate keys; it
 * never expands aliases (an alias reads as its name, so a "billion laughs" document stays as small as it was written)
 * and builds no object from tags: the document is read as a tree of plain values only, with tags ignored. Written
 * YAML quotes every string that would otherwise read back as something else (a number, a boolean, null), and writes
 * numbers so that they read back exactly, {@code -0.0} included. Thread-safe.
 */
public enum DefinitionFormat {
    /** JSON. */
    JSON,
    /** YAML 1.1, as read by SnakeYAML. */
    YAML;

    /** The longest document, in characters. */
    public static final int MAX_DOCUMENT_CHARS = 1_000_000;
    /** The deepest nesting of objects and arrays. */
    public static final int MAX_DEPTH = 32;
    /** The longest string, in characters. */
    public static final int MAX_STRING_LENGTH = 10_000;
    /** The most aliases a YAML document may use, were SnakeYAML to compose it (Jackson does not expand them). */
    public static final int MAX_YAML_ALIASES = 10;

    /** The longest number, in characters. */
    static final int MAX_NUMBER_LENGTH = 100;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    // Strings are bounded by the document's size here and checked against MAX_STRING_LENGTH on the tree, with paths.
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_DOCUMENT_CHARS)
            .maxNameLength(MAX_DOCUMENT_CHARS)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxDocumentLength(MAX_DOCUMENT_CHARS * 4L)
            .build();

    private static final ObjectMapper JSON_MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(LIMITS)
                    .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final ObjectMapper YAML_MAPPER = yamlMapper();

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(MAX_YAML_ALIASES);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        YAMLFactory factory = new YamlFactory(YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(LIMITS)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .stringQuotingChecker(new RoundTripQuoting()));
        return YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /**
     * Returns the format a file name implies: YAML for {@code .yaml} and {@code .yml}, JSON for {@code .json}.
     *
     * @throws DefinitionException for any other extension
     */
    public static DefinitionFormat ofFileName(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        throw new DefinitionException("", "the file name '" + fileName + "' must end in .json, .yaml or .yml");
    }

    /**
     * Parses a document into a tree, within the limits above. A leading byte-order mark is ignored.
     *
     * @throws DefinitionException if the document is too large or too deep, is not well-formed (the message gives
     *                             the line and column), or holds a string (a value or a field name) over
     *                             {@value #MAX_STRING_LENGTH} characters or that is not valid Unicode (an unpaired
     *                             surrogate, which no file can encode); the last two with the string's path
     */
    public JsonNode parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new DefinitionException("", "the document has " + text.length() + " characters, over the limit of "
                    + MAX_DOCUMENT_CHARS);
        }
        JsonNode tree;
        JsonParser parser = null;
        try {
            parser = mapper().createParser(text);
            tree = mapper().readTree(parser);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports its own limits (code points, depth) as unchecked exceptions; the parser's position
            // places the errors whose exception has none (the limits).
            throw new DefinitionException("", SyntaxErrors.describe(name(), e,
                    parser == null ? null : parser.currentLocation()));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // A parser of a string holds nothing to release.
                }
            }
        }
        if (tree == null || tree.isMissingNode()) {
            throw new DefinitionException("", "the document is empty");
        }
        List<DefinitionError> errors = new ArrayList<>();
        checkStrings(tree, "", errors);
        if (!errors.isEmpty()) {
            throw new DefinitionException(errors);
        }
        return tree;
    }

    /**
     * Reads and parses a file of at most {@value #MAX_DOCUMENT_CHARS} characters, which must be UTF-8 (a leading
     * byte-order mark is ignored). Every problem, including a missing file, a directory, a file that cannot be read
     * and a byte sequence that is not UTF-8 (with its line and column), is a {@link DefinitionException} that names
     * the file ({@link DefinitionException#file()}).
     *
     * @throws DefinitionException if the file cannot be read or parsed
     */
    public JsonNode parse(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(DefinitionFiles.read(file, MAX_DOCUMENT_CHARS));
        } catch (DefinitionException e) {
            throw e.file().isPresent() ? e : e.inFile(file.toString());
        }
    }

    /**
     * Records an error for every string, value or field name, that is too long or not valid Unicode. JSON's parser
     * would stop at the first long one without a path, and YAML's does not check lengths at all, so both are checked
     * here, on the tree, with paths.
     */
    private static void checkStrings(JsonNode node, String path, List<DefinitionError> errors) {
        if (node.isTextual()) {
            checkString(node.textValue(), path, "a string", errors);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStrings(node.get(i), DocumentPaths.element(path, i), errors);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String name = e.getKey();
                if (checkString(name, path, "a field name", errors)) {
                    checkStrings(e.getValue(), DocumentPaths.child(path, name), errors);
                }
            }
        }
    }

    /** Returns whether the string is acceptable; else records why. */
    private static boolean checkString(String value, String path, String what, List<DefinitionError> errors) {
        if (value.length() > MAX_STRING_LENGTH) {
            errors.add(new DefinitionError(path, what + " of " + value.length() + " characters is over the limit of "
                    + MAX_STRING_LENGTH + " ('" + value.substring(0, 20) + "...')"));
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    errors.add(new DefinitionError(path, what + " holds an unpaired surrogate (U+"
                            + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at character " + (i + 1)
                            + ", which is not valid Unicode and cannot be written back"));
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** Writes a tree in this format, indented, with a final newline. */
    public String write(JsonNode tree) {
        Objects.requireNonNull(tree, "tree");
        try {
            String text = mapper().writeValueAsString(tree);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a definition tree could not be written as " + name(), e);
        }
    }

    private ObjectMapper mapper() {
        return this == JSON ? JSON_MAPPER : YAML_MAPPER;
    }

    /**
     * Quotes a string value wherever Jackson's own rules would, and also wherever the unquoted text would read back as
     * something other than that same string: Jackson's reader takes {@code 1e3}, {@code 0x1F} and the like for
     * numbers where its writer's number test does not, so the test here is to read the text back.
     */
    private static final class RoundTripQuoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final ObjectMapper READER = new YAMLMapper();

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !readsBackAsItself(value);
        }

        private static boolean readsBackAsItself(String value) {
            try {
                JsonNode node = READER.readTree(value);
                return node != null && node.isTextual() && node.textValue().equals(value);
            } catch (JsonProcessingException | RuntimeException e) {
                return false;
            }
        }
    }
}
