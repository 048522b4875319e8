package dev.kizuna.core.csv;

import dev.kizuna.core.Money;
import dev.kizuna.core.internal.DecimalSyntax;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Kizuna's strict readers of values written as text, shared by CSV cells, JSON fields and the tool's command-line
 * options.
 * Each returns the value or throws an {@link IllegalArgumentException} whose message says why, without a field name
 * (the caller adds where the text came from).
 *
 * <ul>
 *   <li>Numbers are ASCII: an optional sign, digits {@code 0-9}, an optional decimal point and exponent
 *       ({@code 1250}, {@code -0.5}, {@code 1.2e3}), at most {@value #MAX_NUMBER_LENGTH} characters. Digits of other
 *       scripts ({@code ١٠}), full-width digits, {@code NaN}, {@code Infinity}, hexadecimal and Java suffixes
 *       ({@code 1d}) are rejected, and so is a number too large to be finite. Amounts of money are read by
 *       {@link Money#parseAmount(String)}.</li>
 *   <li>Whole numbers are an optional sign and at most 10 ASCII digits within the range of an {@code int}.</li>
 *   <li>Yes/no values are {@code true/false}, {@code yes/no}, {@code y/n} or {@code 1/0}, in any case.</li>
 *   <li>Names of a fixed set (kinds, intervals, types) are ASCII letters, digits, {@code _} and {@code -}, in any
 *       case, {@code -} read as {@code _}; a look-alike letter of another script never matches.</li>
 * </ul>
 */
public final class TextValues {
    /** The longest number, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** The spellings of yes/no values, as the messages and README list them. */
    public static final String YES_NO = "true or false (also yes/no, y/n, 1/0, in any case)";

    private TextValues() {
    }

    /**
     * Reads a finite decimal number.
     *
     * @param text the text, white space around it removed
     * @return the number
     * @throws IllegalArgumentException saying why, if the text is not one
     */
    public static double number(String text) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException("'" + shorten(text) + "' has " + text.length() + " characters, over the"
                    + " limit of " + MAX_NUMBER_LENGTH + " for a number");
        }
        if (!DecimalSyntax.isDecimal(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a number: write ASCII digits with an optional"
                    + " sign, decimal point and exponent, such as 12, -0.5 or 1.2e3");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("'" + text + "' is too large to be a finite number");
        }
        return value;
    }

    /**
     * Reads a whole number within the range of an {@code int}.
     *
     * @param text the text, white space around it removed
     * @return the number
     * @throws IllegalArgumentException saying why, if the text is not one
     */
    public static int wholeNumber(String text) {
        int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        boolean digits = text.length() > i && text.length() - i <= 10;
        for (int k = i; digits && k < text.length(); k++) {
            digits = DecimalSyntax.isAsciiDigit(text.charAt(k));
        }
        if (!digits) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not a whole number: write ASCII digits with"
                    + " an optional sign, such as 12");
        }
        long value = Long.parseLong(text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is out of range: at most " + Integer.MAX_VALUE
                    + " in magnitude");
        }
        return (int) value;
    }

    /**
     * Reads an amount of money, as {@link Money#parseAmount(String)} does, without its field name.
     *
     * @param text the text
     * @return the amount
     * @throws IllegalArgumentException saying why, if the text is not one
     */
    public static BigDecimal amount(String text) {
        try {
            return Money.parseAmount(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(withoutField(e.getMessage()), e);
        }
    }

    /**
     * Reads a yes/no value.
     *
     * @param text the text, white space around it removed
     * @return the value
     * @throws IllegalArgumentException saying why, if the text is not one
     */
    public static boolean yesNo(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> {
                return true;
            }
            case "false", "no", "n", "0" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("'" + shorten(text) + "' is not a yes/no value: write "
                    + YES_NO);
        }
    }

    /**
     * Reads the name of one of {@code type}'s constants, as the class comment says.
     *
     * @param text the text, white space around it removed
     * @param type the type of the constants
     * @param <E>  the type of the constants
     * @return the constant
     * @throws IllegalArgumentException listing the constants, if the text names none
     */
    public static <E extends Enum<E>> E name(String text, Class<E> type) {
        Optional<E> found = Optional.empty();
        if (text.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))) {
            String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(wanted)) {
                    found = Optional.of(e);
                }
            }
        }
        return found.orElseThrow(() -> new IllegalArgumentException("'" + shorten(text) + "' is not one of "
                + names(type)));
    }

    /**
     * Returns the constants of {@code type} as the user writes them, such as {@code START, CHANGE, CANCEL or END}.
     *
     * @param type the type of the constants
     * @param <E>  the type of the constants
     * @return the list, for a message
     */
    public static <E extends Enum<E>> String names(Class<E> type) {
        E[] all = type.getEnumConstants();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < all.length; i++) {
            out.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].name());
        }
        return out.toString();
    }

    /**
     * Drops the leading field name of a library message ({@code "amount: '1x' is not..."}).
     *
     * @param message the message
     * @return the message without its field name, or as it is when it starts with none
     */
    public static String withoutField(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && message.substring(0, colon).chars().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '_' || c == '.') ? message.substring(colon + 2) : message;
    }

    /**
     * Returns the text, cut to 40 characters for a message.
     *
     * @param text the text
     * @return the text, or its first 37 characters and {@code ...}
     */
    public static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
