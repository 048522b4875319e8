package dev.kizuna.metrics.engagement;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * Percentiles by linear interpolation between closest ranks: position {@code h = (n - 1) p} in the sorted values,
 * {@code x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}. This is Hyndman and Fan's type 7, the default of R,
 * NumPy and Excel's {@code PERCENTILE.INC}; its median is the usual median.
 */
final class Percentiles {
    private Percentiles() {
    }

    /** Returns the {@code p}-th percentile (p from 0 to 1) of {@code values}, exact, or empty when there are none. */
    static Optional<BigDecimal> of(long[] values, BigDecimal p) {
        if (values.length == 0) {
            return Optional.empty();
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        BigDecimal h = BigDecimal.valueOf(sorted.length - 1L).multiply(p);
        int lo = h.intValue();
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(lo));
        BigDecimal low = BigDecimal.valueOf(sorted[lo]);
        if (fraction.signum() == 0 || lo + 1 >= sorted.length) {
            return Optional.of(low);
        }
        BigDecimal high = BigDecimal.valueOf(sorted[lo + 1]);
        BigDecimal value = low.add(fraction.multiply(high.subtract(low)));
        return Optional.of(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros().scale() < 0
                ? value.setScale(0) : value.stripTrailingZeros());
    }
}
