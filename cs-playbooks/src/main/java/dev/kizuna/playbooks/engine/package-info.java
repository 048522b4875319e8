/**
 * The engine that runs playbooks: an {@link dev.kizuna.playbooks.engine.EvaluationContext} holds one account's facts,
 * a {@link dev.kizuna.playbooks.engine.CompiledRuleSet} is a rule set compiled to comparisons of numbers, and a
 * {@link dev.kizuna.playbooks.engine.PlaybookEngine} runs one against accounts with their action history. The
 * compiler's machinery (the fact table, compiled condition nodes) is package-private.
 */
@NullMarked
package dev.kizuna.playbooks.engine;

import org.jspecify.annotations.NullMarked;
