/**
 * Scoring a whole customer base at memory speed: a columnar {@link dev.kizuna.health.batch.SignalFrame} (one
 * {@code double[]} per signal, NaN for "no value") scored into caller-supplied arrays by a
 * {@link dev.kizuna.health.batch.BatchScorer}, serially or in parallel, with failures isolated per row.
 *
 * <p>Every model can be scored in batch. The built-in scorecard and logistic models implement
 * {@link dev.kizuna.health.batch.BatchHealthModel} with an allocation-free path over the columns; any other model
 * is scored through its object path, one {@link dev.kizuna.core.signal.SignalSnapshot} per row, and a third-party
 * model may implement {@code BatchHealthModel} to do better. Either way the values and bands are bit for bit those
 * that {@link dev.kizuna.health.HealthModel#score} gives for the row's snapshot.
 */
@NullMarked
package dev.kizuna.health.batch;

import org.jspecify.annotations.NullMarked;
