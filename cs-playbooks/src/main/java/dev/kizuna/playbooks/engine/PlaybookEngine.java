package dev.kizuna.playbooks.engine;

import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.EvaluationListener;
import dev.kizuna.playbooks.evaluation.RuleFiring;
import dev.kizuna.playbooks.evaluation.Suppression;
import dev.kizuna.playbooks.evaluation.Trace;
import dev.kizuna.playbooks.log.ActionLog;
import dev.kizuna.playbooks.log.InMemoryActionLog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Runs a compiled rule set against accounts, with state: reads each account's history from the {@link ActionLog},
 * evaluates, records the result, and tells the listeners. A {@linkplain #dryRun dry run} does the same without
 * recording anything.
 *
 * <pre>{@code
 * PlaybookEngine engine = PlaybookEngine.builder(StarterPlaybooks.ruleSet()).build();
 * Evaluation e = engine.evaluate(context);         // recorded: cooldowns and caps see it next time
 * Evaluation preview = engine.dryRun(context);     // same decisions, nothing recorded
 * }</pre>
 *
 * <p>Thread-safe when its log and listeners are (the in-memory log is). Evaluate each account from one thread at a
 * time when the caps must hold exactly (see {@link ActionLog}).
 */
public final class PlaybookEngine {
    private final CompiledRuleSet compiled;
    private final ActionLog log;
    private final List<EvaluationListener> listeners;
    private final boolean trace;

    private PlaybookEngine(Builder b) {
        this.compiled = b.compiled;
        this.log = b.log;
        this.listeners = List.copyOf(b.listeners);
        this.trace = b.trace;
    }

    /** Returns a builder of an engine for the rule set, with an in-memory log, traces on and no listener. */
    public static Builder builder(RuleSet ruleSet) {
        return new Builder(CompiledRuleSet.compile(Objects.requireNonNull(ruleSet, "ruleSet")));
    }

    /** Returns a builder of an engine for the compiled rule set, with an in-memory log, traces on and no listener. */
    public static Builder builder(CompiledRuleSet compiled) {
        return new Builder(compiled);
    }

    /** Returns the compiled rule set. */
    public CompiledRuleSet compiled() {
        return compiled;
    }

    /** Returns the action log. */
    public ActionLog log() {
        return log;
    }

    /** Evaluates one account, records the result in the log, and tells the listeners. */
    public Evaluation evaluate(EvaluationContext context) {
        Evaluation e = compiled.evaluate(context, log.history(context.id()), trace);
        log.record(e);
        notify(e);
        return e;
    }

    /** Evaluates one account as {@link #evaluate} would, tells the listeners, and records nothing. */
    public Evaluation dryRun(EvaluationContext context) {
        Evaluation e = compiled.evaluate(context, log.history(context.id()), trace).asDryRun(true);
        notify(e);
        return e;
    }

    /** Evaluates and records every context, in the given order. */
    public List<Evaluation> evaluateAll(Collection<EvaluationContext> contexts) {
        List<Evaluation> out = new ArrayList<>(contexts.size());
        for (EvaluationContext c : contexts) {
            out.add(evaluate(c));
        }
        return out;
    }

    /** Dry-runs every context, in the given order. */
    public List<Evaluation> dryRunAll(Collection<EvaluationContext> contexts) {
        List<Evaluation> out = new ArrayList<>(contexts.size());
        for (EvaluationContext c : contexts) {
            out.add(dryRun(c));
        }
        return out;
    }

    /** Returns the trace of one account as a dry run would see it, whatever the engine's trace setting. */
    public Trace explain(EvaluationContext context) {
        return compiled.evaluate(context, log.history(context.id()), true).trace().orElseThrow();
    }

    private void notify(Evaluation e) {
        if (listeners.isEmpty()) {
            return;
        }
        for (EvaluationListener l : listeners) {
            for (RuleFiring f : e.firings()) {
                l.ruleFired(e, f);
            }
            for (Suppression s : e.suppressions()) {
                l.suppressed(e, s);
            }
            l.evaluated(e);
        }
    }

    /** Builds a {@link PlaybookEngine}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private final CompiledRuleSet compiled;
        private ActionLog log = new InMemoryActionLog();
        private final List<EvaluationListener> listeners = new ArrayList<>();
        private boolean trace = true;

        private Builder(CompiledRuleSet compiled) {
            this.compiled = Objects.requireNonNull(compiled, "compiled");
        }

        /** Sets the action log. Default: a new {@link InMemoryActionLog}. */
        public Builder log(ActionLog log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Adds a listener. */
        public Builder listener(EvaluationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Sets whether evaluations carry a {@link Trace}. Default on; off is faster and allocates less. */
        public Builder trace(boolean trace) {
            this.trace = trace;
            return this;
        }

        /** Builds the engine. */
        public PlaybookEngine build() {
            return new PlaybookEngine(this);
        }
    }
}
