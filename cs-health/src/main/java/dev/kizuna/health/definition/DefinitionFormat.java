package dev.kizuna.health.definition;

import com.fasterxml.jackson.core.JsonFactory;
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
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The two formats a definition may be written in, and their bounded parsers.
 *
 * <p>Limits, the same for both: a document of at most {@value #MAX_DOCUMENT_CHARS} characters, at most
 * {@value #MAX_DEPTH} levels of nesting, strings of at most {@value #MAX_STRING_LENGTH} characters, and numbers of at
 * most 100 digits. JSON rejects NaN and infinity literals, duplicate keys and trailing content. YAML rejects
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
    public static final int MAX_DOCUMENT_CHARS = 1_000_000;
    /** The deepest nesting of objects and arrays. */
    public static final int MAX_DEPTH = 32;
    /** The longest string, in characters. */
    public static final int MAX_STRING_LENGTH = 10_000;
    /** The most aliases a YAML document may use, were SnakeYAML to compose it (Jackson does not expand them). */
    public static final int MAX_YAML_ALIASES = 10;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(100)
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
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(LIMITS)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .stringQuotingChecker(new RoundTripQuoting())
                .build();
        return YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /**
     * Returns the format a file name implies: YAML for {@code .yaml} and {@code .yml}, JSON for {@code .json}.
     *
     * @throws IllegalArgumentException for any other extension
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
        throw new IllegalArgumentException("file: '" + fileName + "' must end in .json, .yaml or .yml");
    }

    /**
     * Parses a document into a tree, within the limits above.
     *
     * @throws DefinitionException if the document is too large, too deep, or not well-formed
     */
    public JsonNode parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new DefinitionException("", "the document has " + text.length() + " characters, over the limit of "
                    + MAX_DOCUMENT_CHARS);
        }
        try {
            JsonNode tree = mapper().readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new DefinitionException("", "the document is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new DefinitionException("", "not well-formed " + name() + ": " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            if (e instanceof DefinitionException) {
                throw e;
            }
            // SnakeYAML reports its own limits (aliases, code points, depth) as unchecked exceptions.
            throw new DefinitionException("", "not acceptable " + name() + ": " + e.getMessage());
        }
    }

    /**
     * Reads and parses a file of at most {@value #MAX_DOCUMENT_CHARS} characters.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public JsonNode parse(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (Files.size(file) > MAX_DOCUMENT_CHARS * 4L) {
                throw new DefinitionException("", "the file " + file + " is over the limit of "
                        + MAX_DOCUMENT_CHARS + " characters");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the definition " + file, e);
        }
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
