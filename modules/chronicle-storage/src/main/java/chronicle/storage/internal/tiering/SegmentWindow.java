package chronicle.storage.internal.tiering;

import chronicle.core.api.RecordHandler;
import chronicle.core.api.SegmentDecoder;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import chronicle.storage.spi.RangeReader;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.NoSuchFileException;

/**
 * A window of one segment's original bytes, wherever they are stored, for a {@link SegmentDecoder}: it reads the
 * next window when a record runs past the current one, and grows for a record larger than the window.
 */
public final class SegmentWindow implements Closeable {

    private final Tiers tiers;
    private final StreamDay day;
    private final TieredReader.Options options;
    private ByteBuffer bytes;
    private UnsafeBuffer buffer;
    private RangeReader source;
    private long size;
    private long windowStart;
    private int windowEnd;
    private boolean clipped;

    /**
     * @param tiers   the tiers.
     * @param day     the stream day.
     * @param options window size, cache and read-ahead.
     */
    public SegmentWindow(Tiers tiers, StreamDay day, TieredReader.Options options) {
        this.tiers = tiers;
        this.day = day;
        this.options = options;
        allocate(options.windowBytes());
    }

    /**
     * Opens a segment and reads its first window.
     *
     * @param entry the segment's entry.
     * @return its header.
     * @throws IOException naming the location if it cannot be read.
     */
    public SegmentDecoder.SegmentInfo open(SegmentLocation entry) throws IOException {
        close();
        source = SegmentSources.open(tiers, day, entry, options);
        size = source.size();
        if (!entry.hot() && entry.version() != null) {
            // A tiered segment: the manifest knows its header, so a seek reads only the frames it needs.
            return new SegmentDecoder.SegmentInfo(entry.segment(), entry.version(), entry.firstSequence(), size, true,
                    entry.records(), size, entry.firstTimestamp() == null ? Long.MIN_VALUE : entry.firstTimestamp(),
                    entry.maxTimestamp() == null ? Long.MIN_VALUE : entry.maxTimestamp());
        }
        fill(0, false);
        SegmentDecoder.SegmentInfo info = SegmentDecoder.header(source.location(), bytes.duplicate().limit(windowEnd));
        if (info.index() != entry.segment()) {
            throw new IOException(source.location() + ": holds segment " + info.index() + ", the manifest says "
                    + entry.segment());
        }
        return info;
    }

    /**
     * Decodes the record at an offset, reading a new window first if it runs past this one.
     *
     * @param decoder the decoder started on this segment.
     * @param offset  the record's offset.
     * @param handler receives it, or null to skip it.
     * @return as {@link SegmentDecoder#decode}, never {@link SegmentDecoder#NEED_MORE}.
     * @throws IOException if the bytes cannot be read.
     */
    public int decode(SegmentDecoder decoder, long offset, RecordHandler handler) throws IOException {
        boolean clip = true;
        for (int refills = 0; ; refills++) {
            int r = decoder.decode(buffer, bytes, windowStart, windowEnd, offset, handler);
            if (r != SegmentDecoder.NEED_MORE) {
                return r;
            }
            if (offset + SegmentDecoder.RECORD_HEADER_SIZE > size || refills == 3) {
                return SegmentDecoder.END; // no room for another record before the segment's end
            }
            if (refills > 0 && !clipped) {
                // Refilled at the record, whole, and still short: the record is longer than the window. Grow to
                // fit it only, so that the end of a full segment never makes the window (and every later read)
                // larger.
                int length = buffer.getInt((int) (offset - windowStart));
                allocate(Math.max(bytes.capacity(), (length + 15) & ~7));
            }
            fill(offset, clip);
            clip = false; // a record that crosses the unit's end is read across it
        }
    }

    /**
     * Reads a segment's seek index.
     *
     * @param entry the segment's entry.
     * @return its index (empty when it has none).
     * @throws IOException if it cannot be read.
     */
    public SegmentDecoder.Index index(SegmentLocation entry) throws IOException {
        if (entry.indexKey() == null) {
            return SegmentDecoder.Index.EMPTY;
        }
        try (RangeReader in = SegmentSources.openIndex(tiers, day, entry)) {
            long length = in.size();
            if (length > Integer.MAX_VALUE - 16) {
                return SegmentDecoder.Index.EMPTY;
            }
            ByteBuffer all = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
            in.readFully(0, all);
            all.flip();
            return SegmentDecoder.index(in.location(), all);
        } catch (NoSuchFileException e) {
            return SegmentDecoder.Index.EMPTY;
        }
    }

    /** @return the window's size in bytes: the configured one, or more only after a record longer than it. */
    public int capacity() {
        return bytes.capacity();
    }

    /** @return where the segment being read is. */
    public String location() {
        return source == null ? day.toString() : source.location();
    }

    @Override
    public void close() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                // a read-only source: nothing is lost by a failed close
            }
            source = null;
        }
        windowStart = 0;
        windowEnd = 0;
    }

    /**
     * Reads the window from an offset. Clipped, it stops at the end of the source's unit of reading (a compressed
     * frame) when a record header fits before it: a window that ran into the next frame would decompress it for
     * records that may never be read (a random record read would cost two frames).
     */
    private void fill(long from, boolean clip) throws IOException {
        int want = (int) Math.min(bytes.capacity(), size - from);
        long unitEnd = clip ? source.unitEnd(from) : size;
        clipped = unitEnd - from < want && unitEnd - from >= SegmentDecoder.RECORD_HEADER_SIZE;
        if (clipped) {
            want = (int) (unitEnd - from);
        }
        bytes.clear().limit(want);
        source.readFully(from, bytes);
        bytes.clear();
        windowStart = from;
        windowEnd = want;
    }

    private void allocate(int capacity) {
        bytes = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
        buffer = new UnsafeBuffer(bytes);
        windowEnd = 0;
    }
}
