package dev.kizuna.playbooks.internal;

/** Number formatting for traces and messages. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Returns a number the way a person writes it: whole numbers without decimals ({@code 50}, {@code -1}), others
     * with at most four decimals ({@code 0.75}, {@code -0.3333}).
     */
    public static String plain(double value) {
        if (Double.isNaN(value)) {
            return "missing";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4) {
            return Double.toString(value);
        }
        String s = java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Returns a duration as ISO-8601, in days when it is whole days ({@code P30D} rather than {@code PT720H}). */
    public static String duration(java.time.Duration d) {
        if (!d.isNegative() && d.getNano() == 0 && d.getSeconds() % 86_400 == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }
}
