package chronicle.replay.internal;

import java.util.Arrays;

/**
 * Finds a resting order's slot (in {@link OrderSlots}) from its id: an open-addressing hash map of primitive arrays
 * with linear probing and deletion by backward shift, so no tombstones build up however many orders come and go.
 * Any 64-bit value is a valid id; ids are spread by a Fibonacci (golden ratio) multiplicative hash.
 *
 * <p>Use it in two steps, so that a lookup that misses tells where the id would go: {@link #find} gives the index
 * holding the id (or the empty index where it belongs), then {@link #slotAt}, {@link #put} or {@link #removeAt} act
 * on that index. {@link #ensureRoomFor} may rehash, which moves every entry: call it before {@code find}, never
 * between {@code find} and the call that uses its index.
 *
 * <p>The table is kept at most half full and doubles when it would pass that; it never shrinks, so once a book has
 * reached its largest size, adds and removals allocate nothing.
 *
 * <p><b>Not thread-safe.</b>
 */
public final class OrderIndex {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    /** slot + 1; 0 marks an empty index. */
    private int[] values;
    private int mask;
    private int shift;
    private int entries;

    /**
     * @param initialCapacity table size before the first growth, a power of two.
     */
    public OrderIndex(int initialCapacity) {
        if (Integer.bitCount(initialCapacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, got " + initialCapacity);
        }
        allocate(initialCapacity);
    }

    /** Forgets every id; the capacity reached so far is kept. */
    public void clear() {
        if (entries > 0) {
            Arrays.fill(values, 0);
            entries = 0;
        }
    }

    /**
     * Grows the table, if needed, so that it stays at most half full with this many entries.
     *
     * @param count the number of entries about to be held.
     */
    public void ensureRoomFor(int count) {
        if (count << 1 > values.length) {
            grow();
        }
    }

    /**
     * @param id an order id.
     * @return the index holding the id, or the empty index where it would go.
     */
    public int find(long id) {
        int i = home(id);
        while (values[i] != 0 && keys[i] != id) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /**
     * @param index an index from {@link #find}.
     * @return the slot held there, or {@link OrderSlots#NIL} if the index is empty (the id is not in the book).
     */
    public int slotAt(int index) {
        return values[index] - 1;
    }

    /**
     * @param id an order id.
     * @return its slot, or {@link OrderSlots#NIL} if the id is not in the book.
     */
    public int slotOf(long id) {
        return slotAt(find(id));
    }

    /**
     * Stores an id at the empty index {@link #find} gave for it.
     *
     * @param index an empty index from {@link #find}.
     * @param id    the order id.
     * @param slot  its slot.
     */
    public void put(int index, long id, int slot) {
        keys[index] = id;
        values[index] = slot + 1;
        entries++;
    }

    /**
     * Empties an index, shifting back the entries of its probe run whose probe path crosses it.
     *
     * @param index an occupied index from {@link #find}.
     */
    public void removeAt(int index) {
        int gap = index;
        int j = index;
        while (true) {
            j = (j + 1) & mask;
            int value = values[j];
            if (value == 0) {
                break;
            }
            int home = home(keys[j]);
            if (((j - home) & mask) >= ((j - gap) & mask)) { // the gap lies on the entry's probe path
                keys[gap] = keys[j];
                values[gap] = value;
                gap = j;
            }
        }
        values[gap] = 0;
        entries--;
    }

    private int home(long id) {
        return (int) ((id * GOLDEN) >>> shift);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldValues.length << 1);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != 0) {
                int at = find(oldKeys[i]);
                keys[at] = oldKeys[i];
                values[at] = oldValues[i];
            }
        }
    }
}
