package dev.kizuna.core.plan;

import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact between the vendor and the customer: a call, an e-mail, a meeting, a training, a survey or an
 * executive business review, on a date.
 *
 * @param channel how the contact was made
 * @param date    the day it took place, within {@link Dates the supported range}
 * @param note    what was said or agreed, if recorded; non-blank when present
 */
public record Touchpoint(TouchpointChannel channel, LocalDate date, Optional<String> note) {

    /** Validates every part. */
    public Touchpoint {
        Objects.requireNonNull(channel, "touchpoint.channel");
        Dates.check("touchpoint.date", date);
        Objects.requireNonNull(note, "touchpoint.note");
        note.ifPresent(n -> Checks.nonBlank(n, "touchpoint.note"));
    }

    /** Returns a touchpoint without a note. */
    public static Touchpoint of(TouchpointChannel channel, LocalDate date) {
        return new Touchpoint(channel, date, Optional.empty());
    }

    /** Returns a touchpoint with a note. */
    public static Touchpoint of(TouchpointChannel channel, LocalDate date, String note) {
        return new Touchpoint(channel, date, Optional.of(Objects.requireNonNull(note, "touchpoint.note")));
    }
}
