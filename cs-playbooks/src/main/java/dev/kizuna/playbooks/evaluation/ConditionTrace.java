package dev.kizuna.playbooks.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * How one condition evaluated: its truth, and for a test its actual value against its threshold. Immutable.
 *
 * @param node        {@code test}, {@code all}, {@code any} or {@code not}
 * @param description the condition, as a person reads it
 * @param truth       its value
 * @param actual      for a test, the fact's actual value ({@code missing} when absent); empty for all/any/not
 * @param expected    for a test, the criterion, such as {@code < 40}; empty for all/any/not
 * @param parts       for all/any/not, the traces of the parts
 */
public record ConditionTrace(String node, String description, Truth truth, String actual, String expected,
                             List<ConditionTrace> parts) {

    /** Validates the parts. */
    public ConditionTrace {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(expected, "expected");
        parts = List.copyOf(parts);
    }

    /** Appends this trace as indented lines: {@code [x]} true, {@code [ ]} false, {@code [?]} unknown. */
    void appendTo(StringBuilder out, String indent) {
        out.append(indent).append(truth == Truth.TRUE ? "[x] " : truth == Truth.FALSE ? "[ ] " : "[?] ");
        if (node.equals("test")) {
            out.append(description).append(": actual ").append(actual).append(", expected ").append(expected);
        } else {
            out.append(node);
        }
        out.append('\n');
        for (ConditionTrace p : parts) {
            p.appendTo(out, indent + "    ");
        }
    }
}
