package dev.kizuna.playbooks.evaluation;

/**
 * Hears what a {@link dev.kizuna.playbooks.engine.PlaybookEngine} decides, after each evaluation, in rule order: every
 * firing (held out or not), every suppression, then the whole evaluation. A
 * {@linkplain dev.kizuna.playbooks.engine.PlaybookEngine#dryRun dry run} fires the same events, with
 * {@link Evaluation#dryRun()} true. Listeners run on the evaluating thread and must be thread-safe when the
 * engine is shared; an exception from a listener propagates to the caller, after the evaluation was recorded.
 */
public interface EvaluationListener {

    /** Called for each rule that fired, or matched a held-out account. */
    default void ruleFired(Evaluation evaluation, RuleFiring firing) {
    }

    /** Called for each suppressed rule or action. */
    default void suppressed(Evaluation evaluation, Suppression suppression) {
    }

    /** Called once per evaluation, after the other events. */
    default void evaluated(Evaluation evaluation) {
    }
}
