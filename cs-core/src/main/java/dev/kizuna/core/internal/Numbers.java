package dev.kizuna.core.internal;

import java.time.Duration;

/**
 * Rounding to hundredths and allocation-light formatting of numbers and durations for messages, reasons and traces.
 */
public final class Numbers {
    private Numbers() {
    }

    /** Returns {@code value} rounded half up to a whole number of hundredths ({@link Math#round(double)}). */
    public static long centi(double value) {
        return round(value * 100.0);
    }

    /**
     * Returns exactly {@link Math#round(double)}: the closest long, ties towards positive infinity; NaN gives 0. On the
     * floor, which is one instruction, rather than on the bits: scores round a few dozen numbers each. The
     * difference {@code x - floor(x)} is exact whenever it decides anything (Sterbenz), so no tie is misjudged.
     */
    public static long round(double x) {
        double floor = Math.floor(x);
        return (long) (x - floor >= 0.5 ? floor + 1 : floor);
    }

    /** Returns {@code value} rounded to hundredths, as the double nearest to {@code centi(value) / 100}. */
    public static double round2(double value) {
        return centi(value) / 100.0;
    }

    /** Returns a number the way a person writes it: {@code 50}, {@code -1}, {@code 0.75}. */
    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Appends {@code centi / 100} with exactly two decimals, such as {@code 40.12} or {@code -3.05}. */
    public static StringBuilder appendCenti(StringBuilder out, long centi) {
        if (centi < 0) {
            out.append('-');
            centi = -centi;
        }
        out.append(centi / 100).append('.');
        long cents = centi % 100;
        if (cents < 10) {
            out.append('0');
        }
        return out.append(cents);
    }

    /** Returns {@code value} rounded to hundredths with exactly two decimals. */
    public static String fixed2(double value) {
        return appendCenti(new StringBuilder(12), centi(value)).toString();
    }

    /**
     * Appends a raw signal value compactly: whole numbers without decimals, others with up to four significant
     * decimals.
     */
    public static StringBuilder appendRaw(StringBuilder out, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return out.append((long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-4) {
            return out.append(value);
        }
        long scaled = Math.round(value * 10_000.0);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / 10_000);
        long fraction = scaled % 10_000;
        if (fraction != 0) {
            out.append('.');
            String digits = Long.toString(fraction + 10_000).substring(1);
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append(digits, 0, end);
        }
        return out;
    }

    /**
     * Returns a value the way {@link #appendRaw} writes it, or {@code missing} for NaN, which stands for a signal an
     * account does not have.
     */
    public static String rawOrMissing(double value) {
        return Double.isNaN(value) ? "missing" : appendRaw(new StringBuilder(12), value).toString();
    }

    /** Returns a duration as ISO-8601, in days when it is whole days ({@code P30D} rather than {@code PT720H}). */
    public static String duration(Duration d) {
        if (!d.isNegative() && d.getNano() == 0 && d.getSeconds() % 86_400 == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }
}
