/**
 * Voice-of-the-customer metrics: {@link dev.kizuna.metrics.voc.Nps} with its margin of error,
 * {@link dev.kizuna.metrics.voc.Csat} on a configurable scale and top box, {@link dev.kizuna.metrics.voc.Ces} (mean
 * and share agreeing) and {@link dev.kizuna.metrics.voc.ResponseRate}.
 *
 * <p>The calculators take plain scores ({@code int[]} or {@link java.util.stream.IntStream}), so that any survey
 * source can feed them; a score off the scale is rejected with its position and value. A metric of no responses is
 * {@link java.util.Optional#empty()}.
 */
@NullMarked
package dev.kizuna.metrics.voc;

import org.jspecify.annotations.NullMarked;
