package dev.kizuna.core.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson's errors told in the user's terms: what is wrong, where (line and column, or path), and the limit. */
public final class JsonProblems {
    /** Jackson's wording of a parser limit: {@code Number value length (2000) exceeds the maximum allowed (100, ...}. */
    private static final Pattern LIMIT = Pattern.compile(
            "(Number value length|String value length|Name length|Document nesting depth|Document length|Token count)"
                    + " \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile(" \\(code [^)]*\\)");
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "( for `[^`]*`| \\(bound as `[^`]*`\\))|: not allowed (as per|when) `[^`]*`( enabled)?");
    private static final Pattern CONTROL = Pattern.compile("\\(\\(CTRL-CHAR, code \\d+\\)\\)");

    private JsonProblems() {
    }

    /** Returns a parser limit's message in the user's terms, or the message itself if it is not one. */
    public static String limit(String message) {
        Matcher m = LIMIT.matcher(message);
        if (!m.matches()) {
            return message;
        }
        String found = m.group(2);
        String max = m.group(3);
        return switch (m.group(1)) {
            case "Number value length" -> "a number of " + found + " characters is over the limit of " + max;
            case "String value length" -> "a string of " + found + " characters is over the limit of " + max;
            case "Name length" -> "a field name of " + found + " characters is over the limit of " + max;
            case "Document nesting depth" -> "the document nests deeper than " + max + " levels";
            case "Document length" -> "the document is longer than the limit of " + max + " bytes";
            default -> "the document has more than the limit of " + max + " tokens";
        };
    }

    /**
     * Returns the error in the user's terms. A syntax error, invalid UTF-8 or a parser limit starts with its line
     * and column ({@code line 3, column 14: unexpected character '}'...}); a value that Kizuna cannot accept starts
     * with its JSON path from the document's root ({@code $[4].effectiveDate: ...}); a document of the wrong shape
     * says what was expected ({@code $: expected an array but found an object}).
     */
    public static String describe(JsonProcessingException e) {
        // A syntax error inside a list element reaches the caller wrapped in a mapping error: the syntax is the news.
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof StreamReadException syntax) {
                return syntax(syntax);
            }
            if (c instanceof StreamConstraintsException limit) {
                return syntax(limit);
            }
        }
        if (e instanceof JsonMappingException mapping) {
            String path = path(mapping.getPath());
            String message = String.valueOf(e.getOriginalMessage());
            if (e.getCause() instanceof JsonInputException && message.startsWith("$")) {
                return path + message.substring(1);
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return path + ": expected " + shape(mismatch.getTargetType()) + found(message);
            }
            return path + ": " + message.lines().findFirst().orElse(message);
        }
        return syntax(e);
    }

    private static String syntax(JsonProcessingException e) {
        String message = syntaxProblem(e);
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 0) {
            return message;
        }
        return "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + message;
    }

    /**
     * Returns what is wrong with a document that cannot be parsed (broken syntax, invalid UTF-8, a parser limit), in
     * the user's terms and without its place: no parser vocabulary (character codes, feature flags, "start marker
     * at [Source: ...]"), one line, starting in lower case.
     */
    public static String syntaxProblem(JsonProcessingException e) {
        String message = firstLine(limit(String.valueOf(e.getOriginalMessage())));
        message = CONTROL.matcher(message).replaceAll("(a control character)");
        message = CODE.matcher(message).replaceAll("");
        int marker = message.indexOf(" (start marker at");
        if (marker >= 0) {
            message = message.substring(0, marker);
        }
        int hint = message.indexOf(": enable `");
        if (hint >= 0) {
            message = message.substring(0, hint);
        }
        if (message.startsWith("Invalid UTF-8")) {
            message = "the text is not valid UTF-8 (" + message.substring("Invalid UTF-8".length()).strip()
                    .replaceFirst("^:\\s*", "") + "); save the file as UTF-8";
        } else if (message.startsWith("Non-standard token ")) {
            int colon = message.indexOf(':');
            message = message.substring("Non-standard token ".length(), colon > 0 ? colon : message.length())
                    + " is not a number JSON allows: numbers must be finite";
        } else if (message.startsWith("Malformed numeric value ")) {
            message = message.substring("Malformed numeric value ".length()) + " is not a well-formed number";
        }
        if (message.startsWith("Trailing token")) {
            message = "there is more after the end of the document: it must hold one JSON value";
        }
        // Jackson names its own types and settings: "for `ObjectNode`: not allowed when `...` enabled".
        message = JAVA_NAMES.matcher(message).replaceAll("");
        message = message.replace("Unexpected end-of-input", "the document ends too early");
        message = message.replace("a valid value (JSON String", "(JSON String");
        message = message.replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "a value (a string, number, array, object, true, false or null)");
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonMappingException.Reference r : references) {
            String name = r.getFieldName();
            if (name != null) {
                steps.add(JsonIn.step(name));
            } else if (r.getIndex() >= 0) {
                steps.add("[" + r.getIndex() + "]");
            }
        }
        return "$" + String.join("", steps);
    }

    private static String shape(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    /** What Jackson's message says it found, as "but found an object", or nothing when it does not say. */
    private static String found(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : Map.of(
                "start_object", "an object", "start_array", "an array", "value_string", "a string",
                "value_number", "a number", "value_true", "true", "value_false", "false",
                "value_null", "null", "end-of-input", "the end of the document").entrySet()) {
            if (lower.contains(e.getKey())) {
                return " but found " + e.getValue();
            }
        }
        return lower.contains("no content") ? " but found nothing" : "";
    }
}
