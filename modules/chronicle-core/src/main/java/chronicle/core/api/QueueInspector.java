package chronicle.core.api;

import chronicle.core.internal.journal.IndexLayout;
import chronicle.core.internal.journal.MappedFile;
import chronicle.core.internal.journal.ReaderPosition;
import chronicle.core.internal.journal.ReaderPositionLayout;
import chronicle.core.internal.journal.Retention;
import chronicle.core.internal.journal.SeekIndex;
import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentHeader;
import chronicle.core.internal.journal.SegmentLayout;
import chronicle.core.internal.journal.WriterLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Looks into a queue without changing it, for tools ({@code chronicle inspect}, {@code chronicle doctor}) and
 * monitoring: segments, named readers and their lag, the writer lock, and what retention would delete.
 *
 * <p>Reads headers, index files and the tail of the active segment only (no CRC walk: see {@link QueueVerifier}
 * for that), so it is cheap on a queue of any size and safe beside a live writer and live readers.
 *
 * <p><b>Thread-safe:</b> stateless.
 */
public final class QueueInspector {

    private QueueInspector() {
    }

    /**
     * Inspects a queue, judging readers by {@link RetentionPolicy#KEEP_ALL}'s rules (dead after 5 minutes
     * without a heartbeat once their process is gone).
     *
     * @param dir the queue directory.
     * @return what it holds.
     * @throws QueueException naming the file if the directory is not a queue, or a segment header is corrupt or
     *                        of an unsupported version.
     */
    public static QueueInfo inspect(Path dir) {
        return inspect(dir, RetentionPolicy.KEEP_ALL);
    }

    /**
     * Inspects a queue, judging readers by a policy's dead-reader timeout and lagging-reader limit.
     *
     * @param dir    the queue directory.
     * @param policy the rules for readers.
     * @return what it holds.
     * @throws QueueException naming the file if the directory is not a queue, or a segment header is corrupt or
     *                        of an unsupported version.
     */
    public static QueueInfo inspect(Path dir, RetentionPolicy policy) {
        SegmentScan.Control control = SegmentScan.control(dir);
        List<QueueInfo.Segment> segments = new ArrayList<>();
        long tailTimestamp = Long.MIN_VALUE;
        long[] numbers = SegmentFiles.list(dir);
        for (long number : numbers) {
            Path path = SegmentFiles.path(dir, number);
            SegmentHeader header;
            long fileBytes;
            try {
                header = SegmentHeader.read(path);
                fileBytes = Files.size(path);
            } catch (QueueException | IOException e) {
                if (Files.notExists(path)) {
                    continue; // retention deleted it meanwhile
                }
                throw e instanceof QueueException q ? q
                        : new QueueException(path + ": cannot read: " + e.getMessage(), e);
            }
            Path indexPath = dir.resolve(SegmentLayout.indexFileName(number));
            if (header.sealed()) {
                segments.add(new QueueInfo.Segment(number, path, true, header.baseSequence(), header.recordCount(),
                        header.firstTimestamp(), header.maxTimestamp(), header.dataEnd(), fileBytes,
                        indexEntries(indexPath)));
                continue;
            }
            SegmentScan.Tail tail = walk(path, header.baseSequence(), indexPath);
            // Ended by the writer, its header's seal still to be written by the writer's helper: sealed all the same.
            segments.add(new QueueInfo.Segment(number, path, tail.ended(), header.baseSequence(), tail.records(),
                    tail.firstTimestamp(), tail.maxTimestamp(), tail.end(), fileBytes, indexEntries(indexPath)));
            if (tail.records() > 0) {
                tailTimestamp = tail.lastTimestamp();
            }
        }
        long nextSequence = segments.isEmpty() ? 0 : segments.getLast().baseSequence() + segments.getLast().records();
        QueueInfo.Segment newest = segments.reversed().stream().filter(s -> s.records() > 0).findFirst().orElse(null);
        if (newest != null && newest.sealed()) {
            // The tail is in a sealed segment (the active one is empty): walk its end for the last record's time.
            tailTimestamp = walk(newest.file(), newest.baseSequence(),
                    dir.resolve(SegmentLayout.indexFileName(newest.number()))).lastTimestamp();
        }
        long newestNumber = numbers.length == 0 ? -1 : numbers[numbers.length - 1];
        return new QueueInfo(dir, control.segmentSize(), control.rollDaily(), control.createdNanos(), segments,
                nextSequence, tailTimestamp, readers(dir, policy, newestNumber, nextSequence), writer(dir));
    }

    private static SegmentScan.Tail walk(Path segment, long base, Path indexPath) {
        SeekIndex index = SeekIndex.read(indexPath);
        try (MappedFile mapped = SegmentScan.map(segment)) {
            return SegmentScan.tail(mapped.buffer(), base, index);
        }
    }

    /**
     * Whether a segment's header carries its seal: the writer has finished the segment and its helper has written
     * the header's final fields (record count, data end, first and greatest timestamps), so the file will never
     * change again until retention deletes it. Stricter than {@link QueueInfo.Segment#sealed()}, which also counts
     * a segment whose end marker is written but whose seal is still on its way: archivers copy only segments
     * sealed here, so that their copies are byte for byte the final file.
     *
     * @param segment a segment file ({@code <n>.q}).
     * @return true if its header is sealed; false if it is not, or if the file is gone (deleted by retention).
     * @throws QueueException naming the file if it is not a segment or of an unsupported version.
     */
    public static boolean headerSealed(Path segment) {
        return SegmentHeader.readIfExists(segment).map(SegmentHeader::sealed).orElse(false);
    }

    /**
     * Who holds a queue's writer lock, read from its lock file.
     *
     * @param dir the queue directory.
     * @return the writer's state and identity.
     */
    public static QueueInfo.Writer writer(Path dir) {
        Optional<WriterLock.Owner> owner = WriterLock.owner(dir);
        return owner.map(o -> new QueueInfo.Writer(o.isAlive() ? QueueReader.WriterState.ALIVE
                        : QueueReader.WriterState.DEAD, o.pid(), o.startMillis(), o.host()))
                .orElse(QueueInfo.Writer.NONE);
    }

    /**
     * What a retention pass with this policy would delete now, and what it would have to keep for a reader.
     * Deletes nothing.
     *
     * @param dir    the queue directory.
     * @param policy the policy to plan for.
     * @return the plan.
     * @throws QueueException naming the file if the directory is not a queue or a header cannot be read.
     */
    public static RetentionPlan planRetention(Path dir, RetentionPolicy policy) {
        SegmentScan.control(dir);
        Retention.Report report = Retention.plan(dir, policy);
        long bytes = 0;
        for (Path path : report.deleted()) {
            bytes += size(path);
        }
        String reason = "";
        if (!report.candidates().isEmpty()) {
            Path held = report.candidates().getFirst();
            long number = Long.parseLong(held.getFileName().toString().substring(0, 9));
            String holders = report.readers().stream()
                    .filter(v -> v.protects() && v.position().segment() <= number)
                    .map(v -> "'" + v.position().name() + "' (at segment " + v.position().segment() + ")")
                    .collect(Collectors.joining(", "));
            reason = holders.isEmpty() ? "the segment is not sealed" : "reader " + holders + " has not passed it";
        }
        return new RetentionPlan(policy, report.deleted(), bytes, report.candidates(), reason,
                report.readers().stream().map(Retention.ReaderVerdict::why).toList());
    }

    private static List<QueueInfo.Reader> readers(Path dir, RetentionPolicy policy, long newestSegment,
                                                  long nextSequence) {
        Path readersDir = dir.resolve(ReaderPositionLayout.DIRECTORY);
        List<Path> files;
        try (Stream<Path> list = Files.list(readersDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(ReaderPositionLayout.SUFFIX)).sorted()
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new QueueException(readersDir + ": cannot list readers: " + e.getMessage(), e);
        }
        Map<String, Retention.ReaderVerdict> verdicts = new HashMap<>();
        for (Retention.ReaderVerdict v : Retention.readers(dir, policy, newestSegment)) {
            verdicts.put(v.position().name(), v);
        }
        List<QueueInfo.Reader> readers = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            name = name.substring(0, name.length() - ReaderPositionLayout.SUFFIX.length());
            Retention.ReaderVerdict verdict = verdicts.get(name);
            if (verdict == null) {
                Optional<ReaderPosition> position = ReaderPosition.read(file);
                if (position.isPresent()) {
                    continue; // committed after the verdicts were taken: a new reader, seen next time
                }
                readers.add(new QueueInfo.Reader(name, false, -1, -1, -1, -1, -1, false, false,
                        "reader '" + name + "' is registered but has no valid position (never committed)", -1));
                continue;
            }
            ReaderPosition p = verdict.position();
            readers.add(new QueueInfo.Reader(name, true, p.segment(), p.offset(), p.nextSequence(),
                    p.heartbeatMillis(), p.pid(), verdict.alive(), verdict.protects(), verdict.why(),
                    Math.max(0, nextSequence - p.nextSequence())));
        }
        return readers;
    }

    private static long indexEntries(Path indexPath) {
        long length = size(indexPath);
        return length < IndexLayout.HEADER_SIZE ? 0 : (length - IndexLayout.HEADER_SIZE) / IndexLayout.ENTRY_SIZE;
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }
}
