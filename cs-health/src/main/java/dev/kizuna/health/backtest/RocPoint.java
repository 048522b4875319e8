package dev.kizuna.health.backtest;

/**
 * One point of a ROC curve: flagging every observation whose risk is at or above {@code threshold} catches the share
 * {@code truePositiveRate} of the events and wrongly flags the share {@code falsePositiveRate} of the non-events.
 * Immutable and thread-safe.
 *
 * @param threshold         the lowest risk flagged; {@code +Infinity} for the first point, which flags nothing
 * @param falsePositiveRate flagged non-events / non-events, from 0 to 1
 * @param truePositiveRate  flagged events / events (the recall), from 0 to 1
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {

    /** Validates the rates. */
    public RocPoint {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold: NaN must be a number");
        }
        if (!(falsePositiveRate >= 0 && falsePositiveRate <= 1)) {
            throw new IllegalArgumentException("falsePositiveRate: " + falsePositiveRate + " must be from 0 to 1");
        }
        if (!(truePositiveRate >= 0 && truePositiveRate <= 1)) {
            throw new IllegalArgumentException("truePositiveRate: " + truePositiveRate + " must be from 0 to 1");
        }
    }
}
