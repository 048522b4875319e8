package dev.kizuna.core.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's journey: the stages it entered, oldest first. The current stage, the time spent in each stage and
 * the stage at any instant are derived from it.
 *
 * <p>The rules, checked when the history is built and when an entry is appended:
 * <ul>
 *   <li>there is at least one entry;</li>
 *   <li>entries are in strictly increasing time ({@code out of order} otherwise);</li>
 *   <li>an entry never repeats the stage the account is already in ({@code duplicate} otherwise).</li>
 * </ul>
 * Moving back to an earlier stage is allowed: an advocate whose usage lapses returns to retention work.
 *
 * @param entries the stage entries, oldest first
 */
public record JourneyHistory(List<StageEntry> entries) {

    /** Validates the entries and copies them. */
    public JourneyHistory {
        Objects.requireNonNull(entries, "entries");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("entries: a journey history needs at least one stage entry");
        }
        for (int i = 1; i < entries.size(); i++) {
            checkAppend(entries.get(i - 1), entries.get(i), "entries[" + i + "]");
        }
    }

    /** Returns a history that starts with the account entering {@code stage} at {@code enteredAt}. */
    public static JourneyHistory startingAt(JourneyStage stage, Instant enteredAt) {
        return new JourneyHistory(List.of(StageEntry.of(stage, enteredAt)));
    }

    /** Returns the history of the given entries, oldest first. */
    public static JourneyHistory of(List<StageEntry> entries) {
        return new JourneyHistory(entries);
    }

    /**
     * Returns this history with the account entering {@code stage} at {@code enteredAt}.
     *
     * @throws IllegalArgumentException if {@code enteredAt} is not after the latest entry, or the account is
     *                                  already in {@code stage}
     */
    public JourneyHistory enter(JourneyStage stage, Instant enteredAt) {
        StageEntry next = StageEntry.of(stage, enteredAt);
        checkAppend(current(), next, "entries[" + entries.size() + "]");
        List<StageEntry> appended = new ArrayList<>(entries.size() + 1);
        appended.addAll(entries);
        appended.add(next);
        return new JourneyHistory(appended);
    }

    /** Returns the latest entry. */
    public StageEntry current() {
        return entries.get(entries.size() - 1);
    }

    /** Returns the stage the account is in now. */
    public JourneyStage currentStage() {
        return current().stage();
    }

    /** Returns the stage the account was in at {@code instant}, or empty before its first entry. */
    public Optional<JourneyStage> stageAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        JourneyStage found = null;
        for (StageEntry entry : entries) {
            if (entry.enteredAt().isAfter(instant)) {
                break;
            }
            found = entry.stage();
        }
        return Optional.ofNullable(found);
    }

    /** Returns when the account first entered {@code stage}, or empty if it never did. */
    public Optional<Instant> firstEntered(JourneyStage stage) {
        Objects.requireNonNull(stage, "stage");
        return entries.stream().filter(e -> e.stage() == stage).map(StageEntry::enteredAt).findFirst();
    }

    /**
     * Returns the total time the account spent in {@code stage} up to {@code now}, over every visit; a visit still
     * open counts up to {@code now}. Time after {@code now} is not counted.
     */
    public Duration timeIn(JourneyStage stage, Instant now) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(now, "now");
        Duration total = Duration.ZERO;
        for (int i = 0; i < entries.size(); i++) {
            StageEntry entry = entries.get(i);
            if (entry.stage() != stage || !entry.enteredAt().isBefore(now)) {
                continue;
            }
            Instant left = i + 1 < entries.size() ? entries.get(i + 1).enteredAt() : now;
            if (left.isAfter(now)) {
                left = now;
            }
            total = total.plus(Duration.between(entry.enteredAt(), left));
        }
        return total;
    }

    /** Returns the time since the account entered its current stage, or zero if {@code now} is before that. */
    public Duration timeInCurrentStage(Instant now) {
        Objects.requireNonNull(now, "now");
        Duration d = Duration.between(current().enteredAt(), now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static void checkAppend(StageEntry previous, StageEntry next, String field) {
        if (!next.enteredAt().isAfter(previous.enteredAt())) {
            throw new IllegalArgumentException(field + ".enteredAt: " + next.enteredAt()
                    + " is out of order: it must be after the previous entry's " + previous.enteredAt());
        }
        if (next.stage() == previous.stage()) {
            throw new IllegalArgumentException(field + ".stage: " + next.stage()
                    + " is a duplicate: the account is already in that stage since " + previous.enteredAt());
        }
    }
}
