package chronicle.core.internal.journal;

import chronicle.core.api.Durability;
import chronicle.core.api.IndexPolicy;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueOptions;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A writer's recovery on open: finds the true tail of every segment left unsealed by a writer that stopped without
 * sealing it (crash, kill -9, power loss), using the seek index to avoid scanning the whole segment; discards a torn
 * record by its CRC, zeroes what follows, adds the index entries the dead writer had not written, and seals the
 * segment (or, for an empty newest segment, hands it to the writer to continue in). Also writes a seal or an index
 * header that a dead writer had left to its helper.
 */
public final class Recovery {

    private static final System.Logger LOG = System.getLogger("chronicle.core.api.QueueWriter");

    private Recovery() {
    }

    /** Where the writer continues after recovery. */
    public sealed interface Resume {
    }

    /**
     * Create segment {@code number} and continue there.
     *
     * @param number       the new segment's number.
     * @param baseSequence the sequence its first record gets.
     */
    public record StartNew(long number, long baseSequence) implements Resume {
    }

    /**
     * Continue in the newest segment, which holds no record.
     *
     * @param segment      its mapping, read-write.
     * @param index        its index writer, started.
     * @param number       its number.
     * @param baseSequence the sequence its first record gets.
     * @param position     the offset of its first record.
     */
    public record ContinueIn(MappedFile segment, SeekIndexWriter index, long number, long baseSequence,
                             int position) implements Resume {
    }

    /**
     * Recovers every segment of a queue whose writer lock the caller holds.
     *
     * @param dir     the queue directory.
     * @param options the writer's options (index policy, durability of the seal).
     * @return where the writer continues.
     * @throws QueueException if a segment cannot be mapped.
     */
    public static Resume recover(Path dir, QueueOptions options) {
        long[] segments = SegmentFiles.list(dir);
        if (segments.length == 0) {
            return new StartNew(0, 0);
        }
        long next = 0;
        for (int i = 0; i < segments.length; i++) {
            Path path = SegmentFiles.path(dir, segments[i]);
            SegmentHeader header = SegmentHeader.read(path);
            if (header.sealed()) {
                next = header.baseSequence() + header.recordCount();
                // Only the newest can lack it: the helper writes it just after the roll, at most 64 rolls behind.
                if (i >= segments.length - WriterHelper.MAX_PENDING_ROLLS - 2
                        && SeekIndexWriter.repairHeader(dir.resolve(SegmentLayout.indexFileName(header.index())),
                        header.index(), header.baseSequence(), options.index().interval())) {
                    LOG.log(Level.INFO, "{0}: wrote the seek index header a dead writer had left to its helper",
                            path);
                }
                continue;
            }
            MappedFile mapped = map(path);
            Tail tail = findTail(mapped, header, SeekIndex.read(dir.resolve(SegmentLayout.indexFileName(header.index()))));
            if (!tail.torn().isEmpty()) {
                LOG.log(Level.WARNING, "{0}: {1}; the queue continues at sequence {2}", path, tail.torn(),
                        String.valueOf(tail.nextSequence()));
            }
            zeroAfter(mapped, tail.tail());
            boolean last = i == segments.length - 1;
            if (last && tail.records() == 0) {
                // An empty active segment: keep writing into it, numbered after the segments before it.
                long base = i == 0 ? header.baseSequence() : next;
                mapped.buffer().putLong(SegmentLayout.BASE_SEQUENCE_OFFSET, base);
                return new ContinueIn(mapped, openIndex(dir, options.index(), header.index(), base, 0),
                        header.index(), base, tail.tail());
            }
            // Seal what the dead writer left: readers move on to the next segment.
            seal(dir, mapped, header, tail, options);
            next = tail.nextSequence();
            if (tail.ended()) {
                // Ended but not sealed: the dead writer had left the seal to its helper (a roll just before it died).
                LOG.log(Level.INFO, "{0}: wrote the seal a dead writer had left to its helper", path);
            } else if (!last) {
                LOG.log(Level.WARNING, "{0}: sealed an unsealed segment that was not the newest", path);
            }
        }
        return new StartNew(segments[segments.length - 1] + 1, next);
    }

    /** Adds the missing index entries, writes the end marker and the seal, syncs per durability, and closes. */
    private static void seal(Path dir, MappedFile mapped, SegmentHeader header, Tail tail, QueueOptions options) {
        SeekIndexWriter index = openIndex(dir, options.index(), header.index(), header.baseSequence(),
                tail.indexEntries());
        try {
            reindexTail(mapped.buffer(), index, tail, options.index().interval());
            UnsafeBuffer buffer = mapped.buffer();
            buffer.putIntVolatile(tail.tail(), SegmentLayout.END_OF_SEGMENT);
            new SegmentSeal(tail.records(), tail.tail(), tail.firstTimestamp(), tail.maxTimestamp()).writeTo(buffer);
            if (options.durability() != Durability.PAGE_CACHE) {
                index.flush();
                NativeIO.msync(mapped.address(), mapped.length());
                index.force();
            }
        } finally {
            index.close(); // flushes
            mapped.close();
        }
    }

    private static SeekIndexWriter openIndex(Path dir, IndexPolicy policy, long number, long base, long keepEntries) {
        SeekIndexWriter opened = SeekIndexWriter.open(dir.resolve(SegmentLayout.indexFileName(number)),
                policy.flushEveryEntries(), policy.flushIntervalMillis() * 1_000_000L);
        opened.start(number, base, policy.interval(), keepEntries);
        return opened;
    }

    /**
     * Zeroes everything after the tail, so that no stale byte (a claim that was never committed, a page written
     * before a power loss) can ever look like a record: the partial page through the mapping, the rest with a
     * file-system call that writes nothing (falling back to writing zeros).
     */
    private static void zeroAfter(MappedFile mapped, int tail) {
        int page = (tail + 4095) & ~4095;
        mapped.buffer().setMemory(tail, Math.min(page, mapped.length()) - tail, (byte) 0);
        if (page < mapped.length() && !NativeIO.zeroRange(mapped.path(), page, mapped.length() - page)) {
            mapped.buffer().setMemory(page, mapped.length() - page, (byte) 0);
        }
    }

    /** Adds the index entries a dead writer had not written, walking from its last good entry to the tail. */
    private static void reindexTail(UnsafeBuffer buffer, SeekIndexWriter index, Tail tail, int interval) {
        int at = tail.resumeOffset();
        long seq = tail.resumeSequence();
        long runningMax = tail.resumeMaxTimestamp();
        long nextEntry = tail.indexEntries() == 0 ? seq : seq + interval;
        while (at < tail.tail()) {
            runningMax = Math.max(runningMax, buffer.getLong(at + SegmentLayout.R_TIMESTAMP));
            if (seq == nextEntry) {
                index.add(seq, runningMax, at);
                nextEntry += interval;
            }
            at += SegmentLayout.aligned(buffer.getInt(at));
            seq++;
        }
    }

    private static MappedFile map(Path path) {
        try {
            return MappedFile.map(path, true);
        } catch (IOException e) {
            throw new QueueException(path + ": cannot map segment for recovery: " + e.getMessage(), e);
        }
    }

    /**
     * Where an unsealed segment's good records end.
     *
     * @param tail         offset after the last good record.
     * @param nextSequence sequence the next record gets.
     * @param records      good records in the segment.
     * @param firstTimestamp timestamp of the first record (Long.MIN_VALUE if none).
     * @param maxTimestamp largest timestamp (Long.MIN_VALUE if none).
     * @param indexEntries index entries that point at good records (the rest of the index file is dropped).
     * @param resumeOffset offset of the record of the last good index entry (or of the first record).
     * @param resumeSequence its sequence.
     * @param resumeMaxTimestamp the running maximum timestamp stored in that entry (Long.MIN_VALUE if none).
     * @param torn         what was discarded after the tail, or empty.
     * @param ended        the tail is an end-of-segment marker (the writer had moved on to the next segment).
     */
    public record Tail(int tail, long nextSequence, long records, long firstTimestamp, long maxTimestamp,
                       long indexEntries, int resumeOffset, long resumeSequence, long resumeMaxTimestamp,
                       String torn, boolean ended) {
    }

    /**
     * @param segment      the segment, mapped read-write.
     * @param header       its header.
     * @param index        its index as found on disk.
     * @return the tail; the caller zeroes what follows and seals or continues the segment.
     */
    public static Tail findTail(MappedFile segment, SegmentHeader header, SeekIndex index) {
        UnsafeBuffer buffer = segment.buffer();
        ByteBuffer view = segment.byteBuffer();
        Crc crc = new Crc();
        crc.salt(header.crcSalt());
        long base = header.baseSequence();
        // The newest index entry that points at a good record is the place to start.
        int entry = index.size() - 1;
        while (entry >= 0 && !pointsAtRecord(buffer, view, crc, index, entry, base)) {
            entry--;
        }
        int from = entry < 0 ? SegmentLayout.HEADER_SIZE : (int) index.offsets()[entry];
        long seq = entry < 0 ? base : index.sequences()[entry];
        long maxBefore = entry < 0 ? Long.MIN_VALUE : index.maxTimestamps()[entry];
        TailScan scan = TailScan.walk(buffer, view, crc, from, seq, base, true);
        long records = scan.nextSequence() - base;
        long first = records > 0 ? buffer.getLong(SegmentLayout.HEADER_SIZE + SegmentLayout.R_TIMESTAMP) : Long.MIN_VALUE;
        String torn = scan.stop() == TailScan.Stop.BAD_RECORD
                ? "discarded a bad record at offset " + scan.end() + ": " + scan.detail() : "";
        return new Tail(scan.end(), scan.nextSequence(), records, first, Math.max(maxBefore, scan.maxTimestamp()),
                entry + 1, from, seq, maxBefore, torn, scan.stop() == TailScan.Stop.END_MARKER);
    }

    private static boolean pointsAtRecord(UnsafeBuffer buffer, ByteBuffer view, Crc crc, SeekIndex index, int entry,
                                          long base) {
        long offset = index.offsets()[entry];
        if (offset < SegmentLayout.HEADER_SIZE || offset + SegmentLayout.RECORD_HEADER > buffer.capacity()
                || (offset & 7) != 0) {
            return false;
        }
        int at = (int) offset;
        int length = buffer.getInt(at);
        return SegmentLayout.fits(at, length, buffer.capacity())
                && base + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA)) == index.sequences()[entry]
                && crc.matches(view, buffer, at, length);
    }
}
