/**
 * The customer journey: {@link dev.kizuna.core.journey.JourneyStage} and the time-stamped
 * {@link dev.kizuna.core.journey.JourneyHistory} from which the current stage and the time in a stage are derived.
 */
@NullMarked
package dev.kizuna.core.journey;

import org.jspecify.annotations.NullMarked;
