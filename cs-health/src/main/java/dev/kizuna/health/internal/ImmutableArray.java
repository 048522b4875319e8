package dev.kizuna.health.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array that no one else holds, so that a result's lists are made without the copy
 * {@link List#of(Object[])} takes: a scorecard's explanation has four lists of about a dozen elements, and each copy
 * is an allocation on the scoring path. Results accept these lists as they are ({@link #copyOf}) and copy any
 * other. Immutable and thread-safe once published through a final field.
 *
 * @param <E> the element type
 */
public final class ImmutableArray<E> extends AbstractList<E> implements RandomAccess {
    private static final ImmutableArray<?> EMPTY = new ImmutableArray<>(new Object[0], 0, 0);

    private final Object[] elements;
    private final int from;
    private final int size;

    private ImmutableArray(Object[] elements, int from, int size) {
        this.elements = elements;
        this.from = from;
        this.size = size;
    }

    /**
     * Returns the list of the first {@code size} elements of {@code owned}, which the caller hands over: it must
     * not change them afterwards, nor let anyone else hold the array. The elements must not be null.
     */
    public static <E> List<E> own(E[] owned, int size) {
        return own(owned, 0, size);
    }

    /**
     * Returns the list of the elements {@code from} (inclusive) to {@code to} (exclusive) of {@code owned}, which
     * the caller hands over as for {@link #own(Object[], int)}; two lists may share an array, each its own range.
     */
    @SuppressWarnings("unchecked")
    public static <E> List<E> own(E[] owned, int from, int to) {
        Objects.checkFromToIndex(from, to, owned.length);
        return from == to ? (List<E>) EMPTY : new ImmutableArray<>(owned, from, to - from);
    }

    /** Returns {@code list} itself if it is one of these lists, else {@link List#copyOf} of it. */
    public static <E> List<E> copyOf(List<E> list) {
        return list instanceof ImmutableArray ? list : List.copyOf(list);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) elements[from + index];
    }

    @Override
    public int size() {
        return size;
    }
}
