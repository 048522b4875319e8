package dev.kizuna.metrics.revenue;

import dev.kizuna.core.event.RecurringCharge;

import java.math.BigDecimal;

/**
 * Exact amounts as {@code long} counts of 10^-12 currency units, the ledger's fast path: MRR has at most
 * {@value RecurringCharge#MRR_SCALE} decimal places, so every amount below about 9.2 million fits, and sums of them
 * need no allocation. Amounts that do not fit take the {@link BigDecimal} path; nothing is ever rounded.
 */
final class Units {
    /** Decimal places of one unit. */
    static final int SCALE = RecurringCharge.MRR_SCALE;
    /** Marks an amount that does not fit; real amounts are never this negative. */
    static final long NONE = Long.MIN_VALUE;

    private Units() {
    }

    /** Returns {@code value} in units, or {@link #NONE} if it has more than 12 decimal places or does not fit. */
    static long of(BigDecimal value) {
        BigDecimal v = value;
        if (v.scale() > SCALE) {
            v = v.stripTrailingZeros();
            if (v.scale() > SCALE) {
                return NONE;
            }
        }
        try {
            long units = v.movePointRight(SCALE).longValueExact();
            return units == NONE ? NONE : units;
        } catch (ArithmeticException tooLarge) {
            return NONE;
        }
    }

    /** Returns {@code units} as a decimal. */
    static BigDecimal decimal(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }

    /** Returns {@code a + b}, or {@link #NONE} if the sum overflows. */
    static long add(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? NONE : r;
    }

    /** An exact running total: a {@code long} of units that spills into a {@link BigDecimal} when it would overflow. */
    static final class Sum {
        private long units;
        private BigDecimal spill = BigDecimal.ZERO;

        void add(long more) {
            long r = units + more;
            if (((units ^ r) & (more ^ r)) < 0) {
                spill = spill.add(decimal(units));
                units = more;
            } else {
                units = r;
            }
        }

        void add(BigDecimal more) {
            spill = spill.add(more);
        }

        BigDecimal value() {
            return spill.signum() == 0 ? decimal(units) : spill.add(decimal(units));
        }
    }
}
