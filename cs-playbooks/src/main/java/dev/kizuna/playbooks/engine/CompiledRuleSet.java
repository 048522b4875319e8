package dev.kizuna.playbooks.engine;

import dev.kizuna.core.AccountId;
import dev.kizuna.playbooks.Action;
import dev.kizuna.playbooks.FiringLimit;
import dev.kizuna.playbooks.OneVoice;
import dev.kizuna.playbooks.Playbook;
import dev.kizuna.playbooks.Rule;
import dev.kizuna.playbooks.RuleSet;
import dev.kizuna.playbooks.Trigger;
import dev.kizuna.playbooks.control.ControlGroup;
import dev.kizuna.core.internal.Numbers;
import dev.kizuna.playbooks.evaluation.ConditionTrace;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;
import dev.kizuna.playbooks.evaluation.RuleFiring;
import dev.kizuna.playbooks.evaluation.RuleStatus;
import dev.kizuna.playbooks.evaluation.RuleTrace;
import dev.kizuna.playbooks.evaluation.Suppression;
import dev.kizuna.playbooks.evaluation.Trace;
import dev.kizuna.playbooks.log.AccountHistory;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RuleSet} compiled for evaluation: rules in their evaluation order, conditions compiled to primitive
 * comparisons over the distinct facts the rule set reads. Immutable and thread-safe: any number of threads may
 * evaluate at once, and nothing is global.
 *
 * <p><b>Evaluation</b> is a pure function of (rule set, context, account history, {@code context.now()}): the same
 * inputs give an equal {@link Evaluation}. Rules are taken by descending priority, then playbook id, then rule id.
 * For each, in order:
 * <ol>
 *   <li>in an exclusive playbook whose earlier rule matched, the rule is {@linkplain RuleStatus#SHADOWED shadowed};</li>
 *   <li>the trigger is evaluated (an edge trigger on the previous state too); a false or unknown condition ends
 *       here;</li>
 *   <li>a sequence step waits until the previous step fired at least its delay ago, once per firing of that step;</li>
 *   <li>a match within the rule's cooldown, or at its firing limit, is suppressed with that reason;</li>
 *   <li>an account in the playbook's control group is recorded as {@linkplain RuleStatus#HELD_OUT held out};</li>
 *   <li>otherwise each action is recommended: as an update when its dedupe key is open, else as new, unless it is
 *       customer-facing and the account's one-voice cap for the window is used up (counting contacts already in
 *       the history and those recommended earlier in this evaluation); then it is suppressed as
 *       {@linkplain Suppression.Reason#ONE_VOICE one voice}. A rule whose every action was suppressed so is not
 *       recorded as fired, so it tries again when the customer can be reached.</li>
 * </ol>
 *
 * <p>With the trace off and nothing matching, an evaluation allocates only its result (after the context's facts
 * were resolved once for this rule set).
 */
public final class CompiledRuleSet {
    private final RuleSet ruleSet;
    private final FactTable table = new FactTable();
    private final CompiledRule[] rules;
    private final int playbooks;
    // The hot loop reads these arrays rather than the rule objects: conditions that are plain conjunctions of tests
    // (most are) become ranges of one contiguous table of tests, so a sweep stays in a few cache lines.
    private final boolean[] conjunction;
    private final boolean[] edge;
    private final boolean[] exclusive;
    private final int[] playbookOf;
    private final Node[] nodes;
    private final int[] leafStart;
    private final int[] leafSlot;
    private final double[] leafLo;
    private final double[] leafHi;
    private final @Nullable OneVoice oneVoice;

    /** One rule, ready to evaluate. */
    private static final class CompiledRule {
        final Playbook playbook;
        final int playbookIndex;
        final Rule rule;
        final Node node;
        final boolean edge;
        final boolean exclusive;
        final @Nullable String previousStep;
        final String[] dedupeKeys;
        /** The firings this rule reports, built once: a firing allocates nothing. */
        final RuleFiring fired;
        final RuleFiring heldOut;

        CompiledRule(Playbook playbook, int playbookIndex, Rule rule, Node node, @Nullable String previousStep) {
            this.playbook = playbook;
            this.playbookIndex = playbookIndex;
            this.rule = rule;
            this.node = node;
            this.edge = rule.trigger().kind() == Trigger.Kind.EDGE;
            this.exclusive = playbook.mode() == Playbook.Mode.EXCLUSIVE;
            this.previousStep = previousStep;
            this.fired = new RuleFiring(playbook.id(), rule.id(), rule.priority(), false);
            this.heldOut = new RuleFiring(playbook.id(), rule.id(), rule.priority(), true);
            this.dedupeKeys = new String[rule.actions().size()];
            for (int i = 0; i < dedupeKeys.length; i++) {
                dedupeKeys[i] = rule.actions().get(i).dedupeKeyIn(playbook.id(), rule.id());
            }
        }
    }

    /** Compiles the rule set into its immutable, thread-safe evaluation form. */
    public static CompiledRuleSet compile(RuleSet ruleSet) {
        return new CompiledRuleSet(ruleSet);
    }

    private CompiledRuleSet(RuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        List<CompiledRule> list = new ArrayList<>();
        List<Playbook> pbs = ruleSet.playbooks();
        for (int p = 0; p < pbs.size(); p++) {
            Playbook pb = pbs.get(p);
            for (int i = 0; i < pb.rules().size(); i++) {
                Rule r = pb.rules().get(i);
                String previous = pb.mode() == Playbook.Mode.SEQUENCE && i > 0 ? pb.rules().get(i - 1).id() : null;
                list.add(new CompiledRule(pb, p, r, Node.compile(r.trigger().condition(), table), previous));
            }
        }
        table.freeze();
        list.sort(Comparator.<CompiledRule>comparingInt(r -> -r.rule.priority())
                .thenComparing(r -> r.playbook.id())
                .thenComparing(r -> r.rule.id()));
        this.rules = list.toArray(new CompiledRule[0]);
        this.playbooks = pbs.size();
        int count = rules.length;
        this.conjunction = new boolean[count];
        this.edge = new boolean[count];
        this.exclusive = new boolean[count];
        this.playbookOf = new int[count];
        this.nodes = new Node[count];
        this.leafStart = new int[count + 1];
        int leaves = 0;
        for (CompiledRule r : rules) {
            leaves += r.node.isConjunction() ? r.node.leafCount() : 0;
        }
        this.leafSlot = new int[leaves];
        this.leafLo = new double[leaves];
        this.leafHi = new double[leaves];
        int next = 0;
        for (int i = 0; i < count; i++) {
            CompiledRule r = rules[i];
            conjunction[i] = r.node.isConjunction();
            edge[i] = r.edge;
            exclusive[i] = r.exclusive;
            playbookOf[i] = r.playbookIndex;
            nodes[i] = r.node;
            leafStart[i] = next;
            if (conjunction[i]) {
                for (int j = 0; j < r.node.leafCount(); j++, next++) {
                    leafSlot[next] = r.node.leafSlot(j);
                    leafLo[next] = r.node.leafLo(j);
                    leafHi[next] = r.node.leafHi(j);
                }
            }
        }
        leafStart[count] = next;
        this.oneVoice = ruleSet.oneVoice().orElse(null);
    }

    /** Returns the rule set this was compiled from. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Returns the rules as {@code playbook/rule}, in evaluation order. */
    public List<String> order() {
        List<String> out = new ArrayList<>(rules.length);
        for (CompiledRule r : rules) {
            out.add(r.playbook.id() + "/" + r.rule.id());
        }
        return out;
    }

    /** Returns the number of distinct facts (slots) the compiled conditions read. */
    public int factCount() {
        return table.size();
    }

    /** Evaluates for an account with no history, without trace. */
    public Evaluation evaluate(EvaluationContext context) {
        return evaluate(context, false);
    }

    /**
     * Evaluates for an account with no history (nothing fired before, nothing is open): what a first run or a
     * stateless preview decides.
     *
     * @param context the account and its facts, at {@code context.now()}
     * @param trace   whether to build the {@link Trace} (slower, and allocates)
     */
    public Evaluation evaluate(EvaluationContext context, boolean trace) {
        Objects.requireNonNull(context, "context");
        return run(context, null, trace);
    }

    /**
     * Evaluates the rule set for the context's account, given its history; see the class comment for the order of
     * checks.
     *
     * @param context the account and its facts, at {@code context.now()}
     * @param history the account's history from the {@link dev.kizuna.playbooks.log.ActionLog}
     * @param trace   whether to build the {@link Trace} (slower, and allocates)
     * @throws IllegalArgumentException if the history is of another account
     */
    public Evaluation evaluate(EvaluationContext context, AccountHistory history, boolean trace) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(history, "history");
        if (!history.account().equals(context.id())) {
            throw new IllegalArgumentException("history.account: " + history.account()
                    + " is not the context's account " + context.id());
        }
        return run(context, history.isEmpty() ? null : history, trace);
    }

    /** Evaluates; a null history is an empty one, and is never read. */
    private Evaluation run(EvaluationContext context, @Nullable AccountHistory history, boolean trace) {
        AccountId account = context.id();
        double[] values = context.values(table);
        Instant now = context.now();
        if (trace) {
            return traced(context, values, history);
        }
        Run run = null;
        for (int i = nextMatch(0, values, null); i < rules.length;
             i = nextMatch(i + 1, values, run == null ? null : run.shadowed)) {
            if (run == null) {
                run = new Run();
            }
            decide(rules[i], run, history, now, account);
        }
        if (run == null) {
            return new Evaluation(account, now, false, List.of(), List.of(), List.of(), Optional.empty());
        }
        return new Evaluation(account, now, false, run.actions, run.firings, run.suppressions, Optional.empty());
    }

    /**
     * Returns the first rule at or after {@code from} whose trigger fires on {@code values}, skipping rules of
     * exclusive playbooks already matched; {@code rules.length} if there is none. The hot loop of a sweep: it reads
     * only primitive arrays.
     */
    private int nextMatch(int from, double[] values, @Nullable boolean[] shadowed) {
        for (int i = from; i < rules.length; i++) {
            if (shadowed != null && exclusive[i] && shadowed[playbookOf[i]]) {
                continue;
            }
            if (truth(i, values, 0) == Node.TRUE && (!edge[i] || truth(i, values, table.size()) == Node.FALSE)) {
                return i;
            }
        }
        return rules.length;
    }

    /** Evaluates with the full trace: every rule, every condition, every suppression. */
    private Evaluation traced(EvaluationContext context, double[] values, @Nullable AccountHistory history) {
        AccountId account = context.id();
        Instant now = context.now();
        int n = table.size();
        Run run = new Run();
        List<RuleTrace> traces = new ArrayList<>(rules.length);
        Facts facts = new Facts(context);
        for (int i = 0; i < rules.length; i++) {
            CompiledRule r = rules[i];
            if (exclusive[i] && run.isShadowed(playbookOf[i])) {
                traces.add(ruleTrace(r, RuleStatus.SHADOWED, "an earlier rule of the exclusive playbook matched",
                        Optional.empty(), Optional.empty()));
                continue;
            }
            int current = truth(i, values, 0);
            int truth = current;
            if (edge[i] && current == Node.TRUE) {
                int before = truth(i, values, n);
                truth = before == Node.FALSE ? Node.TRUE : before == Node.TRUE ? Node.FALSE : Node.UNKNOWN;
            }
            RuleStatus status;
            String detail;
            if (truth != Node.TRUE) {
                status = truth == Node.FALSE ? RuleStatus.NOT_MATCHED : RuleStatus.UNKNOWN;
                detail = current == Node.TRUE ? (truth == Node.FALSE ? "already true in the previous state"
                        : "the previous state is unknown") : "";
            } else {
                status = decide(r, run, history, now, account);
                detail = run.detail;
            }
            traces.add(ruleTrace(r, status, detail, Optional.of(r.node.trace(values, 0, facts, false)),
                    previousTrace(r, values, n, facts, current)));
        }
        Trace t = new Trace(account, now, traces, run.suppressions);
        return new Evaluation(account, now, false, run.actions, run.firings, run.suppressions, Optional.of(t));
    }

    /**
     * Decides what a matching rule does (see the class comment), recording it in {@code run}; returns the status,
     * and leaves its particulars in {@code run.detail}.
     */
    private RuleStatus decide(CompiledRule r, Run run, @Nullable AccountHistory history, Instant now,
                              AccountId account) {
        if (r.exclusive) {
            run.shadow(r.playbookIndex, playbooks);
        }
        run.detail = "";
        if (r.previousStep != null) {
            Optional<String> notDue = notDue(r, history == null ? AccountHistory.empty(account) : history, now);
            if (notDue.isPresent()) {
                run.detail = notDue.get();
                return RuleStatus.NOT_DUE;
            }
        }
        if (history != null) {
            Optional<Suppression> held = rhythm(r, history, now);
            if (held.isPresent()) {
                run.suppressions.add(held.get());
                run.detail = held.get().detail();
                return held.get().reason() == Suppression.Reason.COOLDOWN ? RuleStatus.COOLDOWN
                        : RuleStatus.FIRING_LIMIT;
            }
        }
        ControlGroup control = r.playbook.control();
        if (control.isHeldOut(account, r.playbook.id())) {
            run.firings.add(r.heldOut);
            run.detail = "in the control group (share " + control.share() + ", salt " + control.salt() + ")";
            return RuleStatus.HELD_OUT;
        }
        if (!act(r, run, history, now)) {
            run.detail = "every action is customer-facing and the one-voice cap is used up";
            return RuleStatus.ONE_VOICE;
        }
        return RuleStatus.FIRED;
    }

    /** Returns the truth of rule {@code i}'s condition over the values at {@code offset} (current or previous). */
    private int truth(int i, double[] values, int offset) {
        if (!conjunction[i]) {
            return nodes[i].eval(values, offset);
        }
        return Node.all(values, offset, leafSlot, leafLo, leafHi, leafStart[i], leafStart[i + 1]);
    }

    /** What one evaluation has decided so far, allocated only once a rule matches. */
    private static final class Run {
        @Nullable boolean[] shadowed;
        final List<RecommendedAction> actions = new ArrayList<>();
        final List<RuleFiring> firings = new ArrayList<>();
        final List<Suppression> suppressions = new ArrayList<>();
        int contacts = -1;
        String detail = "";

        boolean isShadowed(int playbook) {
            return shadowed != null && shadowed[playbook];
        }

        void shadow(int playbook, int playbooks) {
            if (shadowed == null) {
                shadowed = new boolean[playbooks];
            }
            shadowed[playbook] = true;
        }
    }

    private static Optional<String> notDue(CompiledRule r, AccountHistory history, Instant now) {
        String pb = r.playbook.id();
        Optional<Instant> previous = history.lastFiring(pb, r.previousStep);
        if (previous.isEmpty()) {
            return Optional.of("the previous step " + r.previousStep + " has not fired");
        }
        Instant due = previous.get().plus(r.rule.delay());
        if (now.isBefore(due)) {
            return Optional.of("due at " + due + ", " + Numbers.duration(r.rule.delay()) + " after step " + r.previousStep
                    + " fired at " + previous.get());
        }
        Optional<Instant> last = history.lastFiring(pb, r.rule.id());
        if (last.isPresent() && !last.get().isBefore(previous.get())) {
            return Optional.of("already fired at " + last.get() + " after step " + r.previousStep + " fired at "
                    + previous.get());
        }
        return Optional.empty();
    }

    private static Optional<Suppression> rhythm(CompiledRule r, AccountHistory history, Instant now) {
        String pb = r.playbook.id();
        String id = r.rule.id();
        Duration cooldown = r.rule.cooldown();
        if (!cooldown.isZero()) {
            Optional<Instant> last = history.lastFiring(pb, id);
            if (last.isPresent() && now.isBefore(last.get().plus(cooldown))) {
                return Optional.of(new Suppression(pb, id, Optional.empty(), Suppression.Reason.COOLDOWN,
                        "fired at " + last.get() + "; cooldown " + Numbers.duration(cooldown) + " until " + last.get().plus(cooldown)));
            }
        }
        if (r.rule.limit().isPresent()) {
            FiringLimit limit = r.rule.limit().get();
            int fired = history.firingsAfter(pb, id, now.minus(limit.window()));
            if (fired >= limit.max()) {
                return Optional.of(new Suppression(pb, id, Optional.empty(), Suppression.Reason.FIRING_LIMIT,
                        "fired " + fired + " times in the last " + Numbers.duration(limit.window()) + "; the limit is " + limit.max()));
            }
        }
        return Optional.empty();
    }

    /** Recommends the rule's actions; returns whether the rule counts as fired. */
    private boolean act(CompiledRule r, Run run, @Nullable AccountHistory history, Instant now) {
        String pb = r.playbook.id();
        String id = r.rule.id();
        List<Action> actions = r.rule.actions();
        int recommended = 0;
        boolean voiceSuppressed = false;
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            String key = r.dedupeKeys[i];
            Instant due = now.plus(a.dueIn());
            if (recommended(run, key) || (history != null && history.open(key).isPresent())) {
                run.actions.add(new RecommendedAction(pb, id, a, due, key, RecommendedAction.Disposition.UPDATE));
                recommended++;
                continue;
            }
            if (a.customerFacing() && oneVoice != null) {
                if (run.contacts < 0) {
                    run.contacts = history == null ? 0 : history.contactsAfter(now.minus(oneVoice.window()));
                }
                if (run.contacts >= oneVoice.max()) {
                    run.suppressions.add(new Suppression(pb, id, Optional.of(a), Suppression.Reason.ONE_VOICE,
                            run.contacts + " customer-facing action(s) in the last " + Numbers.duration(oneVoice.window())
                                    + "; the cap is " + oneVoice.max()));
                    voiceSuppressed = true;
                    continue;
                }
                run.contacts++;
            }
            run.actions.add(new RecommendedAction(pb, id, a, due, key, RecommendedAction.Disposition.NEW));
            recommended++;
        }
        boolean fired = recommended > 0 || !voiceSuppressed;
        if (fired) {
            run.firings.add(r.fired);
        }
        return fired;
    }

    private static boolean recommended(Run run, String key) {
        for (int i = 0; i < run.actions.size(); i++) {
            if (run.actions.get(i).dedupeKey().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ConditionTrace> previousTrace(CompiledRule r, double[] values, int n,
                                                          @Nullable Facts facts, int current) {
        if (!r.edge || current != Node.TRUE || facts == null) {
            return Optional.empty();
        }
        return Optional.of(r.node.trace(values, n, facts, true));
    }

    private static RuleTrace ruleTrace(CompiledRule r, RuleStatus status, String detail,
                                       Optional<ConditionTrace> now, Optional<ConditionTrace> previous) {
        return new RuleTrace(r.playbook.id(), r.rule.id(), r.rule.priority(), r.rule.trigger().kind(), status, detail,
                now, previous);
    }
}
