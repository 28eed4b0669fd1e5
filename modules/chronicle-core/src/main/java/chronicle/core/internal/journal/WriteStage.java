package chronicle.core.internal.journal;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A bulk writer's staging buffer ({@code QueueOptions.stagingBytes}): records are composed here, in their segment
 * layout, then written to the segment file a stage at a time with one {@code pwrite}, and published (made visible
 * to readers) with one store per {@link #PUBLISH_EVERY_BYTES} written, or sooner at the writer's flush.
 *
 * <p>Why: storing a record in place through the mapping makes the kernel fault in each fresh page of the segment
 * and zero it before the store lands; a writer that copies hundreds of megabytes a second (a refinery, an import)
 * spends more time there than on its records, and on some VMs the faults are many times slower still. The file
 * system's write path fills the page cache from a buffer that stays hot in the CPU's cache, steadily.
 *
 * <p>Stage offset 0 is segment offset {@link #from()}; what is written but not yet published starts at the held
 * record, {@link #unpublished()}:
 * <pre>
 *   file:   [ published records | held record (length word 0) | record | ... ]   written, not yet visible
 *   stage:                                                                [ record | ... | record | 0000 ]
 *                                                                           ^ from              ^ the next record's
 *                                                                                                 length word: zero
 * </pre>
 * The first unpublished record's length word is held back ({@link #commit}): everything after it reaches the file
 * first, and only then does {@link #publish} store that word through the writer's mapping with a release store. A
 * reader follows length words from the published tail, so it sees everything written up to then at once or nothing;
 * after a crash before the store, recovery finds the zero length word and cuts the segment there, as it drops a
 * torn record. For the same reason seek index entries are added only once their records are published: an entry
 * must never lead a reader past the published tail.
 *
 * <p>Why writes and publications are counted apart: each publication stores into a page of the mapping that the
 * writer has not touched before, a page fault (5-50 us on the VMs measured here), while a small stage stays in the
 * CPU's cache between its copy, its checksum and its write. 64 KiB stages published every 1 MiB keep both.
 *
 * <p><b>Not thread-safe:</b> the writer's thread only.
 */
public final class WriteStage implements AutoCloseable {

    /** Written bytes after which they are published even without a flush. */
    public static final int PUBLISH_EVERY_BYTES = 1 << 20;
    /** Seek index entries kept for the unpublished records: when full, the writer publishes. */
    private static final int MAX_ENTRIES = 256;

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
    private int unpublished;
    private int heldLength;

    /**
     * @param capacity bytes of the stage (the largest write, its trailing zero word included).
     */
    public WriteStage(int capacity) {
        this.capacity = capacity;
        this.view = BufferUtil.allocateDirectAligned(capacity, 64);
        this.buffer = new UnsafeBuffer(view);
        this.entrySequences = new long[MAX_ENTRIES];
        this.entryTimestamps = new long[MAX_ENTRIES];
        this.entryPositions = new int[MAX_ENTRIES];
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
        unpublished = at;
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

    /** @return the segment offset of stage offset 0: the first record not yet written. */
    public int from() {
        return from;
    }

    /** @return the segment offset of the first record not yet published (the held one). */
    public int unpublished() {
        return unpublished;
    }

    /** @return whether the kept seek index entries are at their limit: publish before the next record. */
    public boolean entriesFull() {
        return entries == MAX_ENTRIES;
    }

    /**
     * @param position the segment offset after the last written record.
     * @return whether enough is written, unpublished, to publish it without waiting for a flush.
     */
    public boolean publishDue(int position) {
        return position - unpublished >= PUBLISH_EVERY_BYTES;
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
     * Sets a staged record's length word: that of the first unpublished record is held back until {@link #publish}.
     *
     * @param at     its segment offset.
     * @param length its length word.
     */
    public void commit(int at, int length) {
        if (at == unpublished) {
            heldLength = length;
            buffer.putInt(at - from, 0);
        } else {
            buffer.putInt(at - from, length);
        }
    }

    /** Keeps a seek index entry of a staged record until it is published (see {@link #entriesFull()}). */
    public void indexEntry(long sequence, long timestamp, int at) {
        entrySequences[entries] = sequence;
        entryTimestamps[entries] = timestamp;
        entryPositions[entries] = at;
        entries++;
    }

    /**
     * A record was stored in place (too large for the stage, or claimed) after everything before it was published:
     * the stage continues after it.
     */
    public void skipTo(int position) {
        from = position;
        unpublished = position;
    }

    /**
     * Writes the stage, up to {@code position} and the zero word there, to the segment file; the stage then starts
     * again at {@code position}.
     *
     * @param position the segment offset after the last staged record.
     * @return false if the write failed (the records stay staged).
     */
    public boolean write(int position) {
        if (position == from) {
            return true;
        }
        if (fd < 0 || !NativeIO.pwriteFully(fd, buffer.addressOffset(), position - from + Integer.BYTES, from)) {
            return false;
        }
        from = position;
        return true;
    }

    /**
     * Publishes everything written ({@link #write} first): the held length word through the mapping (release), then
     * the kept seek index entries.
     *
     * @param mapping the writer's mapping of the segment.
     * @param index   the segment's seek index.
     */
    public void publish(UnsafeBuffer mapping, SeekIndexWriter index) {
        if (unpublished == from) {
            return;
        }
        mapping.putIntVolatile(unpublished, heldLength);
        for (int i = 0; i < entries; i++) {
            index.add(entrySequences[i], entryTimestamps[i], entryPositions[i]);
        }
        entries = 0;
        unpublished = from;
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
