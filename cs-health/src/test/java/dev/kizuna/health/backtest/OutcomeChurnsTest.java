package dev.kizuna.health.backtest;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.health.outcome.Outcome;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Outcome#churnsOf}: an account churns when its last subscription ends, and can churn again after a return. */
class OutcomeChurnsTest {
    private static final AccountId A = AccountId.of("a");
    private static final AccountId B = AccountId.of("b");
    private static final RecurringCharge CHARGE = RecurringCharge.monthly("pro", Money.of("100", "USD"), 1);

    private static List<SubscriptionEvent> history() {
        return List.of(
                SubscriptionEvent.start(A, "a1", LocalDate.of(2025, 1, 1), CHARGE),
                SubscriptionEvent.start(A, "a2", LocalDate.of(2025, 2, 1), CHARGE),
                SubscriptionEvent.end(A, "a1", LocalDate.of(2025, 3, 1)),          // a2 still runs: no churn
                SubscriptionEvent.cancel(A, "a2", LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 1)),
                SubscriptionEvent.start(A, "a3", LocalDate.of(2025, 6, 1), CHARGE), // back again
                SubscriptionEvent.end(A, "a3", LocalDate.of(2025, 9, 1)),
                SubscriptionEvent.end(B, "never-started", LocalDate.of(2025, 5, 1)),
                SubscriptionEvent.start(B, "b1", LocalDate.of(2025, 5, 1), CHARGE));
    }

    @Test
    void anAccountChurnsWhenItsLastSubscriptionEndsAndAgainAfterAReturn() {
        assertEquals(List.of(Outcome.churned(A, LocalDate.of(2025, 4, 1)), Outcome.churned(A, LocalDate.of(2025, 9, 1))),
                Outcome.churnsOf(history()));
    }

    @Test
    void noEventsMeansNoChurn() {
        assertEquals(List.of(), Outcome.churnsOf(List.of()));
    }

    @Property(tries = 50)
    void theOrderOfTheEventsDoesNotMatter(@ForAll long seed) {
        List<SubscriptionEvent> shuffled = new ArrayList<>(history());
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(Outcome.churnsOf(history()), Outcome.churnsOf(shuffled));
    }
}
