package dev.kizuna.playbooks.log;

import dev.kizuna.core.AccountId;
import dev.kizuna.playbooks.evaluation.Evaluation;

/**
 * Where the engine keeps, between evaluations, what it recommended: the state behind cooldowns, firing limits,
 * sequence steps, dedupe keys and one voice per customer. Kizuna ships {@link InMemoryActionLog}; a host implements
 * this interface on its own database.
 *
 * <p><b>The contract</b>, which {@code ActionLogCompatibilityKit} (in cs-playbooks' test-jar) checks for any
 * implementation:
 * <ol>
 *   <li>{@link #history} of an account never recorded is {@linkplain AccountHistory#isEmpty() empty}.</li>
 *   <li>After {@link #record}, {@link #history} equals the history before it {@linkplain AccountHistory#plus plus}
 *       the evaluation: every firing is kept with the evaluation's instant and its held-out flag; every new action
 *       is open under its dedupe key and, if customer-facing, counted as a contact at that instant; an update
 *       refreshes the open action. Lists come back in the documented order (oldest first; open actions by key).</li>
 *   <li>{@link #record} rejects a {@linkplain Evaluation#dryRun() dry run} with an
 *       {@link IllegalArgumentException} and records nothing.</li>
 *   <li>{@link #close} removes an open action, so that the next recommendation of that key is new again; it returns
 *       whether the key was open. Closing does not erase firings or contacts.</li>
 *   <li>Accounts are independent: recording or closing for one account never changes another's history.</li>
 *   <li>Recording is atomic per evaluation and the log is thread-safe: concurrent records, for the same account or
 *       different ones, lose nothing, and {@link #history} never shows half an evaluation.</li>
 * </ol>
 * An implementation may forget firings and contacts older than the longest cooldown or window its rule sets use.
 *
 * <p>Concurrency note: the engine reads the history, evaluates, then records. Two evaluations of the <em>same</em>
 * account running at once may both read the state before either recorded; evaluate each account from one thread at a
 * time (a portfolio sweep does) when the caps must hold exactly.
 */
public interface ActionLog {

    /** Returns what is known of {@code account}: its firings, open actions and contacts. */
    AccountHistory history(AccountId account);

    /**
     * Records an evaluation's firings and actions, atomically.
     *
     * @throws IllegalArgumentException if the evaluation is a dry run
     */
    void record(Evaluation evaluation);

    /**
     * Closes the open action of {@code dedupeKey} for {@code account}: the host has executed or dismissed it.
     *
     * @return whether an action of that key was open
     */
    boolean close(AccountId account, String dedupeKey);
}
