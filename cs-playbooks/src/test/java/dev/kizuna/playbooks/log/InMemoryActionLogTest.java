package dev.kizuna.playbooks.log;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The in-memory log passes the compatibility kit, and prunes on request. */
class InMemoryActionLogTest extends ActionLogCompatibilityKit {

    @Override
    protected ActionLog newLog() {
        return new InMemoryActionLog();
    }

    @Test
    void pruningForgetsOldFiringsAndContactsButKeepsOpenActions() {
        InMemoryActionLog log = new InMemoryActionLog();
        log.record(fired(A, T0, "p", "r", false, dev.kizuna.playbooks.evaluation.RecommendedAction.Disposition.NEW,
                email("x")));
        log.record(fired(A, T0.plus(Duration.ofDays(10)), "p", "q", false,
                dev.kizuna.playbooks.evaluation.RecommendedAction.Disposition.NEW, email("y")));
        log.prune(T0.plus(Duration.ofDays(1)));
        AccountHistory h = log.history(A);
        assertEquals(1, h.firings().size());
        assertEquals(1, h.contacts().size());
        assertEquals(2, h.open().size());
    }
}
