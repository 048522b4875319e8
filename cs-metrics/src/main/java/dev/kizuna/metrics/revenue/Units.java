package dev.kizuna.metrics.revenue;

import dev.kizuna.core.event.RecurringCharge;

import java.math.BigDecimal;
import java.math.BigInteger;

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
        long x;
        if (v.scale() == 0 && v.precision() <= 18) {
            x = v.longValue(); // a whole amount such as a list price: no BigInteger to allocate
        } else {
            BigInteger unscaled = v.unscaledValue();
            if (unscaled.bitLength() > 63) {
                return NONE;
            }
            x = unscaled.longValue();
        }
        long shift = (long) SCALE - v.scale();
        if (x == 0) {
            return 0;
        }
        if (shift >= POWERS.length) {
            return NONE;
        }
        long p = POWERS[(int) shift];
        long lo = x * p;
        return Math.multiplyHigh(x, p) != (lo >> 63) || lo == NONE ? NONE : lo;
    }

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /**
     * Returns the {@link RecurringCharge#mrr() MRR} of {@code charge} in units, computed in {@code long} arithmetic,
     * or {@link #NONE} when this cannot be decided exactly here: an amount out of range, a percentage with more than 6
     * decimal places, or a monthly amount beyond 12 decimal places (which {@code mrr()} keeps exact). The result, when
     * there is one, equals {@code of(charge.mrr().amount())}: the discount is exact (at most 20 decimal places, as
     * {@code Discount.applyTo} computes it), and the division by the interval's months rounds half-even to 12 places,
     * as {@code mrr()} does.
     */
    static long mrr(RecurringCharge charge) {
        if (charge.trial()) {
            return 0;
        }
        long price = of(charge.unitPrice().amount());
        if (price == NONE) {
            return NONE;
        }
        long gross = multiply(price, charge.quantity());
        if (gross == NONE) {
            return NONE;
        }
        long numerator;
        long denominator;
        if (charge.discount().amountOff().isPresent()) {
            long off = of(charge.discount().amountOff().get().amount());
            if (off == NONE) {
                return NONE;
            }
            numerator = Math.max(0, gross - off);
            denominator = 1;
        } else {
            BigDecimal percent = charge.discount().percentOff();
            if (percent.signum() == 0) {
                numerator = gross;
                denominator = 1;
            } else {
                // Discount strips trailing zeros, so 10% is 1E+1 (scale -1).
                int scale = percent.scale();
                if (scale < -2 || scale > 6) {
                    return NONE;
                }
                long points = percent.unscaledValue().longValue();
                if (scale < 0) {
                    points *= POWERS[-scale];
                    scale = 0;
                }
                long hundred = 100 * POWERS[scale];
                long kept = hundred - points;
                numerator = multiply(gross, kept);
                if (numerator == NONE) {
                    return NONE;
                }
                denominator = hundred;
            }
        }
        denominator *= charge.interval().months();
        long quotient = numerator / denominator;
        long remainder = numerator % denominator;
        if (remainder == 0) {
            return quotient;
        }
        if (charge.interval().months() == 1) {
            return NONE; // a monthly amount beyond 12 places: mrr() keeps it exact, which units cannot
        }
        long twice = remainder * 2;
        return twice > denominator || (twice == denominator && (quotient & 1) == 1) ? quotient + 1 : quotient;
    }

    /** Returns {@code a * b} for non-negative operands, or {@link #NONE} if it overflows. */
    private static long multiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? NONE : lo;
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
