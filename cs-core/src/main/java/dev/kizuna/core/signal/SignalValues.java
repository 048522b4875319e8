package dev.kizuna.core.signal;

import org.jspecify.annotations.Nullable;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * A snapshot's values: an unmodifiable sorted map kept as two arrays, the names in their natural order and the
 * values unboxed. A model reads a snapshot's dozen values on every score; in arrays they sit in a few cache lines
 * instead of a tree of entries and boxes, and {@link SignalSnapshot#nameAt}/{@link SignalSnapshot#valueAt} walk
 * them without boxing. Every mutator throws {@link UnsupportedOperationException}; {@code equals}, {@code hashCode}
 * and {@code toString} are those of any map. Immutable and thread-safe.
 */
final class SignalValues extends AbstractMap<SignalName, Double> implements SortedMap<SignalName, Double> {
    static final SignalValues EMPTY = new SignalValues(new SignalName[0], new double[0]);

    /** The names, strictly increasing. */
    final SignalName[] names;
    /** Each name's value, finite. */
    final double[] values;

    /** Takes the arrays as they are: the caller hands them over, sorted, without duplicates, values checked. */
    SignalValues(SignalName[] names, double[] values) {
        this.names = names;
        this.values = values;
    }

    /** Returns the position of the first name not below {@code key}: {@code size()} if there is none. */
    private int lowerBound(SignalName key) {
        Objects.requireNonNull(key, "key");
        int low = 0;
        int high = names.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (names[mid].compareTo(key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int indexOf(@Nullable Object key) {
        if (!(key instanceof SignalName)) {
            Objects.requireNonNull(key, "key");
            return -1;
        }
        SignalName name = (SignalName) key;
        int i = lowerBound(name);
        return i < names.length && names[i].equals(name) ? i : -1;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public @Nullable Double get(@Nullable Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Set<Map.Entry<SignalName, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<SignalName, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<SignalName, Double> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    /** Returns null: the names are in their natural order. */
    @Override
    public @Nullable Comparator<? super SignalName> comparator() {
        return null;
    }

    @Override
    public SortedMap<SignalName, Double> subMap(SignalName fromKey, SignalName toKey) {
        if (fromKey.compareTo(toKey) > 0) {
            throw new IllegalArgumentException("fromKey " + fromKey + " is above toKey " + toKey);
        }
        return range(lowerBound(fromKey), lowerBound(toKey));
    }

    @Override
    public SortedMap<SignalName, Double> headMap(SignalName toKey) {
        return range(0, lowerBound(toKey));
    }

    @Override
    public SortedMap<SignalName, Double> tailMap(SignalName fromKey) {
        return range(lowerBound(fromKey), names.length);
    }

    private SignalValues range(int from, int to) {
        if (from == 0 && to == names.length) {
            return this;
        }
        SignalName[] n = new SignalName[to - from];
        double[] v = new double[to - from];
        System.arraycopy(names, from, n, 0, n.length);
        System.arraycopy(values, from, v, 0, v.length);
        return new SignalValues(n, v);
    }

    @Override
    public SignalName firstKey() {
        if (names.length == 0) {
            throw new NoSuchElementException("no values");
        }
        return names[0];
    }

    @Override
    public SignalName lastKey() {
        if (names.length == 0) {
            throw new NoSuchElementException("no values");
        }
        return names[names.length - 1];
    }
}
