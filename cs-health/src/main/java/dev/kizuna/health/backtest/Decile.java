package dev.kizuna.health.backtest;

/**
 * One tenth of the observations by risk, riskiest first: decile 1 holds the tenth with the lowest health. Ties are
 * shared between neighbouring deciles in proportion, as if broken at random, so counts may be fractional and every
 * decile holds exactly a tenth. Immutable and thread-safe.
 *
 * @param decile            1 to 10, 1 the riskiest
 * @param observations      the observations in the decile
 * @param events            the events (churners) among them
 * @param eventRate         {@code events / observations}
 * @param meanPredictedRisk the mean of {@code 1 - health / 100}: what the score predicts, if read as a probability
 * @param lowestScore       the lowest health in the decile
 * @param highestScore      the highest health in the decile
 */
public record Decile(int decile, double observations, double events, double eventRate, double meanPredictedRisk,
                     double lowestScore, double highestScore) {
}
