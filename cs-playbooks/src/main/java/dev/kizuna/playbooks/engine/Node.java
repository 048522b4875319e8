package dev.kizuna.playbooks.engine;

import dev.kizuna.core.internal.Numbers;
import dev.kizuna.playbooks.Condition;
import dev.kizuna.playbooks.Criterion;
import dev.kizuna.playbooks.evaluation.ConditionTrace;
import dev.kizuna.playbooks.evaluation.Truth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A compiled condition: one final class whose {@link #eval} is a switch over primitive comparisons of resolved slot
 * values, so evaluation allocates nothing and its call sites stay monomorphic. Truth values are ints: {@link #FALSE},
 * {@link #TRUE}, {@link #UNKNOWN}. Immutable.
 */
final class Node {
    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;

    private static final int TEST = 0;
    private static final int ALL = 1;
    private static final int ANY = 2;
    private static final int NOT = 3;
    /** An all or any whose parts are all tests: evaluated in one loop over arrays, without recursion. */
    private static final int ALL_TESTS = 4;
    private static final int ANY_TESTS = 5;

    private static final int BELOW = 0;
    private static final int AT_MOST = 1;
    private static final int ABOVE = 2;
    private static final int AT_LEAST = 3;
    private static final int BETWEEN = 4;
    private static final int MEMBER = 5;

    private final int kind;
    private final int slot;
    /** Every test is {@code lo <= x <= hi}: x < a is x <= nextDown(a), x > a is x >= nextUp(a), x in set is x == 1. */
    private final double lo;
    private final double hi;
    private final Node[] parts;
    private final Condition source;
    /** The texts a trace shows, built once at compile time. */
    private final String description;
    private final String expected;
    private final int[] slots;
    private final double[] los;
    private final double[] his;

    private Node(int kind, int op, int slot, double a, double b, Node[] parts, Condition source) {
        this.slot = slot;
        this.lo = switch (op) {
            case ABOVE -> Math.nextUp(a);
            case AT_LEAST, BETWEEN -> a;
            case MEMBER -> 1;
            default -> Double.NEGATIVE_INFINITY;
        };
        this.hi = switch (op) {
            case BELOW -> Math.nextDown(a);
            case AT_MOST -> a;
            case BETWEEN -> b;
            case MEMBER -> 1;
            default -> Double.POSITIVE_INFINITY;
        };
        this.parts = parts;
        this.source = source;
        this.description = source.describe();
        this.expected = source instanceof Condition.Test t ? t.criterion().describe() : "";
        boolean flat = (kind == ALL || kind == ANY) && parts.length > 0;
        for (Node p : parts) {
            flat &= p.kind == TEST;
        }
        int n = flat ? parts.length : 0;
        this.kind = flat ? (kind == ALL ? ALL_TESTS : ANY_TESTS) : kind;
        this.slots = new int[n];
        this.los = new double[n];
        this.his = new double[n];
        for (int i = 0; i < n; i++) {
            slots[i] = parts[i].slot;
            los[i] = parts[i].lo;
            his[i] = parts[i].hi;
        }
    }

    /** Compiles {@code condition}, registering the slots it reads in {@code table}. */
    static Node compile(Condition condition, FactTable table) {
        if (condition instanceof Condition.Test t) {
            Criterion c = t.criterion();
            if (c instanceof Criterion.In in) {
                int s = table.indexOf(new Slot(t.fact(), Optional.of(in)));
                return new Node(TEST, MEMBER, s, 0, 0, new Node[0], condition);
            }
            int s = table.indexOf(new Slot(t.fact(), Optional.empty()));
            if (c instanceof Criterion.Below x) {
                return new Node(TEST, BELOW, s, x.value(), 0, new Node[0], condition);
            } else if (c instanceof Criterion.AtMost x) {
                return new Node(TEST, AT_MOST, s, x.value(), 0, new Node[0], condition);
            } else if (c instanceof Criterion.Above x) {
                return new Node(TEST, ABOVE, s, x.value(), 0, new Node[0], condition);
            } else if (c instanceof Criterion.AtLeast x) {
                return new Node(TEST, AT_LEAST, s, x.value(), 0, new Node[0], condition);
            } else {
                Criterion.Between x = (Criterion.Between) c;
                return new Node(TEST, BETWEEN, s, x.low(), x.high(), new Node[0], condition);
            }
        }
        if (condition instanceof Condition.All all) {
            return new Node(ALL, 0, -1, 0, 0, compileAll(all.parts(), table), condition);
        }
        if (condition instanceof Condition.Any any) {
            return new Node(ANY, 0, -1, 0, 0, compileAll(any.parts(), table), condition);
        }
        Condition.Not not = (Condition.Not) condition;
        return new Node(NOT, 0, -1, 0, 0, new Node[]{compile(not.part(), table)}, condition);
    }

    private static Node[] compileAll(List<Condition> parts, FactTable table) {
        Node[] out = new Node[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(parts.get(i), table);
        }
        return out;
    }

    /** Returns the truth of this condition over {@code values}, reading slot {@code i} at {@code offset + i}. */
    int eval(double[] values, int offset) {
        switch (kind) {
            case TEST:
                return test(values[offset + slot], lo, hi);
            case ALL_TESTS:
                return all(values, offset, slots, los, his, 0, slots.length);
            case ANY_TESTS: {
                boolean anyTrue = false;
                boolean anyUnknown = false;
                for (int i = 0; i < slots.length; i++) {
                    double x = values[offset + slots[i]];
                    anyTrue |= x >= los[i] & x <= his[i];
                    anyUnknown |= x != x;
                }
                return anyTrue ? TRUE : anyUnknown ? UNKNOWN : FALSE;
            }
            case ALL: {
                int result = TRUE;
                for (Node p : parts) {
                    int t = p.eval(values, offset);
                    if (t == FALSE) {
                        return FALSE;
                    }
                    if (t == UNKNOWN) {
                        result = UNKNOWN;
                    }
                }
                return result;
            }
            case ANY: {
                int result = FALSE;
                for (Node p : parts) {
                    int t = p.eval(values, offset);
                    if (t == TRUE) {
                        return TRUE;
                    }
                    if (t == UNKNOWN) {
                        result = UNKNOWN;
                    }
                }
                return result;
            }
            default: {
                int t = parts[0].eval(values, offset);
                return t == TRUE ? FALSE : t == FALSE ? TRUE : UNKNOWN;
            }
        }
    }

    /** One test, {@code lo <= x <= hi}; NaN (a missing fact) is unknown. */
    static int test(double x, double lo, double hi) {
        if (x != x) {
            return UNKNOWN;
        }
        return x >= lo & x <= hi ? TRUE : FALSE;
    }

    /**
     * The conjunction of tests {@code from} to {@code to} (exclusive) of the given tables, in Kleene's logic: false if
     * a test is false, else unknown if a fact is missing, else true. Stops at the first false test: most rules
     * target few accounts, so their first test is usually false.
     */
    static int all(double[] values, int offset, int[] slots, double[] los, double[] his, int from, int to) {
        boolean unknown = false;
        for (int i = from; i < to; i++) {
            double x = values[offset + slots[i]];
            if (x >= los[i] & x <= his[i]) {
                continue;
            }
            if (x == x) {
                return FALSE;
            }
            unknown = true;
        }
        return unknown ? UNKNOWN : TRUE;
    }

    /** Returns whether this node is a test, or an all of tests: a plain conjunction of {@link #leafCount()} tests. */
    boolean isConjunction() {
        return kind == TEST || kind == ALL_TESTS;
    }

    /** Returns the number of tests of a conjunction. */
    int leafCount() {
        return kind == TEST ? 1 : slots.length;
    }

    /** Returns the slot of test {@code i} of a conjunction. */
    int leafSlot(int i) {
        return kind == TEST ? slot : slots[i];
    }

    /** Returns the lower bound of test {@code i} of a conjunction. */
    double leafLo(int i) {
        return kind == TEST ? lo : los[i];
    }

    /** Returns the upper bound of test {@code i} of a conjunction. */
    double leafHi(int i) {
        return kind == TEST ? hi : his[i];
    }

    /** Returns the trace of this condition: every part evaluated, tests with their actual values. */
    ConditionTrace trace(double[] values, int offset, Facts facts, boolean previous) {
        Truth truth = truth(eval(values, offset));
        if (kind == TEST) {
            Condition.Test t = (Condition.Test) source;
            String actual = t.fact().kind().isNumeric() ? Numbers.rawOrMissing(values[offset + slot])
                    : facts.display(t.fact(), previous);
            return new ConditionTrace("test", description, truth, actual, expected, List.of());
        }
        List<ConditionTrace> traces = new ArrayList<>(parts.length);
        for (Node p : parts) {
            traces.add(p.trace(values, offset, facts, previous));
        }
        String name = kind == ALL || kind == ALL_TESTS ? "all" : kind == ANY || kind == ANY_TESTS ? "any" : "not";
        return new ConditionTrace(name, description, truth, "", "", traces);
    }

    static Truth truth(int t) {
        return t == TRUE ? Truth.TRUE : t == FALSE ? Truth.FALSE : Truth.UNKNOWN;
    }
}
