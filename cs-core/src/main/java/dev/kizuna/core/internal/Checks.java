package dev.kizuna.core.internal;

import dev.kizuna.core.Money;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks shared by the value types of every Kizuna module, so that every message has the same shape:
 * {@code field: value, why}.
 *
 * <p>Every text a value keeps is valid Unicode: a surrogate that is not half of a pair (which a JSON escape such as
 * {@code \u005Cud800} can produce) is rejected, so that text writes to UTF-8 and reads back unchanged.
 *
 * <p>Hand-written rather than Guava's {@code Preconditions}: each check carries the domain's message (the limit, the
 * syntax of an id, the value shown shortened), which a generic precondition cannot. In a package cs-core exports only
 * to the Kizuna modules: internal, not API.
 */
public final class Checks {
    /** The longest free text (a name, a comment, a note, an attribute value), in characters. */
    public static final int MAX_TEXT = 10_000;
    /** The longest identifier, in characters. */
    public static final int MAX_IDENTIFIER = 256;
    /** The longest id ({@link #id}) and result key ({@link #key}), in characters. */
    public static final int MAX_ID = 64;
    /** The longest dedupe key ({@link #dedupeKey}), in characters. */
    public static final int MAX_DEDUPE_KEY = 200;
    /** The longest window or delay ({@link #window}, {@link #delay}): ten years. */
    public static final Duration MAX_WINDOW = Duration.ofDays(3653);

    private static final char REPLACEMENT = 0xFFFD;

    private Checks() {
    }

    /**
     * Returns the text if it is non-null, not blank, at most 10,000 characters and valid Unicode, else throws naming
     * the field.
     */
    public static String nonBlank(String value, String field) {
        text(value, field);
        return notBlank(value, field);
    }

    /**
     * Returns a label that a result repeats from a model (a contribution's, a lever's) if it is non-null, not blank and
     * at most 10,000 characters, else throws naming the field. Unlike {@link #nonBlank} it does not scan the text for
     * unpaired surrogates: results check their labels on every score, and the model's labels were scanned when it was
     * built.
     */
    public static String label(String value, String field) {
        Objects.requireNonNull(value, field);
        notBlank(value, field);
        withinTextLimit(value, field);
        return value;
    }

    private static void withinTextLimit(String value, String field) {
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + ": " + value.length() + " characters is over the limit of "
                    + MAX_TEXT);
        }
    }

    private static String notBlank(String value, String field) {
        // A text that starts with a visible character is not blank, which saves the scan of isBlank on hot paths.
        if (!(!value.isEmpty() && startsVisible(value)) && value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        return value;
    }

    /**
     * Returns the text, which may be empty or blank, if it is at most 10,000 characters and valid Unicode (no unpaired
     * surrogate), else throws naming the field.
     */
    public static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        withinTextLimit(value, field);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                i = pairedSurrogate(value, i, field);
            }
        }
        return value;
    }

    /**
     * Returns an identifier: 1 to 256 characters of valid Unicode, no control characters and no surrounding white
     * space.
     */
    public static String identifier(String value, String field) {
        name(value, field);
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(field + ": '" + value + "' must not start or end with white space");
        }
        return value;
    }

    /**
     * Returns a name that writes to JSON and reads back unchanged: 1 to 256 characters of valid Unicode, no control
     * characters. Unlike an {@link #identifier} it may start or end with white space.
     */
    public static String name(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > MAX_IDENTIFIER) {
            throw new IllegalArgumentException(field + ": '" + shown(value) + "' must be 1 to " + MAX_IDENTIFIER
                    + " characters" + (value.isEmpty() ? "" : ", not " + value.length()));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(field + ": '" + shown(value) + "' must not contain control"
                        + " characters (U+" + hex(c) + " at character " + (i + 1) + ")");
            }
            if (Character.isSurrogate(c)) {
                i = pairedSurrogate(value, i, field);
            }
        }
        return value;
    }

    /** Returns an id: 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit. */
    public static String id(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!isId(value)) {
            throw new IllegalArgumentException(field + ": '" + shown(value) + "' is not an id: 1 to " + MAX_ID
                    + " letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return value;
    }

    /** Returns whether {@code value} is a valid id (see {@link #id}). */
    public static boolean isId(String value) {
        return matches(value, MAX_ID, ID_CHAR);
    }

    /**
     * Returns a dedupe key: 1 to 200 letters, digits, '_', '.', '-' or '/', starting with a letter or digit, so that a
     * key can name a path such as {@code renewal/2025}.
     */
    public static String dedupeKey(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!matches(value, MAX_DEDUPE_KEY, KEY_CHAR)) {
            throw new IllegalArgumentException(field + ": '" + shown(value) + "' is not a key: 1 to " + MAX_DEDUPE_KEY
                    + " letters, digits, '_', '.', '-' or '/', starting with a letter or digit");
        }
        return value;
    }

    private static final boolean[] ID_CHAR = new boolean[128];
    private static final boolean[] KEY_CHAR = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ID_CHAR[c] = isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
            KEY_CHAR[c] = ID_CHAR[c] || c == '/';
        }
    }

    /**
     * Checks the syntax of an id or a key with a table rather than a regular expression: ids are checked on every
     * contribution of every score and every result of an evaluation, and a matcher would allocate.
     */
    private static boolean matches(String value, int maxLength, boolean[] allowed) {
        int length = value.length();
        if (length == 0 || length > maxLength || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 128 || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Returns a key that names a part of a model in a result (a contribution, a lever): 1 to 64 characters, not
     * starting with white space. Cheaper than {@link #id}: results repeat ids a definition already checked.
     */
    public static String key(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > MAX_ID || !startsVisible(value)) {
            throw new IllegalArgumentException(field + ": '" + shown(value) + "' must be 1 to " + MAX_ID
                    + " characters, not starting with white space");
        }
        return value;
    }

    /**
     * Returns whether a non-empty {@code value} starts with a character that is not white space: without a table
     * lookup for printable ASCII, the usual first character of an id or a label (results check theirs on every
     * score).
     */
    private static boolean startsVisible(String value) {
        char first = value.charAt(0);
        return (first > ' ' && first < 0x7F) || !Character.isWhitespace(first);
    }

    /** Returns the index of the low half of the surrogate pair that starts at {@code i}, or throws naming the field. */
    private static int pairedSurrogate(String value, int i, String field) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            return i + 1;
        }
        throw new IllegalArgumentException(field + ": the text has an unpaired surrogate (U+" + hex(c)
                + ") at character " + (i + 1) + ", which is not valid Unicode; write the character itself, or the"
                + " two halves of its pair");
    }

    /**
     * Returns the text for a message: itself when it is short, printable and valid, else its first characters and
     * {@code "..."}, with control characters and unpaired surrogates replaced by {@code U+FFFD}.
     */
    public static String shown(String value) {
        int limit = 40;
        StringBuilder out = new StringBuilder(Math.min(value.length(), limit + 3));
        int i = 0;
        for (; i < value.length() && i < limit; i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                out.append(c).append(value.charAt(++i));
            } else {
                out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        if (i < value.length()) {
            out.append("...");
        }
        return out.toString();
    }

    private static String hex(char c) {
        return String.format(java.util.Locale.ROOT, "%04X", (int) c);
    }

    /** Returns the value if it is finite, else throws naming the field. */
    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " must be a finite number");
        }
        return value;
    }

    /** Returns the value if it is finite and not negative, else throws naming the field. */
    public static double nonNegative(double value, String field) {
        finite(value, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + Numbers.plain(value) + " must be >= 0");
        }
        return value;
    }

    /** Returns the value if it is finite and positive, else throws naming the field. */
    public static double positive(double value, String field) {
        finite(value, field);
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": " + Numbers.plain(value) + " must be > 0");
        }
        return value;
    }

    /**
     * Returns the value if it is finite and positive, else throws with one message that names both conditions
     * ({@code field: 0.0 must be a finite number > 0}): the wording of the CLV models and the fitters, which their
     * users' messages and tests pin.
     */
    public static double finitePositive(double value, String field) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " must be a finite number > 0");
        }
        return value;
    }

    /** Returns the value if it is finite and not negative, in the wording of {@link #finitePositive}. */
    public static double finiteNonNegative(double value, String field) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " must be a finite number >= 0");
        }
        return value;
    }

    /**
     * Returns the value if it lies in {@code [low, high]}; the field's name is {@code kind + " " + owner + field},
     * joined only when the check fails, so hot paths build no message.
     */
    public static double within(double value, double low, double high, String kind, String owner, String field) {
        if (!(value >= low && value <= high)) {
            within(value, low, high, kind + " " + owner + field);
        }
        return value;
    }

    /** Returns the value if it is finite; the field's name is joined only on failure, as for {@link #within}. */
    public static double finite(double value, String kind, String owner, String field) {
        if (!Double.isFinite(value)) {
            finite(value, kind + " " + owner + field);
        }
        return value;
    }

    /** Returns the value if it is finite and lies in {@code [low, high]}, else throws naming the field. */
    public static double within(double value, double low, double high, String field) {
        finite(value, field);
        if (value < low || value > high) {
            throw new IllegalArgumentException(field + ": " + Numbers.plain(value) + " must be between "
                    + Numbers.plain(low) + " and " + Numbers.plain(high));
        }
        return value;
    }

    /** Returns the value if it is not negative, else throws naming the field. */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " must be >= 0");
        }
        return value;
    }

    /** Returns the value if it is positive, else throws naming the field. */
    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": " + value + " must be > 0");
        }
        return value;
    }

    /** Returns a window: positive and at most {@link #MAX_WINDOW}, else throws naming the field. */
    public static Duration window(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isZero() || value.isNegative() || value.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(field + ": " + Numbers.duration(value) + " is not a possible window:"
                    + " it must be positive and at most " + MAX_WINDOW.toDays() + " days");
        }
        return value;
    }

    /** Returns a delay or cooldown: zero or positive, and at most {@link #MAX_WINDOW}, else throws naming the field. */
    public static Duration delay(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(field + ": " + Numbers.duration(value) + " must be from zero to "
                    + MAX_WINDOW.toDays() + " days");
        }
        return value;
    }

    /** Returns the money if it is not negative, else throws naming the field. */
    public static Money nonNegative(Money value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + ": " + value + " must not be negative");
        }
        return value;
    }
}
