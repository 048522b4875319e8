/**
 * What an evaluation of one account produces: the {@link dev.kizuna.playbooks.evaluation.Evaluation} with its
 * recommended actions, rule firings and suppressions, the {@link dev.kizuna.playbooks.evaluation.Trace} of why each
 * rule fired or not, and the {@link dev.kizuna.playbooks.evaluation.EvaluationListener} that hears them.
 */
@NullMarked
package dev.kizuna.playbooks.evaluation;

import org.jspecify.annotations.NullMarked;
