package dev.kizuna.playbooks.evaluation;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.plan.CsRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of evaluating a rule set for one account: the recommended actions, the rules that fired (or matched a
 * held-out account), what was suppressed and why, and, when asked for, the full {@link Trace}. Immutable.
 *
 * @param account      the account
 * @param at           the evaluation's instant (the context's {@code now})
 * @param dryRun       whether this was a dry run (then it must not be recorded)
 * @param actions      the recommended actions, in rule order, then action order
 * @param firings      the rules that fired, in rule order; held-out ones are flagged
 * @param suppressions what matched but was held back, with reasons
 * @param trace        the trace, when the evaluation was asked for one
 */
public record Evaluation(AccountId account, Instant at, boolean dryRun, List<RecommendedAction> actions,
                         List<RuleFiring> firings, List<Suppression> suppressions, Optional<Trace> trace) {

    /** Validates and copies the parts. */
    public Evaluation {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        actions = List.copyOf(actions);
        firings = List.copyOf(firings);
        suppressions = List.copyOf(suppressions);
        Objects.requireNonNull(trace, "trace");
    }

    /** Returns whether nothing fired and nothing was suppressed. */
    public boolean isEmpty() {
        return actions.isEmpty() && firings.isEmpty() && suppressions.isEmpty();
    }

    /** Returns this evaluation marked as a dry run, or not. */
    public Evaluation asDryRun(boolean dry) {
        return dry == dryRun ? this : new Evaluation(account, at, dry, actions, firings, suppressions, trace);
    }

    /** Returns the recommended actions grouped by owner role, in the roles' declaration order. */
    public SortedMap<CsRole, List<RecommendedAction>> actionsByOwner() {
        return byOwner(actions);
    }

    /** Returns the firings of held-out accounts: matches recorded as held out, not acted on. */
    public List<RuleFiring> heldOut() {
        List<RuleFiring> out = new ArrayList<>();
        for (RuleFiring f : firings) {
            if (f.heldOut()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Returns the given actions grouped by owner role, in the roles' declaration order; lists keep their order. */
    public static SortedMap<CsRole, List<RecommendedAction>> byOwner(List<RecommendedAction> actions) {
        Map<CsRole, List<RecommendedAction>> grouped = new EnumMap<>(CsRole.class);
        for (RecommendedAction a : actions) {
            grouped.computeIfAbsent(a.action().owner(), r -> new ArrayList<>()).add(a);
        }
        TreeMap<CsRole, List<RecommendedAction>> out = new TreeMap<>();
        grouped.forEach((role, list) -> out.put(role, List.copyOf(list)));
        return Collections.unmodifiableSortedMap(out);
    }
}
