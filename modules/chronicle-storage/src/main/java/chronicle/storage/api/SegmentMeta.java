package chronicle.storage.api;

import chronicle.storage.internal.raw.SegmentMetaJson;
import chronicle.storage.spi.DurableFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code meta.json} of an archive directory: which venue's data it holds, when it was last written, the
 * event-time range its records cover, how complete it is, and the segments it holds with their checksums. Written
 * atomically ({@link DurableFiles}) beside the segments by the raw archiver, and readable by tiering and tools.
 *
 * <pre>{@code
 * {
 *   "format": "chronicle-segment-meta", "version": 1,
 *   "venue": "binance",
 *   "ingest_time_ns": 1706054400123000000,
 *   "event_time_range": [1706054400000000000, 1706057999999000000],   (null when no segment has records)
 *   "completeness": "sealed",
 *   "segments": [
 *     { "number": 123, "file": "000000123.q", "size": 134217728, "checksum": "1c2d3e4f",
 *       "base_sequence": 5000000, "records": 1200000,
 *       "event_time_range": [1706054400000000000, 1706055000000000000],
 *       "index": "000000123.idx", "compressed": "000000123.q.zst", "retained": false }
 *   ]
 * }
 * }</pre>
 * Field by field: docs/FORMATS.md, "Segment metadata".
 *
 * @param venue           the venue (as the user spells it; directories hold its encoded form).
 * @param ingestTimeNanos when this file was last written, epoch nanoseconds.
 * @param eventTimeRange  the earliest and latest record timestamps over all segments, or null if none has records.
 * @param completeness    {@value #SEALED}: every segment listed is a sealed segment, copied whole.
 * @param segments        the segments, by number.
 */
public record SegmentMeta(String venue, long ingestTimeNanos, TimeRange eventTimeRange, String completeness,
                          List<Segment> segments) {

    /** The file name. */
    public static final String FILE_NAME = "meta.json";
    /** The {@code format} field's value. */
    public static final String FORMAT = "chronicle-segment-meta";
    /** The version this build writes and reads. */
    public static final int VERSION = 1;
    /** Completeness of segments copied whole after the writer sealed them. */
    public static final String SEALED = "sealed";

    /** Copies the list, sorted by segment number. */
    public SegmentMeta {
        segments = segments.stream().sorted(Comparator.comparingLong(Segment::number)).toList();
    }

    /**
     * An event-time range.
     *
     * @param firstNanos the earliest record timestamp, epoch nanoseconds.
     * @param lastNanos  the latest record timestamp, epoch nanoseconds.
     */
    public record TimeRange(long firstNanos, long lastNanos) {

        /**
         * @param other another range, or null.
         * @return the smallest range covering both.
         */
        public TimeRange span(TimeRange other) {
            return other == null ? this : new TimeRange(Math.min(firstNanos, other.firstNanos),
                    Math.max(lastNanos, other.lastNanos));
        }
    }

    /**
     * One archived segment.
     *
     * @param number         the segment number in its source queue.
     * @param file           the segment's file name ({@code 000000123.q}).
     * @param size           its length in bytes.
     * @param checksum       the CRC32C of its bytes, 8 hex digits (of the original, also when only the compressed
     *                       copy is kept).
     * @param baseSequence   the sequence of its first record.
     * @param records        its record count.
     * @param eventTimeRange its earliest and latest record timestamps, or null if it has no records.
     * @param index          the file name of its seek index copy, or null if it had none.
     * @param compressed     the file name of its compressed copy, or null.
     * @param retained       whether {@code file} itself is kept beside the compressed copy (always true without one).
     */
    public record Segment(long number, String file, long size, String checksum, long baseSequence, long records,
                          TimeRange eventTimeRange, String index, String compressed, boolean retained) {
    }

    /**
     * A metadata file for a directory with no segments yet.
     *
     * @param venue the venue.
     * @return an empty, sealed metadata.
     */
    public static SegmentMeta empty(String venue) {
        return new SegmentMeta(venue, 0, null, SEALED, List.of());
    }

    /**
     * This metadata with a segment added, or replacing the entry with its number; the event-time range grows to
     * cover it.
     *
     * @param segment         the segment.
     * @param ingestTimeNanos the new ingest time.
     * @return the new metadata.
     */
    public SegmentMeta with(Segment segment, long ingestTimeNanos) {
        List<Segment> all = new ArrayList<>(segments);
        all.removeIf(s -> s.number() == segment.number());
        all.add(segment);
        TimeRange range = null;
        for (Segment s : all) {
            if (s.eventTimeRange() != null) {
                range = s.eventTimeRange().span(range);
            }
        }
        return new SegmentMeta(venue, ingestTimeNanos, range, completeness, all);
    }

    /**
     * @param number a segment number.
     * @return its entry, or null.
     */
    public Segment segment(long number) {
        return segments.stream().filter(s -> s.number() == number).findFirst().orElse(null);
    }

    /**
     * Reads a metadata file.
     *
     * @param file the file.
     * @return its content.
     * @throws IOException with one line naming the file and the field if it is missing, not JSON, of another format
     *                     or version, or a field is absent or of the wrong type.
     */
    public static SegmentMeta read(Path file) throws IOException {
        return SegmentMetaJson.read(file);
    }

    /**
     * Writes this metadata atomically and durably (temporary file, force, rename, force the directory).
     *
     * @param file the file.
     * @throws IOException if it cannot be written; the previous file is then unchanged.
     */
    public void write(Path file) throws IOException {
        DurableFiles.write(file, SegmentMetaJson.bytes(this));
    }
}
