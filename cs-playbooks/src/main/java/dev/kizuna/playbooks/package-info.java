/**
 * The playbook model: typed {@link dev.kizuna.playbooks.Condition}s over an account's
 * {@linkplain dev.kizuna.playbooks.Fact facts}, tested by {@link dev.kizuna.playbooks.Criterion}s;
 * {@link dev.kizuna.playbooks.Trigger}s; owned {@link dev.kizuna.playbooks.Action}s;
 * {@link dev.kizuna.playbooks.Rule}s, {@link dev.kizuna.playbooks.Playbook}s and {@link dev.kizuna.playbooks.RuleSet}s.
 * Immutable data, with no engine in it.
 *
 * <p>The rest of the module, by what it holds: {@link dev.kizuna.playbooks.engine} compiles a rule set and runs it
 * against accounts' facts; {@link dev.kizuna.playbooks.evaluation} holds what an evaluation produces (recommended
 * actions, firings, suppressions, the trace); {@link dev.kizuna.playbooks.log} records it; {@link
 * dev.kizuna.playbooks.control} holds control groups and uplift; {@link dev.kizuna.playbooks.definition} reads
 * playbooks from JSON or YAML; {@link dev.kizuna.playbooks.json} writes evaluations as JSON; and
 * {@link dev.kizuna.playbooks.starter} holds the starter playbooks.
 *
 * <p>Kizuna decides which plays fire for which accounts and says why; the host executes the actions.
 */
@NullMarked
package dev.kizuna.playbooks;

import org.jspecify.annotations.NullMarked;
