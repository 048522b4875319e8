package dev.kizuna.playbooks.evaluation;

import dev.kizuna.core.AccountId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an evaluation recommended what it did: for every rule, in evaluation order, whether it matched and what
 * happened, and for every condition its actual value against its threshold; and every suppressed action with its
 * reason. Immutable.
 *
 * @param account     the account
 * @param at          the evaluation's instant
 * @param rules       one entry per rule, in evaluation order (priority, then playbook id, then rule id)
 * @param suppressions the suppressed rules and actions, with reasons
 */
public record Trace(AccountId account, Instant at, List<RuleTrace> rules, List<Suppression> suppressions) {

    /** Validates and copies the parts. */
    public Trace {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        rules = List.copyOf(rules);
        suppressions = List.copyOf(suppressions);
    }

    /** Returns the trace of the given rule, if it is in the rule set. */
    public Optional<RuleTrace> rule(String playbook, String rule) {
        for (RuleTrace r : rules) {
            if (r.playbook().equals(playbook) && r.rule().equals(rule)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the trace as text, one rule after another, such as:
     * <pre>
     * risk-red/escalate (priority 100, EDGE): FIRED
     *   now:
     *     [x] health_band in [red]: actual red, expected in [red]
     *   before:
     *     [ ] health_band in [red]: actual yellow, expected in [red]
     * </pre>
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("account ").append(account).append(" at ").append(at).append('\n');
        for (RuleTrace r : rules) {
            out.append(r.playbook()).append('/').append(r.rule()).append(" (priority ").append(r.priority())
                    .append(", ").append(r.trigger()).append("): ").append(r.status());
            if (!r.detail().isEmpty()) {
                out.append(" - ").append(r.detail());
            }
            out.append('\n');
            if (r.now().isPresent()) {
                out.append("  now:\n");
                r.now().get().appendTo(out, "    ");
            }
            if (r.previous().isPresent()) {
                out.append("  before:\n");
                r.previous().get().appendTo(out, "    ");
            }
        }
        for (Suppression s : suppressions) {
            out.append("suppressed ").append(s.playbook()).append('/').append(s.rule());
            s.action().ifPresent(a -> out.append(' ').append(a.kind()).append(' ').append(a.template()));
            out.append(": ").append(s.reason()).append(" - ").append(s.detail()).append('\n');
        }
        return out.toString();
    }
}
