package dev.kizuna.playbooks;

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
    private final int op;
    private final int slot;
    private final double a;
    private final double b;
    private final Node[] parts;
    private final Condition source;
    private final int[] slots;
    private final int[] ops;
    private final double[] as;
    private final double[] bs;

    private Node(int kind, int op, int slot, double a, double b, Node[] parts, Condition source) {
        this.op = op;
        this.slot = slot;
        this.a = a;
        this.b = b;
        this.parts = parts;
        this.source = source;
        boolean flat = (kind == ALL || kind == ANY) && parts.length > 0;
        for (Node p : parts) {
            flat &= p.kind == TEST;
        }
        int n = flat ? parts.length : 0;
        this.kind = flat ? (kind == ALL ? ALL_TESTS : ANY_TESTS) : kind;
        this.slots = new int[n];
        this.ops = new int[n];
        this.as = new double[n];
        this.bs = new double[n];
        for (int i = 0; i < n; i++) {
            slots[i] = parts[i].slot;
            ops[i] = parts[i].op;
            as[i] = parts[i].a;
            bs[i] = parts[i].b;
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
                return test(op, values[offset + slot], a, b);
            case ALL_TESTS: {
                int result = TRUE;
                for (int i = 0; i < slots.length; i++) {
                    int t = test(ops[i], values[offset + slots[i]], as[i], bs[i]);
                    if (t == FALSE) {
                        return FALSE;
                    }
                    if (t == UNKNOWN) {
                        result = UNKNOWN;
                    }
                }
                return result;
            }
            case ANY_TESTS: {
                int result = FALSE;
                for (int i = 0; i < slots.length; i++) {
                    int t = test(ops[i], values[offset + slots[i]], as[i], bs[i]);
                    if (t == TRUE) {
                        return TRUE;
                    }
                    if (t == UNKNOWN) {
                        result = UNKNOWN;
                    }
                }
                return result;
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

    /** One primitive comparison; NaN (a missing fact) is unknown. */
    private static int test(int op, double x, double a, double b) {
        if (x != x) {
            return UNKNOWN;
        }
        boolean r;
        switch (op) {
            case BELOW:
                r = x < a;
                break;
            case AT_MOST:
                r = x <= a;
                break;
            case ABOVE:
                r = x > a;
                break;
            case AT_LEAST:
                r = x >= a;
                break;
            case BETWEEN:
                r = x >= a && x <= b;
                break;
            default:
                r = x == 1;
                break;
        }
        return r ? TRUE : FALSE;
    }

    /** Returns the trace of this condition: every part evaluated, tests with their actual values. */
    ConditionTrace trace(double[] values, int offset, Facts facts, boolean previous) {
        Truth truth = truth(eval(values, offset));
        if (kind == TEST) {
            Condition.Test t = (Condition.Test) source;
            return new ConditionTrace("test", t.describe(), truth, facts.display(t.fact(), previous),
                    t.criterion().describe(), List.of());
        }
        List<ConditionTrace> traces = new ArrayList<>(parts.length);
        for (Node p : parts) {
            traces.add(p.trace(values, offset, facts, previous));
        }
        String name = kind == ALL || kind == ALL_TESTS ? "all" : kind == ANY || kind == ANY_TESTS ? "any" : "not";
        return new ConditionTrace(name, source.describe(), truth, "", "", traces);
    }

    static Truth truth(int t) {
        return t == TRUE ? Truth.TRUE : t == FALSE ? Truth.FALSE : Truth.UNKNOWN;
    }
}
