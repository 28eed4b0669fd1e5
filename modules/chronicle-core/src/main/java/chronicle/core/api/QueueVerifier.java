package chronicle.core.api;

import chronicle.core.internal.journal.Crc;
import chronicle.core.internal.journal.IndexFile;
import chronicle.core.internal.journal.IndexLayout;
import chronicle.core.internal.journal.MappedFile;
import chronicle.core.internal.journal.SeekIndex;
import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentHeader;
import chronicle.core.internal.journal.SegmentLayout;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks every record of every segment of a queue and checks everything that can be checked, for
 * {@code chronicle verify} and for tests:
 * <ul>
 *   <li>every segment header is valid (magic, version, its own number, its file length);</li>
 *   <li>segment numbers have no holes, and base sequences are contiguous: a segment's base is the previous
 *       segment's base plus its record count;</li>
 *   <li>every record fits its segment, carries the next sequence, and matches its CRC32C;</li>
 *   <li>a sealed segment ends with the end-of-segment marker, and its header's record count, data end, first and
 *       maximum timestamps match the records;</li>
 *   <li>every seek index entry points at the record with its sequence, and its maximum timestamp is at least the
 *       largest timestamp of the segment's records up to that one (else a seek by time could skip records).</li>
 * </ul>
 * Reads only (segments are mapped read-only); safe beside a live writer: each segment's index is read before its
 * records, so every entry read names a record already committed.
 *
 * <p><b>Thread-safe:</b> stateless; each call uses its own buffers.
 */
public final class QueueVerifier {

    private final Path dir;
    private final Crc crc = new Crc();
    private final List<Verification.Problem> problems = new ArrayList<>();
    private final List<Verification.Problem> warnings = new ArrayList<>();
    private long records;
    private long firstSequence = -1;
    private long lastSequence = -1;
    private long indexEntries;

    private QueueVerifier(Path dir) {
        this.dir = dir;
    }

    /**
     * Verifies a queue.
     *
     * @param dir the queue directory.
     * @return what was walked and what is wrong.
     * @throws QueueException naming the path if the directory is not a queue of a supported version (problems
     *                        inside segments and indexes are reported in the result instead).
     */
    public static Verification verify(Path dir) {
        SegmentScan.control(dir);
        QueueVerifier verifier = new QueueVerifier(dir);
        long[] numbers = SegmentFiles.list(dir);
        long expectedBase = -1;
        for (int i = 0; i < numbers.length; i++) {
            if (i > 0 && numbers[i] != numbers[i - 1] + 1) {
                verifier.problems.add(new Verification.Problem(SegmentFiles.path(dir, numbers[i - 1] + 1), 0,
                        "missing: segment files " + (numbers[i - 1] + 1) + ".." + (numbers[i] - 1)
                                + " are gone (retention deletes only the oldest), their records are lost"));
                expectedBase = -1;
            }
            expectedBase = verifier.segment(numbers[i], i == numbers.length - 1, expectedBase);
        }
        return new Verification(dir, numbers.length, verifier.records, verifier.firstSequence,
                verifier.lastSequence, verifier.indexEntries, verifier.problems, verifier.warnings);
    }

    /** @return the base the next segment must have, or -1 if unknown (this one is broken). */
    private long segment(long number, boolean newest, long expectedBase) {
        Path path = SegmentFiles.path(dir, number);
        Path indexPath = dir.resolve(SegmentLayout.indexFileName(number));
        IndexFile index = IndexFile.read(indexPath); // before the records: its entries name committed records only
        SegmentHeader header;
        long fileBytes;
        try {
            header = SegmentHeader.read(path);
            fileBytes = Files.size(path);
        } catch (QueueException | IOException e) {
            if (Files.notExists(path)) {
                return -1; // retention deleted it meanwhile (a live writer applies it when it rolls)
            }
            problem(path, 0, withoutPath(path, e.getMessage()));
            return -1;
        }
        if (header.size() != fileBytes) {
            problem(path, SegmentLayout.SIZE_OFFSET, "header says " + header.size() + " bytes, the file has "
                    + fileBytes);
        }
        long base = header.baseSequence();
        if (expectedBase >= 0 && base != expectedBase) {
            problem(path, SegmentLayout.BASE_SEQUENCE_OFFSET, "base sequence " + base + " does not continue the "
                    + "previous segment (expected " + expectedBase + ": its base plus its record count)");
        }
        Walk walk;
        try (MappedFile mapped = SegmentScan.map(path)) {
            walk = walk(path, mapped, header, index);
        } catch (QueueException e) {
            if (Files.notExists(path)) {
                return -1; // deleted by retention between its header and its records
            }
            throw e;
        }
        if (!header.sealed() && !newest) {
            warnings.add(new Verification.Problem(path, SegmentLayout.FLAGS_OFFSET, walk.endMarker
                    ? "ended, but its header's seal is not written yet (the writer's helper thread writes it just "
                    + "after the roll; if that writer died, the next writer does)"
                    : "not sealed, yet a newer segment exists: a writer stopped without sealing it (the next writer "
                    + "seals it)"));
        }
        if (walk.bad == null) {
            checkSealed(path, header, walk);
        }
        problems.addAll(walk.entryProblems); // after the segment's own problems: a bad record comes first
        checkIndex(indexPath, number, header, index, walk);
        records += walk.records;
        if (walk.records > 0) {
            if (firstSequence < 0) {
                firstSequence = base;
            }
            lastSequence = base + walk.records - 1;
        }
        if (walk.bad == null) {
            return base + walk.records;
        }
        return header.sealed() ? base + header.recordCount() : -1;
    }

    /** What walking one segment found. */
    private static final class Walk {
        long records;
        long firstTimestamp = Long.MIN_VALUE;
        long maxTimestamp = Long.MIN_VALUE;
        int end;
        boolean endMarker;
        String bad;
        /** index entries met while walking (their sequence came up), right or wrong. */
        int entriesSeen;
        /** what was wrong with them. */
        final List<Verification.Problem> entryProblems = new ArrayList<>();
    }

    private Walk walk(Path path, MappedFile mapped, SegmentHeader header, IndexFile index) {
        SeekIndex entries = index.entries();
        UnsafeBuffer buffer = mapped.buffer();
        ByteBuffer view = mapped.byteBuffer();
        long capacity = buffer.capacity();
        long base = header.baseSequence();
        crc.salt(header.crcSalt());
        Walk walk = new Walk();
        int entry = firstAtOrAfter(entries, base);
        int at = SegmentLayout.HEADER_SIZE;
        long seq = base;
        while (true) {
            if (at + Integer.BYTES > capacity) {
                break; // the writer always leaves room for the end marker: only a foreign file ends here
            }
            int length = buffer.getIntVolatile(at);
            if (length == 0) {
                break;
            }
            if (length == SegmentLayout.END_OF_SEGMENT) {
                walk.endMarker = true; // may sit in the last 8 bytes of a segment filled to the brim
                break;
            }
            long next = at + ((length + 7L) & ~7L); // in long: a huge length word must not wrap around
            if (length < SegmentLayout.RECORD_HEADER || next > capacity) {
                walk.bad = "length " + length + " does not fit the segment";
            } else if (base + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA)) != seq) {
                walk.bad = "sequence " + (base + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA)))
                        + " where " + seq + " was expected";
            } else if (!crc.matches(view, buffer, at, length)) {
                walk.bad = "CRC32C mismatch (record " + seq + " is corrupted, or torn by a crash)";
            }
            if (walk.bad != null) {
                problem(path, at, walk.bad);
                break;
            }
            long ts = buffer.getLong(at + SegmentLayout.R_TIMESTAMP);
            if (walk.records == 0) {
                walk.firstTimestamp = ts;
            }
            walk.maxTimestamp = Math.max(walk.maxTimestamp, ts);
            if (entry < entries.size() && entries.sequences()[entry] == seq) {
                if (entries.offsets()[entry] != at) {
                    entryProblem(index, entry, walk, "entry " + entry + " puts sequence " + seq + " at offset "
                            + entries.offsets()[entry] + ", but that record is at offset " + at + " of "
                            + path.getFileName());
                } else if (entries.maxTimestamps()[entry] < walk.maxTimestamp) {
                    entryProblem(index, entry, walk, "entry " + entry + " (sequence " + seq + "): max timestamp "
                            + entries.maxTimestamps()[entry] + " is below " + walk.maxTimestamp + ", the largest "
                            + "timestamp up to that record (a seek by time could skip records)");
                }
                entry++;
                walk.entriesSeen++;
            }
            at = (int) next;
            seq++;
            walk.records++;
        }
        walk.end = at;
        return walk;
    }

    private static void entryProblem(IndexFile index, int entry, Walk walk, String reason) {
        walk.entryProblems.add(new Verification.Problem(index.path(),
                IndexLayout.HEADER_SIZE + (long) entry * IndexLayout.ENTRY_SIZE, reason));
    }

    private void checkSealed(Path path, SegmentHeader header, Walk walk) {
        if (!header.sealed()) {
            return;
        }
        if (!walk.endMarker) {
            problem(path, walk.end, "sealed, but no end-of-segment marker after its last record");
            return;
        }
        if (header.recordCount() != walk.records) {
            problem(path, SegmentLayout.RECORD_COUNT_OFFSET, "header says " + header.recordCount()
                    + " records, the segment holds " + walk.records);
        }
        if (header.dataEnd() != walk.end) {
            problem(path, SegmentLayout.DATA_END_OFFSET, "header says the records end at offset "
                    + header.dataEnd() + ", they end at " + walk.end);
        }
        if (header.firstTimestamp() != walk.firstTimestamp) {
            problem(path, SegmentLayout.FIRST_TIMESTAMP_OFFSET, "header first timestamp " + header.firstTimestamp()
                    + " is not the first record's " + walk.firstTimestamp);
        }
        if (header.maxTimestamp() != walk.maxTimestamp) {
            problem(path, SegmentLayout.MAX_TIMESTAMP_OFFSET, "header max timestamp " + header.maxTimestamp()
                    + " is not the records' maximum " + walk.maxTimestamp + " (a seek by time relies on it)");
        }
    }

    private void checkIndex(Path indexPath, long number, SegmentHeader header, IndexFile index, Walk walk) {
        SeekIndex entries = index.entries();
        if (index.state() == IndexFile.State.MISSING) {
            if (walk.records > 0) {
                warnings.add(new Verification.Problem(indexPath, 0, "no seek index: seeks scan segment " + number
                        + " from its start"));
            }
            return;
        }
        if (index.state() == IndexFile.State.UNWRITTEN) {
            // The writer's helper writes it just after the roll that published the segment.
            warnings.add(new Verification.Problem(indexPath, 0, "seek index header not written yet (the segment was "
                    + "published a moment ago, or its writer died just after): seeks scan segment " + number
                    + " from its start"));
            return;
        }
        if (index.state() == IndexFile.State.BAD) {
            problem(indexPath, index.problemOffset(), index.problem());
            return;
        }
        if (index.segment() != number) {
            problem(indexPath, 16, "index names segment " + index.segment() + ", but belongs to segment " + number);
            return;
        }
        if (index.baseSequence() != header.baseSequence()) {
            problem(indexPath, 24, "index base sequence " + index.baseSequence() + " is not the segment's "
                    + header.baseSequence());
        }
        if (index.tornBytes() > 0) {
            warnings.add(new Verification.Problem(indexPath, IndexLayout.HEADER_SIZE
                    + (long) entries.size() * IndexLayout.ENTRY_SIZE, "torn last entry (" + index.tornBytes()
                    + " bytes, ignored by readers)"));
        }
        indexEntries += entries.size();
        for (int e = 1; e < entries.size(); e++) {
            if (entries.sequences()[e] <= entries.sequences()[e - 1]) {
                problem(indexPath, IndexLayout.HEADER_SIZE + (long) e * IndexLayout.ENTRY_SIZE, "entry " + e
                        + " names sequence " + entries.sequences()[e] + ", not after the previous entry's "
                        + entries.sequences()[e - 1] + " (entries must ascend)");
                return;
            }
        }
        int first = firstAtOrAfter(entries, header.baseSequence());
        if (first > 0) {
            problem(indexPath, IndexLayout.HEADER_SIZE, "entry 0 names sequence " + entries.sequences()[0]
                    + ", before the segment's base sequence " + header.baseSequence());
        }
        int unmatched = first + walk.entriesSeen;
        if (walk.bad == null && unmatched < entries.size()) {
            // Entries (ascending) the walk did not meet name sequences after the last record.
            problem(indexPath, IndexLayout.HEADER_SIZE + (long) unmatched * IndexLayout.ENTRY_SIZE, "entry "
                    + unmatched + " names sequence " + entries.sequences()[unmatched] + ", after the segment's last "
                    + "record " + (header.baseSequence() + walk.records - 1));
        }
    }

    private void problem(Path file, long offset, String reason) {
        problems.add(new Verification.Problem(file, offset, reason));
    }

    private static String withoutPath(Path path, String message) {
        String prefix = path + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length())
                : String.valueOf(message);
    }

    /** @return the first entry naming a sequence at or after {@code sequence}, walking (entries may not ascend). */
    private static int firstAtOrAfter(SeekIndex entries, long sequence) {
        int e = 0;
        while (e < entries.size() && entries.sequences()[e] < sequence) {
            e++;
        }
        return e;
    }
}
