package dev.kizuna.core.journey;

import dev.kizuna.core.Dates;

import java.time.Instant;
import java.util.Objects;

/**
 * The moment an account entered a journey stage.
 *
 * @param stage     the stage entered
 * @param enteredAt when it was entered, within {@link Dates the supported range}
 */
public record StageEntry(JourneyStage stage, Instant enteredAt) {

    /** Validates both parts. */
    public StageEntry {
        Objects.requireNonNull(stage, "stage");
        Dates.check("enteredAt", enteredAt);
    }

    /** Returns the entry of {@code stage} at {@code enteredAt}. */
    public static StageEntry of(JourneyStage stage, Instant enteredAt) {
        return new StageEntry(stage, enteredAt);
    }
}
