package dev.kizuna.health;

import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.internal.Numbers;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named range of health values, such as {@code red [0, 50)}, with explicit inclusivity at both ends.
 *
 * <p>Ranges are written in interval notation: {@code [} and {@code ]} include the bound, {@code (} and {@code )}
 * exclude it. Bounds lie in {@code [0, 100]}. Bands are ordered within a {@link BandScheme}, worst first. Immutable
 * and thread-safe.
 *
 * @param name          the band's name, an id such as {@code red} or {@code at-risk}
 * @param from          the lower bound
 * @param fromInclusive whether {@code from} itself is in the band
 * @param to            the upper bound, above {@code from}
 * @param toInclusive   whether {@code to} itself is in the band
 */
public record HealthBand(String name, double from, boolean fromInclusive, double to, boolean toInclusive) {
    private static final Pattern RANGE = Pattern.compile(
            "\\s*([\\[(])\\s*([-+]?[0-9]+(?:\\.[0-9]+)?)\\s*,\\s*([-+]?[0-9]+(?:\\.[0-9]+)?)\\s*([\\])])\\s*");

    /** Validates the name and the bounds. */
    public HealthBand {
        Checks.id(name, "band.name");
        Checks.within(from, 0, 100, "band " + name + ".from");
        Checks.within(to, 0, 100, "band " + name + ".to");
        if (!(from < to)) {
            throw new IllegalArgumentException("band " + name + ": from " + Numbers.plain(from)
                    + " must be below to " + Numbers.plain(to));
        }
    }

    /**
     * Returns the band of the given name and range in interval notation, such as {@code "[50, 75)"}.
     *
     * @throws IllegalArgumentException if the range is not in interval notation or its bounds are invalid
     */
    public static HealthBand of(String name, String range) {
        Objects.requireNonNull(range, "band.range");
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            throw new IllegalArgumentException("band " + name + ".range: '" + range + "' is not an interval such as"
                    + " [50, 75) ('[' and ']' include the bound, '(' and ')' exclude it)");
        }
        return new HealthBand(name, Double.parseDouble(m.group(2)), m.group(1).equals("["),
                Double.parseDouble(m.group(3)), m.group(4).equals("]"));
    }

    /** Returns whether {@code value} lies in this band. */
    public boolean contains(double value) {
        boolean aboveFrom = fromInclusive ? value >= from : value > from;
        boolean belowTo = toInclusive ? value <= to : value < to;
        return aboveFrom && belowTo;
    }

    /** Returns the range in interval notation, such as {@code [50, 75)}. */
    public String range() {
        return (fromInclusive ? "[" : "(") + Numbers.plain(from) + ", " + Numbers.plain(to) + (toInclusive ? "]" : ")");
    }

    /** Returns the name and the range, such as {@code yellow [50, 75)}. */
    @Override
    public String toString() {
        return name + " " + range();
    }
}
