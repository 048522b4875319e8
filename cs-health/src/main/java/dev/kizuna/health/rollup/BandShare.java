package dev.kizuna.health.rollup;

import dev.kizuna.core.internal.Checks;

/**
 * How many of a parent's children, and how much of its ARR, are in one band.
 *
 * @param band      the band's name, or {@code insufficient-data}
 * @param children  the children in the band
 * @param childShare {@code children / all children}
 * @param arr       the ARR of those children
 * @param arrShare  {@code arr / all children's ARR}, 0 when the total is 0
 */
public record BandShare(String band, int children, double childShare, double arr, double arrShare) {
    /** The name used for children with insufficient data. */
    public static final String INSUFFICIENT_DATA = "insufficient-data";

    /** Validates the parts. */
    public BandShare {
        Checks.id(band, "band");
        if (children < 0) {
            throw new IllegalArgumentException("children: " + children + " must be >= 0");
        }
        Checks.within(childShare, 0, 1, "childShare");
        Checks.nonNegative(arr, "arr");
        Checks.within(arrShare, 0, 1, "arrShare");
    }
}
