package dev.kizuna.core;

import dev.kizuna.core.internal.Checks;

/**
 * A customer segment, such as {@code "enterprise"}, {@code "mid-market"} or {@code "smb"}: the grouping by which
 * CS teams differ their coverage model (high touch, low touch, tech touch), their health scorecards and their
 * success-plan templates. Any identifier is allowed; comparison is exact.
 *
 * @param name the segment's name
 */
public record Segment(String name) {

    /** Validates the name. */
    public Segment {
        Checks.identifier(name, "segment");
    }

    /** Returns the segment of the given name. */
    public static Segment of(String name) {
        return new Segment(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
