package dev.kizuna.metrics.engagement;

import dev.kizuna.core.journey.JourneyHistory;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.journey.StageEntry;
import dev.kizuna.metrics.Ratio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Journey metrics over many accounts' {@link JourneyHistory}: time spent in a stage and conversion from one stage to a
 * later one.
 * <pre>
 * time in stage (account) = total time over every visit to the stage, an open visit counting up to now
 * conversion(from, to)    = accounts that reached 'to' or a later stage after first entering 'from'
 *                           / accounts that entered 'from'
 * </pre>
 * Skipping a stage (consideration straight to retention) still counts as reaching it; moving back is allowed by
 * {@link JourneyHistory} and does not undo a conversion.
 */
public final class StageMetrics {
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal NINETY = new BigDecimal("0.9");
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    private StageMetrics() {
    }

    /**
     * The time accounts spent in one stage.
     *
     * @param stage        the stage
     * @param durations    each entering account's total time in the stage up to now, in input order
     * @param ongoing      of those, accounts still in the stage now (their time is still growing)
     * @param neverEntered accounts that had not entered the stage by now
     */
    public record TimeInStage(JourneyStage stage, List<Duration> durations, long ongoing, long neverEntered) {
        /** Validates and copies the parts. */
        public TimeInStage {
            Objects.requireNonNull(stage, "stage");
            durations = List.copyOf(durations);
            if (ongoing < 0 || ongoing > durations.size() || neverEntered < 0) {
                throw new IllegalArgumentException("ongoing " + ongoing + " must be from 0 to " + durations.size()
                        + " and neverEntered " + neverEntered + " >= 0");
            }
        }

        /** Returns the median time in the stage, or empty if no account entered it. */
        public Optional<Duration> median() {
            return percentile(HALF);
        }

        /** Returns the 90th percentile of time in the stage, or empty if no account entered it. */
        public Optional<Duration> p90() {
            return percentile(NINETY);
        }

        /** Returns the mean time in the stage, rounded down to the nanosecond, or empty if no account entered it. */
        public Optional<Duration> mean() {
            if (durations.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal total = BigDecimal.ZERO;
            for (Duration d : durations) {
                total = total.add(nanos(d));
            }
            return Optional.of(duration(total.divide(BigDecimal.valueOf(durations.size()), 0, RoundingMode.FLOOR)));
        }

        private Optional<Duration> percentile(BigDecimal p) {
            long[] values = durations.stream().mapToLong(d -> d.toSeconds()).toArray();
            boolean wholeSeconds = durations.stream().allMatch(d -> d.getNano() == 0);
            if (!wholeSeconds) {
                values = durations.stream().mapToLong(Duration::toNanos).toArray();
            }
            Optional<BigDecimal> value = Percentiles.of(values, p);
            return value.map(v -> duration(wholeSeconds ? v.multiply(NANOS) : v));
        }
    }

    /**
     * Conversion from one stage to a later one.
     *
     * @param from      the stage converted from
     * @param to        the stage converted to, after {@code from}
     * @param entered   accounts that entered {@code from}
     * @param converted of those, accounts that reached {@code to} or a later stage afterwards
     */
    public record StageConversion(JourneyStage from, JourneyStage to, long entered, long converted) {
        /** Validates the parts. */
        public StageConversion {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("to: " + to + " must come after from " + from);
            }
            if (converted < 0 || converted > entered) {
                throw new IllegalArgumentException("converted: " + converted + " must be from 0 to entered " + entered);
            }
        }

        /** Returns {@code converted / entered}, or empty when no account entered {@code from}. */
        public Optional<Ratio> rate() {
            return Ratio.of(converted, entered);
        }
    }

    /** Returns the time the accounts spent in {@code stage} up to {@code now}. */
    public static TimeInStage timeInStage(Collection<JourneyHistory> histories, JourneyStage stage, Instant now) {
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(now, "now");
        List<Duration> durations = new ArrayList<>();
        long ongoing = 0;
        long never = 0;
        for (JourneyHistory h : histories) {
            Objects.requireNonNull(h, "histories: null history");
            Optional<Instant> first = h.firstEntered(stage);
            if (first.isEmpty() || first.get().isAfter(now)) {
                never++;
                continue;
            }
            durations.add(h.timeIn(stage, now));
            if (h.stageAt(now).orElse(null) == stage) {
                ongoing++;
            }
        }
        return new TimeInStage(stage, durations, ongoing, never);
    }

    /** Returns the conversion from {@code from} to {@code to} (or beyond) over the accounts' whole histories. */
    public static StageConversion conversion(Collection<JourneyHistory> histories, JourneyStage from, JourneyStage to) {
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to: " + to + " must come after from " + from);
        }
        long entered = 0;
        long converted = 0;
        for (JourneyHistory h : histories) {
            Objects.requireNonNull(h, "histories: null history");
            Optional<Instant> first = h.firstEntered(from);
            if (first.isEmpty()) {
                continue;
            }
            entered++;
            for (StageEntry e : h.entries()) {
                if (e.enteredAt().isAfter(first.get()) && (e.stage() == to || e.stage().isAfter(to))) {
                    converted++;
                    break;
                }
            }
        }
        return new StageConversion(from, to, entered, converted);
    }

    /** Returns the conversion between each pair of consecutive stages, in journey order. */
    public static List<StageConversion> funnel(Collection<JourneyHistory> histories) {
        JourneyStage[] stages = JourneyStage.values();
        List<StageConversion> funnel = new ArrayList<>();
        for (int i = 0; i + 1 < stages.length; i++) {
            funnel.add(conversion(histories, stages[i], stages[i + 1]));
        }
        return List.copyOf(funnel);
    }

    private static BigDecimal nanos(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).multiply(NANOS).add(BigDecimal.valueOf(d.getNano()));
    }

    private static Duration duration(BigDecimal nanos) {
        BigDecimal whole = nanos.setScale(0, RoundingMode.FLOOR);
        BigDecimal[] parts = whole.divideAndRemainder(NANOS);
        return Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValueExact());
    }
}
