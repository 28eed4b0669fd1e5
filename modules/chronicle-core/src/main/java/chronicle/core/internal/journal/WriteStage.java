package chronicle.core.internal.journal;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A bulk writer's staging buffer ({@code QueueOptions.stagingBytes}): records are composed here, in their segment
 * layout, then written to the segment file a batch at a time with one {@code pwrite} and published with one store.
 *
 * <p>Why: storing a record in place through the mapping makes the kernel fault in each fresh page of the segment
 * and zero it before the store lands; a writer that copies hundreds of megabytes a second (a refinery, an import)
 * spends more time there than on its records, and on some VMs the faults are many times slower still. The file
 * system's write path fills the page cache from a buffer that stays hot in the CPU's cache, steadily.
 *
 * <p>Stage offset 0 is segment offset {@link #from()}:
 * <pre>
 *   stage:  [ record (length word 0) | record | ... | record | 0000 ]
 *             ^ segment offset from                          ^ segment offset of the next record: a zero word
 * </pre>
 * The first record's length word is held back ({@link #commit}): the batch reaches the file whole, and only then does
 * {@link #publish} store that word through the writer's mapping with a release store. A reader follows length words
 * from the published tail, so it sees the whole batch at once or none of it; after a crash between the write and the
 * store, recovery finds a zero length word at {@code from} and drops the batch, as it drops a torn record. For the
 * same reason the batch's seek index entries are added only once it is published: an entry must never lead a reader
 * past the published tail.
 *
 * <p><b>Not thread-safe:</b> the writer's thread only.
 */
public final class WriteStage implements AutoCloseable {

    private final int capacity;
    private final UnsafeBuffer buffer;
    private final ByteBuffer view;
    private final long[] entrySequences;
    private final long[] entryTimestamps;
    private final int[] entryPositions;
    private int entries;
    private int fd = -1;
    private Path file;
    private int from;
    private int heldLength;

    /**
     * @param capacity      bytes of the stage (the largest batch, its trailing zero word included).
     * @param indexInterval records per seek index entry (bounds the entries one batch can hold).
     */
    public WriteStage(int capacity, int indexInterval) {
        this.capacity = capacity;
        this.view = BufferUtil.allocateDirectAligned(capacity, 64);
        this.buffer = new UnsafeBuffer(view);
        int most = capacity / SegmentLayout.RECORD_HEADER / Math.max(1, indexInterval) + 2;
        this.entrySequences = new long[most];
        this.entryTimestamps = new long[most];
        this.entryPositions = new int[most];
    }

    /**
     * Starts staging for a new segment file (closing the previous one's descriptor).
     *
     * @param segmentFile the segment.
     * @param at          where its next record goes.
     * @return false if the file cannot be opened for writing.
     */
    public boolean segment(Path segmentFile, int at) {
        NativeIO.close(fd);
        file = segmentFile;
        fd = NativeIO.open(segmentFile, true);
        from = at;
        entries = 0;
        return fd >= 0;
    }

    /** @param alignedLength a record's aligned length. @return whether it fits an empty stage at all. */
    public boolean takes(int alignedLength) {
        return alignedLength + Integer.BYTES <= capacity;
    }

    /**
     * @param position      the segment offset of the record.
     * @param alignedLength its aligned length.
     * @return whether it fits behind what is staged.
     */
    public boolean fits(int position, int alignedLength) {
        return position - from + alignedLength + Integer.BYTES <= capacity;
    }

    /** @return the segment offset of stage offset 0: the first record not yet published. */
    public int from() {
        return from;
    }

    /** @return the stage, to compose records in (stage offset = segment offset - {@link #from()}). */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** @return the same bytes as a {@link ByteBuffer} (for the checksum). */
    public ByteBuffer view() {
        return view;
    }

    /**
     * Sets a staged record's length word: that of the batch's first record is held back until {@link #publish}.
     *
     * @param at     its segment offset.
     * @param length its length word.
     */
    public void commit(int at, int length) {
        if (at == from) {
            heldLength = length;
            buffer.putInt(0, 0);
        } else {
            buffer.putInt(at - from, length);
        }
    }

    /** Keeps a seek index entry of a staged record until the batch is published. */
    public void indexEntry(long sequence, long timestamp, int at) {
        entrySequences[entries] = sequence;
        entryTimestamps[entries] = timestamp;
        entryPositions[entries] = at;
        entries++;
    }

    /** A record was stored in place (too large for the stage, or claimed): the stage continues after it. */
    public void skipTo(int position) {
        from = position;
    }

    /**
     * Writes the staged batch, up to {@code position} and the zero word there, to the segment file.
     *
     * @param position the segment offset after the last staged record.
     * @return false if the write failed (the batch stays staged).
     */
    public boolean write(int position) {
        return fd >= 0 && NativeIO.pwriteFully(fd, buffer.addressOffset(), position - from + Integer.BYTES, from);
    }

    /**
     * Publishes the written batch: its first length word through the mapping (release), then its index entries.
     *
     * @param mapping  the writer's mapping of the segment.
     * @param index    the segment's seek index.
     * @param position the segment offset after the last staged record: where the next batch begins.
     */
    public void publish(UnsafeBuffer mapping, SeekIndexWriter index, int position) {
        mapping.putIntVolatile(from, heldLength);
        for (int i = 0; i < entries; i++) {
            index.add(entrySequences[i], entryTimestamps[i], entryPositions[i]);
        }
        entries = 0;
        from = position;
    }

    /** @return the segment file staged for, for messages. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        NativeIO.close(fd);
        fd = -1;
    }
}
