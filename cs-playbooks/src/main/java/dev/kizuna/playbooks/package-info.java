/**
 * Playbooks and the engine that runs them: {@link dev.kizuna.playbooks.Condition}s over an
 * {@link dev.kizuna.playbooks.engine.EvaluationContext}, {@link dev.kizuna.playbooks.Trigger}s, owned
 * {@link dev.kizuna.playbooks.Action}s, {@link dev.kizuna.playbooks.Rule}s, {@link dev.kizuna.playbooks.Playbook}s
 * and {@link dev.kizuna.playbooks.RuleSet}s, compiled by {@link dev.kizuna.playbooks.RuleSet#compile()} and run by a
 * {@link dev.kizuna.playbooks.engine.PlaybookEngine}.
 *
 * <p>Kizuna decides which plays fire for which accounts and says why; the host executes the actions.
 */
@NullMarked
package dev.kizuna.playbooks;

import org.jspecify.annotations.NullMarked;
