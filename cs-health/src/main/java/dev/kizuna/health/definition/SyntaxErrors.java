package dev.kizuna.health.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.kizuna.core.json.KizunaJson;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages of documents that cannot be parsed, in the user's terms: where (line and column), what is wrong, and
 * without the parsers' own vocabulary (Java class names, feature flags, "code 125").
 */
final class SyntaxErrors {
    private static final Pattern FIRST_NUMBER = Pattern.compile("\\((\\d+)\\)");

    private SyntaxErrors() {
    }

    /** Returns {@code line L, column C: not well-formed FORMAT: what}, or without a place when none is known. */
    static String describe(String format, Exception e, @Nullable JsonLocation parserLocation) {
        if (e instanceof StreamConstraintsException) {
            JsonLocation at = ((JsonProcessingException) e).getLocation();
            return place(at != null ? at : parserLocation) + limit(String.valueOf(e.getMessage()));
        }
        MarkedYAMLException yaml = yamlCause(e);
        if (yaml != null) {
            return yaml(format, yaml);
        }
        if (e instanceof JsonProcessingException) {
            JsonProcessingException j = (JsonProcessingException) e;
            JsonLocation at = j.getLocation() != null ? j.getLocation() : parserLocation;
            return place(at) + "not well-formed " + format + ": " + KizunaJson.syntaxProblem(j);
        }
        String message = String.valueOf(e.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("depth")) {
            return place(parserLocation) + "the document is nested deeper than " + DefinitionFormat.MAX_DEPTH
                    + " levels";
        }
        return place(parserLocation) + "not acceptable " + format + ": " + firstLine(message);
    }

    private static @Nullable MarkedYAMLException yamlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException) {
                return (MarkedYAMLException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String yaml(String format, MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
        String problem = e.getProblem() == null ? firstLine(String.valueOf(e.getMessage())) : e.getProblem();
        String out = where + "not well-formed " + format + ": " + problem.strip();
        Mark contextMark = e.getContextMark();
        if (e.getContext() != null && contextMark != null) {
            out += " (" + e.getContext().strip() + " from line " + (contextMark.getLine() + 1) + ", column "
                    + (contextMark.getColumn() + 1) + ")";
        }
        return out;
    }

    /** The parser's limits, in the words of {@link DefinitionFormat}'s documentation. */
    private static String limit(String message) {
        Matcher m = FIRST_NUMBER.matcher(message);
        String found = m.find() ? m.group(1) : "?";
        if (message.startsWith("Document nesting depth")) {
            return "the document is nested deeper than " + DefinitionFormat.MAX_DEPTH + " levels";
        }
        if (message.startsWith("Number value length")) {
            return "a number of " + found + " characters is over the limit of " + DefinitionFormat.MAX_NUMBER_LENGTH;
        }
        if (message.startsWith("Document length")) {
            return "the document is over the limit of " + DefinitionFormat.MAX_DOCUMENT_CHARS + " characters";
        }
        return "a value is over the limits of a definition: " + found + " characters";
    }

    private static String place(@Nullable JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr()
                : "") + ": ";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }
}
