package dev.kizuna.core.internal;

/**
 * The one syntax of decimal numbers in text that Kizuna reads: an optional sign, ASCII digits with an optional decimal
 * point, and an optional exponent ({@code 1250.00}, {@code -0.5}, {@code 1.2E3}). {@code Money.parseAmount} reads
 * amounts of money with it, and the CSV readers' numbers ({@code TextValues.number}) too, so that a cell that is a
 * number is written the same way whatever it holds.
 */
public final class DecimalSyntax {
    private DecimalSyntax() {
    }

    /**
     * Returns the index of the exponent's {@code e} (the length when there is none) if {@code s} is a decimal number
     * in ASCII digits, else -1.
     *
     * @param s the text, without white space around it
     * @return the index of the exponent, the length without one, or -1
     */
    public static int exponentIndex(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isAsciiDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        int exponentAt = i;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return -1;
            }
        }
        return i == n ? exponentAt : -1;
    }

    /**
     * Returns whether {@code s} is a decimal number in this syntax.
     *
     * @param s the text, without white space around it
     * @return whether it is a decimal number
     */
    public static boolean isDecimal(String s) {
        return exponentIndex(s) >= 0;
    }

    /**
     * Returns whether {@code c} is one of the ASCII digits {@code 0-9}.
     *
     * @param c the character
     * @return whether it is an ASCII digit
     */
    public static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
