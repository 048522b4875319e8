package dev.kizuna.playbooks.log;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.playbooks.Action;
import dev.kizuna.playbooks.ActionKind;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;
import dev.kizuna.playbooks.evaluation.RuleFiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link ActionLog}, for any implementation: extend this class, return a new, empty log from
 * {@link #newLog()}, and every rule of the contract is tested.
 *
 * <pre>{@code
 * class JdbcActionLogTest extends ActionLogCompatibilityKit {
 *     @Override
 *     protected ActionLog newLog() {
 *         return new JdbcActionLog(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * Shipped in cs-playbooks' test-jar ({@code <type>test-jar</type>}).
 */
public abstract class ActionLogCompatibilityKit {
    protected static final AccountId A = AccountId.of("acc-a");
    protected static final AccountId B = AccountId.of("acc-b");
    protected static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private ActionLog log;

    /** Returns a new, empty log. */
    protected abstract ActionLog newLog();

    @BeforeEach
    void createLog() {
        log = newLog();
    }

    /** Returns the log under test. */
    protected ActionLog log() {
        return log;
    }

    protected static Action email(String template) {
        return Action.of(ActionKind.CUSTOMER_MESSAGE, CsRole.CUSTOMER_SUCCESS_MANAGER, template);
    }

    protected static Action task(String template) {
        return Action.of(ActionKind.TASK, CsRole.CUSTOMER_SUCCESS_MANAGER, template);
    }

    /** An evaluation of {@code account} at {@code at} in which rule {@code rule} of playbook {@code pb} fired. */
    protected static Evaluation fired(AccountId account, Instant at, String pb, String rule, boolean heldOut,
                                      RecommendedAction.Disposition disposition, Action... actions) {
        List<RecommendedAction> out = new ArrayList<>();
        for (Action a : actions) {
            out.add(new RecommendedAction(pb, rule, a, at.plus(a.dueIn()), a.dedupeKeyIn(pb, rule), disposition));
        }
        return new Evaluation(account, at, false, heldOut ? List.of() : out,
                List.of(new RuleFiring(pb, rule, 0, heldOut)), List.of(), Optional.empty());
    }

    @Test
    void anAccountNeverRecordedHasAnEmptyHistory() {
        AccountHistory h = log.history(A);
        assertTrue(h.isEmpty());
        assertEquals(A, h.account());
    }

    @Test
    void aRecordedFiringIsKeptWithItsInstantAndHeldOutFlag() {
        log.record(fired(A, T0, "risk", "red", false, RecommendedAction.Disposition.NEW, task("call")));
        log.record(fired(A, T0.plusSeconds(60), "adoption", "nudge", true, RecommendedAction.Disposition.NEW,
                email("tips")));
        AccountHistory h = log.history(A);
        assertEquals(List.of(new Firing("risk", "red", T0, false), new Firing("adoption", "nudge",
                T0.plusSeconds(60), true)), h.firings());
        assertEquals(Optional.of(T0), h.lastFiring("risk", "red"));
        assertEquals(1, h.firingsAfter("risk", "red", T0.minusSeconds(1)));
        assertEquals(0, h.firingsAfter("risk", "red", T0));
    }

    @Test
    void aNewActionIsOpenUnderItsDedupeKeyAndACustomerFacingOneIsAContact() {
        log.record(fired(A, T0, "renewal", "r60", false, RecommendedAction.Disposition.NEW, email("summary"),
                task("prepare").withDueIn(Duration.ofDays(3))));
        AccountHistory h = log.history(A);
        assertEquals(2, h.open().size());
        OpenAction prepare = h.open("renewal/r60/prepare").orElseThrow();
        assertEquals(T0, prepare.openedAt());
        assertEquals(T0.plus(Duration.ofDays(3)), prepare.dueAt());
        assertFalse(prepare.customerFacing());
        assertTrue(h.open("renewal/r60/summary").orElseThrow().customerFacing());
        assertEquals(List.of(T0), h.contacts());
        assertEquals(1, h.contactsAfter(T0.minusSeconds(1)));
    }

    @Test
    void anUpdateRefreshesTheOpenActionAndIsNotAContact() {
        log.record(fired(A, T0, "renewal", "r60", false, RecommendedAction.Disposition.NEW, email("summary")));
        Instant later = T0.plus(Duration.ofDays(8));
        log.record(fired(A, later, "renewal", "r60", false, RecommendedAction.Disposition.UPDATE, email("summary")));
        AccountHistory h = log.history(A);
        assertEquals(1, h.open().size());
        assertEquals(T0, h.open().get(0).openedAt());
        assertEquals(later, h.open().get(0).updatedAt());
        assertEquals(List.of(T0), h.contacts());
        assertEquals(2, h.firings().size());
    }

    @Test
    void aDryRunIsRejectedAndNothingIsRecorded() {
        Evaluation dry = fired(A, T0, "risk", "red", false, RecommendedAction.Disposition.NEW, task("call"))
                .asDryRun(true);
        assertThrows(IllegalArgumentException.class, () -> log.record(dry));
        assertTrue(log.history(A).isEmpty());
    }

    @Test
    void closingAnActionMakesTheNextOneNewAndKeepsTheFiringsAndContacts() {
        log.record(fired(A, T0, "renewal", "r60", false, RecommendedAction.Disposition.NEW, email("summary")));
        assertTrue(log.close(A, "renewal/r60/summary"));
        assertFalse(log.close(A, "renewal/r60/summary"));
        assertFalse(log.close(B, "renewal/r60/summary"));
        AccountHistory h = log.history(A);
        assertTrue(h.open().isEmpty());
        assertEquals(1, h.firings().size());
        assertEquals(1, h.contacts().size());
    }

    @Test
    void accountsAreIndependent() {
        log.record(fired(A, T0, "risk", "red", false, RecommendedAction.Disposition.NEW, task("call")));
        assertTrue(log.history(B).isEmpty());
        log.close(B, "risk/red/call");
        assertEquals(1, log.history(A).open().size());
    }

    @Test
    void historiesComeBackInTimeOrderWhateverTheRecordingOrder() {
        log.record(fired(A, T0.plusSeconds(120), "p", "r", false, RecommendedAction.Disposition.NEW, email("x")));
        log.record(fired(A, T0, "p", "r", false, RecommendedAction.Disposition.NEW, email("y")));
        AccountHistory h = log.history(A);
        assertEquals(T0, h.firings().get(0).at());
        assertEquals(List.of(T0, T0.plusSeconds(120)), h.contacts());
    }

    @Test
    void concurrentRecordsLoseNothing() throws Exception {
        int threads = 4;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    AccountId account = i % 2 == 0 ? A : B;
                    log.record(fired(account, T0.plusSeconds(thread * 10_000L + i), "p" + thread, "r", false,
                            RecommendedAction.Disposition.NEW, email("m" + i)));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int total = log.history(A).firings().size() + log.history(B).firings().size();
        assertEquals(threads * perThread, total);
        assertEquals(threads * perThread / 2, log.history(A).contacts().size());
        assertEquals(threads * perThread / 2, log.history(A).firings().size());
    }
}
