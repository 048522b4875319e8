package dev.kizuna.health.definition;

import dev.kizuna.health.HealthModels;
import dev.kizuna.health.kit.Samples;
import dev.kizuna.health.segment.SegmentedDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser's own checks: string limits in both formats, syntax errors with a place, valid Unicode, files. */
class DefinitionParsingTest {
    private static final HealthModels MODELS = HealthModels.load();

    @TempDir
    Path dir;

    private static List<DefinitionError> errors(DefinitionFormat format, String text) {
        return assertThrows(DefinitionException.class, () -> format.parse(text)).errors();
    }

    private static DefinitionError error(String path, String message) {
        return new DefinitionError(path, message);
    }

    @Test
    void yamlEnforcesTheStringLimitOnValuesWithTheirPath() {
        String long10001 = "x".repeat(DefinitionFormat.MAX_STRING_LENGTH + 1);
        assertEquals(List.of(error("measures[0].label", "a string of 10001 characters is over the limit of 10000"
                        + " ('xxxxxxxxxxxxxxxxxxxx...')")),
                errors(DefinitionFormat.YAML, "measures:\n  - label: " + long10001 + "\n"));
        // At the limit, it reads.
        String long10000 = "x".repeat(DefinitionFormat.MAX_STRING_LENGTH);
        assertEquals(long10000, DefinitionFormat.YAML.parse("a: " + long10000).get("a").textValue());
    }

    @Test
    void yamlEnforcesTheStringLimitOnFieldNames() {
        String key = "k".repeat(DefinitionFormat.MAX_STRING_LENGTH + 1);
        // An explicit key, since YAML limits implicit ones to 1024 characters anyway.
        assertEquals(List.of(error("a", "a field name of 10001 characters is over the limit of 10000"
                        + " ('kkkkkkkkkkkkkkkkkkkk...')")),
                errors(DefinitionFormat.YAML, "a:\n  ? " + key + "\n  : 1\n"));
    }

    @Test
    void jsonReportsLongStringsAndFieldNamesWithTheirPathToo() {
        String long10001 = "y".repeat(DefinitionFormat.MAX_STRING_LENGTH + 1);
        assertEquals(List.of(error("a[1]", "a string of 10001 characters is over the limit of 10000"
                        + " ('yyyyyyyyyyyyyyyyyyyy...')"),
                        error("", "a field name of 10001 characters is over the limit of 10000"
                                + " ('yyyyyyyyyyyyyyyyyyyy...')")),
                errors(DefinitionFormat.JSON, "{\"a\": [\"ok\", \"" + long10001 + "\"], \"" + long10001 + "\": 1}"));
    }

    @Test
    void jsonSyntaxErrorsGiveTheLineAndColumn() {
        assertEquals(List.of(error("", "line 3, column 3: not well-formed JSON: unexpected character ('}'): was"
                        + " expecting double-quote to start field name")),
                errors(DefinitionFormat.JSON, "{\n  \"a\": 1,\n  }"));
        assertEquals(List.of(error("", "line 2, column 7: not well-formed JSON: unrecognized token 'tru': was"
                        + " expecting a value (a string, number, array, object, true, false or null)")),
                errors(DefinitionFormat.JSON, "{\n \"a\": tru }"));
        assertEquals(List.of(error("", "line 2, column 4: not well-formed JSON: duplicate field 'a'")),
                errors(DefinitionFormat.JSON, "{\"a\": 1,\n\"a\": 2}"));
        assertEquals(List.of(error("", "line 1, column 10: not well-formed JSON: 'NaN' is not a number JSON allows:"
                        + " numbers must be finite")),
                errors(DefinitionFormat.JSON, "{\"x\": NaN}"));
        assertEquals(List.of(error("", "line 1, column 128: a number of 121 characters is over the limit of 100")),
                errors(DefinitionFormat.JSON, "{\"a\": 1" + "0".repeat(120) + "}"));
        assertEquals(List.of(error("", "line 1, column 8: not well-formed JSON: unexpected character ('\uFEFF'):"
                        + " expected a value (a string, number, array, object, true, false or null)")),
                errors(DefinitionFormat.JSON, "{\"a\": [\uFEFF]}"));
        assertEquals(List.of(error("", "line 1, column 9: not well-formed JSON: illegal unquoted character (a control"
                        + " character): has to be escaped using backslash to be included in string value")),
                errors(DefinitionFormat.JSON, "{\"a\": \"x\u0001\"}"));
    }

    @Test
    void yamlSyntaxErrorsGiveTheLineAndColumn() {
        assertEquals(List.of(error("", "line 2, column 3: not well-formed YAML: mapping values are not allowed"
                        + " here")),
                errors(DefinitionFormat.YAML, "a: 1\n b: 2\n- c"));
        assertEquals(List.of(error("", "line 2, column 2: not well-formed YAML: expected ',' or ']', but got :"
                        + " (while parsing a flow sequence from line 1, column 4)")),
                errors(DefinitionFormat.YAML, "a: [1, 2\nb: 3"));
        assertEquals(List.of(error("", "line 2, column 2: not well-formed YAML: duplicate field 'a'")),
                errors(DefinitionFormat.YAML, "a: 1\na: 2"));
    }

    @Test
    void unpairedSurrogatesAreRejectedWithTheirPath() {
        // A lone surrogate read from JSON used to be written to YAML as another character.
        assertEquals(List.of(error("measures[0].label", "a string holds an unpaired surrogate (U+D800) at"
                        + " character 2, which is not valid Unicode and cannot be written back")),
                errors(DefinitionFormat.JSON, "{\"measures\": [{\"label\": \"a\\ud800b\"}]}"));
        assertEquals(List.of(error("s", "a string holds an unpaired surrogate (U+DC00) at character 1, which is not"
                        + " valid Unicode and cannot be written back")),
                errors(DefinitionFormat.YAML, "s: \"\\udc00\""));
        assertEquals(List.of(error("", "a field name holds an unpaired surrogate (U+D83D) at character 1, which is"
                        + " not valid Unicode and cannot be written back")),
                errors(DefinitionFormat.JSON, "{\"\\ud83d\": 1}"));
        // A proper pair is fine, and survives both formats.
        String pair = DefinitionFormat.JSON.parse("{\"s\": \"\\ud83d\\ude00\"}").get("s").textValue();
        assertEquals("\uD83D\uDE00", pair);
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        assertEquals(1, DefinitionFormat.JSON.parse("\uFEFF{\"a\": 1}").get("a").intValue());
        Path json = dir.resolve("card.json");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = Samples.SCORECARD_JSON.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(body, 0, both, bom.length, body.length);
        Files.write(json, both);
        assertEquals(MODELS.read(Samples.SCORECARD_JSON, DefinitionFormat.JSON), MODELS.read(json));
        Path yaml = dir.resolve("card.yaml");
        Files.writeString(yaml, "\uFEFF" + MODELS.write(MODELS.read(json), DefinitionFormat.YAML));
        assertEquals(MODELS.read(json), MODELS.read(yaml));
    }

    @Test
    void invalidUtf8IsADefinitionErrorNamingTheFileAndTheLine() throws Exception {
        Path file = dir.resolve("bad.yaml");
        byte[] text = "type: scorecard\nid: caf\u00e9\nversion: 1\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, text);
        DefinitionException e = assertThrows(DefinitionException.class, () -> MODELS.read(file));
        assertEquals(Optional.of(file.toString()), e.file());
        assertEquals(List.of(error("", "line 2, column 8: the file is not valid UTF-8 (byte 0xE9); save it as"
                + " UTF-8")), e.errors());
        assertTrue(e.getMessage().startsWith("1 error in the definition " + file + ":"), e.getMessage());
        // A character cut off at the very end.
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE2, (byte) 0x82});
        assertEquals(List.of(error("", "line 1, column 4: the file is not valid UTF-8 (a character cut off at the"
                + " end); save it as UTF-8")), assertThrows(DefinitionException.class,
                () -> DefinitionFormat.YAML.parse(file)).errors());
    }

    @Test
    void aMissingFileOrADirectoryIsADefinitionErrorNamingIt() throws Exception {
        Path missing = dir.resolve("nowhere.json");
        DefinitionException e = assertThrows(DefinitionException.class, () -> MODELS.read(missing));
        assertEquals(Optional.of(missing.toString()), e.file());
        assertEquals(List.of(error("", "no such file")), e.errors());
        Path folder = Files.createDirectory(dir.resolve("models.yaml"));
        DefinitionException d = assertThrows(DefinitionException.class, () -> MODELS.read(folder));
        assertEquals(List.of(error("", "is a directory, not a definition file")), d.errors());
        assertEquals(Optional.of(folder.toString()), d.file());
        assertThrows(DefinitionException.class, () -> SegmentedDefinition.read(missing, MODELS));
    }

    @Test
    void errorsInAFileNameTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("card.json"), """
                {"type": "scorecard", "id": "c", "version": "1", "measures": [
                  {"measure": "a", "signal": "sentiment.npss", "weight": 1,
                   "normaliser": {"type": "linear", "from": 0, "to": 10}}]}
                """);
        DefinitionException e = assertThrows(DefinitionException.class, () -> MODELS.read(file));
        assertEquals(Optional.of(file.toString()), e.file());
        assertEquals("measures[0].signal", e.errors().get(0).path());
        assertTrue(e.getMessage().startsWith("1 error in the definition " + file + ":\n  measures[0].signal:"),
                e.getMessage());
        Path text = Files.writeString(dir.resolve("card.txt"), "{}");
        DefinitionException ext = assertThrows(DefinitionException.class, () -> MODELS.read(text));
        assertEquals(Optional.of(text.toString()), ext.file());
        assertEquals(List.of(error("", "the file name 'card.txt' must end in .json, .yaml or .yml")), ext.errors());
    }
}
