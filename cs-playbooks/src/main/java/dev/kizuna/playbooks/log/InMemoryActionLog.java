package dev.kizuna.playbooks.log;

import dev.kizuna.core.AccountId;
import dev.kizuna.playbooks.evaluation.Evaluation;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link ActionLog}: an immutable {@link AccountHistory} per account in a concurrent map, replaced
 * atomically on every record. Thread-safe. Its state lives as long as the object: a host that needs state across
 * restarts implements {@link ActionLog} on its database.
 */
public final class InMemoryActionLog implements ActionLog {
    private final ConcurrentMap<AccountId, AccountHistory> histories = new ConcurrentHashMap<>();

    /** Creates an empty log. */
    public InMemoryActionLog() {
    }

    @Override
    public AccountHistory history(AccountId account) {
        Objects.requireNonNull(account, "account");
        AccountHistory h = histories.get(account);
        return h == null ? AccountHistory.empty(account) : h;
    }

    @Override
    public void record(Evaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        if (evaluation.dryRun()) {
            throw new IllegalArgumentException("evaluation: a dry run of " + evaluation.account()
                    + " must not be recorded");
        }
        if (evaluation.firings().isEmpty() && evaluation.actions().isEmpty()) {
            return;
        }
        histories.compute(evaluation.account(),
                (id, old) -> (old == null ? AccountHistory.empty(id) : old).plus(evaluation));
    }

    @Override
    public boolean close(AccountId account, String dedupeKey) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        boolean[] closed = new boolean[1];
        histories.computeIfPresent(account, (id, old) -> {
            AccountHistory after = old.close(dedupeKey);
            closed[0] = after != old;
            return after;
        });
        return closed[0];
    }

    /** Forgets firings and contacts at or before {@code before}, for every account; open actions stay. */
    public void prune(Instant before) {
        Objects.requireNonNull(before, "before");
        histories.replaceAll((id, h) -> h.prune(before));
    }

    /** Returns the number of accounts with a history. */
    public int size() {
        return histories.size();
    }
}
