package chronicle.storage.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.RecordSource;
import chronicle.core.api.SegmentDecoder;
import chronicle.core.api.StartPosition;
import chronicle.storage.internal.tiering.SegmentWindow;
import chronicle.storage.internal.tiering.StreamSegments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Reads one archived {@link StreamDay} as one stream, wherever its segments are: in the hot queue directory, in
 * a tier on local disk, NFS or S3, compressed or not. Segments are read in order; a sequence or a time is found
 * through the manifest's ranges and the segment's seek index, then only the bytes (or, compressed, the frames)
 * needed are fetched with ranged reads. Records are checked by their CRC32C: a damaged one is reported with its
 * location ({@link #CORRUPT}), never delivered.
 *
 * <p>A stream day whose newest segment is still being written (unsealed, in the hot queue directory) is read on
 * through the queue itself once the sealed segments are done.
 *
 * <p><b>Not thread-safe: one thread per reader.</b>
 */
public final class TieredReader implements RecordSource {

    /** How a reader fetches and caches. */
    public record Options(int windowBytes, long frameCacheBytes, Executor readAhead) {

        /** Defaults: a 1 MiB window, 64 MiB of decompressed frames cached, no read-ahead. */
        public static final Options DEFAULT = new Options(1 << 20, 64L << 20, null);

        /**
         * For replay: the defaults, with the next frames of compressed segments decompressed ahead, several at
         * once, on the process's read-ahead threads (daemon threads, as many as the machine has cores, at least
         * two), so that decompression is spread over the cores the reader does not use.
         *
         * @return the options.
         */
        public static Options forReplay() {
            return DEFAULT.withReadAhead(ReadAheadThread.EXECUTOR);
        }

        /**
         * @param executor runs read-ahead decompression of the next frames when replaying forward.
         * @return these options with read-ahead on that executor.
         */
        public Options withReadAhead(Executor executor) {
            return new Options(windowBytes, frameCacheBytes, executor);
        }
    }

    /** The process's read-ahead threads, started on first use. */
    private static final class ReadAheadThread {
        static final Executor EXECUTOR = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().daemon().name("chronicle-read-ahead-", 0).factory());
    }

    private final StreamDay day;
    private final Tiers tiers;
    private final Options options;
    private final List<SegmentLocation> sealed;
    private final SegmentDecoder decoder = new SegmentDecoder();
    private final SegmentWindow window;
    private int current = -1;
    private long offset;
    private long nextSequence;
    private QueueReader tail;
    private ChronicleQueue tailQueue;
    private String lastError = "";
    private boolean tailChecked;
    /** Why the segment being entered could not be opened (damaged, truncated, unreachable); then poll stops. */
    private String unreadable;

    private TieredReader(StreamDay day, Tiers tiers, Options options, List<SegmentLocation> sealed) {
        this.day = day;
        this.tiers = tiers;
        this.options = options;
        this.sealed = sealed;
        this.window = new SegmentWindow(tiers, day, options);
        this.nextSequence = sealed.isEmpty() ? 0 : sealed.getFirst().firstSequence();
    }

    /**
     * Opens a stream day at a start position.
     *
     * @param tiers   the tiers (with the archive root).
     * @param day     the stream day.
     * @param start   {@link StartPosition.Earliest}, {@link StartPosition.AtSequence} or
     *                {@link StartPosition.AtTimestamp}.
     * @param options window, cache and read-ahead.
     * @return the reader, positioned.
     * @throws ManifestException      if the manifest cannot be read.
     * @throws UncheckedIOException   if a tier cannot be reached.
     * @throws IllegalArgumentException for a start position an archive cannot have (latest, last committed).
     */
    public static TieredReader open(Tiers tiers, StreamDay day, StartPosition start, Options options) {
        List<SegmentLocation> sealed;
        try {
            sealed = StreamSegments.sealed(tiers.archiveRoot(), day);
        } catch (IOException e) {
            throw new UncheckedIOException(day + ": " + e.getMessage(), e);
        }
        TieredReader reader = new TieredReader(day, tiers, options, sealed);
        try {
            reader.seek(start);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /**
     * An opener for replay ({@code WarmStart}) over a stream day.
     *
     * @param tiers   the tiers.
     * @param day     the stream day.
     * @param options window, cache and read-ahead.
     * @return an opener of readers.
     */
    public static RecordSource.Opener opener(Tiers tiers, StreamDay day, Options options) {
        return start -> open(tiers, day, start, options);
    }

    /** @return the segments read from their stored bytes, in order (the unsealed hot tail not included). */
    public List<SegmentLocation> segments() {
        return sealed;
    }

    /**
     * @return the sequence after the stream day's last record (its sealed segments', or the unsealed hot tail's).
     */
    public long endSequence() {
        Path dir = day.queueDir(tiers.archiveRoot());
        if (StreamSegments.hasUnsealedTail(dir, sealed)) {
            try (ChronicleQueue queue = ChronicleQueue.openExisting(dir);
                 QueueReader latest = queue.createReader(StartPosition.latest())) {
                return latest.nextSequence();
            }
        }
        return sealed.isEmpty() ? 0 : sealed.getLast().endSequence();
    }

    @Override
    public int poll(RecordHandler handler, int limit) {
        int delivered = 0;
        while (delivered < limit) {
            if (unreadable != null) {
                lastError = unreadable;
                return delivered > 0 ? delivered : CORRUPT;
            }
            if (tail != null) {
                int n = tail.poll(handler, limit - delivered);
                if (n == QueueReader.CORRUPT) {
                    lastError = tail.lastError();
                    return delivered > 0 ? delivered : CORRUPT;
                }
                nextSequence = tail.nextSequence();
                return delivered + n;
            }
            if (current >= sealed.size()) {
                if (tailChecked) {
                    return delivered;
                }
                openTail(StartPosition.sequence(nextSequence));
                continue;
            }
            int r;
            try {
                r = window.decode(decoder, offset, handler);
            } catch (IOException e) {
                lastError = window.location() + ": " + e.getMessage();
                return delivered > 0 ? delivered : CORRUPT;
            }
            if (r > 0) {
                offset += r;
                nextSequence = decoder.lastSequence() + 1;
                delivered++;
            } else if (r == SegmentDecoder.END) {
                enterNext();
            } else {
                lastError = window.location() + ": " + decoder.problem();
                return delivered > 0 ? delivered : CORRUPT;
            }
        }
        return delivered;
    }

    @Override
    public long nextSequence() {
        return nextSequence;
    }

    @Override
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        window.close();
        if (tail != null) {
            tail.close();
            tailQueue.close();
            tail = null;
        }
    }

    private void seek(StartPosition start) {
        switch (start) {
            case StartPosition.Earliest e -> enter(0, SegmentDecoder.HEADER_SIZE);
            case StartPosition.AtSequence s -> seekTo(s.sequence(), true);
            case StartPosition.AtTimestamp t -> seekTo(t.epochNanos(), false);
            default -> throw new IllegalArgumentException("an archived stream is read from its start, a sequence or "
                    + "a time, not from " + start);
        }
    }

    private void seekTo(long wanted, boolean bySequence) {
        int i = 0;
        while (i < sealed.size() && (bySequence ? sealed.get(i).endSequence() <= wanted
                : sealed.get(i).maxTimestamp() == null || sealed.get(i).maxTimestamp() < wanted)) {
            i++;
        }
        if (i == sealed.size()) {
            enter(i, SegmentDecoder.HEADER_SIZE);
            if (!sealed.isEmpty()) {
                nextSequence = sealed.getLast().endSequence();
            }
            openTail(bySequence ? StartPosition.sequence(wanted) : StartPosition.timestamp(wanted));
            return;
        }
        long at;
        try {
            SegmentDecoder.Index index = window.index(sealed.get(i));
            at = bySequence ? index.offsetForSequence(wanted) : index.offsetForTime(wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(day + " segment " + sealed.get(i).segment() + ": cannot read its seek "
                    + "index: " + e.getMessage(), e);
        }
        enter(i, at);
        skipBefore(wanted, bySequence);
    }

    /** Reads records before the wanted one without delivering them. */
    private void skipBefore(long wanted, boolean bySequence) {
        while (current < sealed.size()) {
            int r;
            try {
                r = window.decode(decoder, offset, null);
            } catch (IOException e) {
                throw new UncheckedIOException(window.location() + ": " + e.getMessage(), e);
            }
            if (r == SegmentDecoder.END) {
                enter(current + 1, SegmentDecoder.HEADER_SIZE);
                continue;
            }
            if (r < 0) {
                return; // poll reports the damage with its location
            }
            long key = bySequence ? decoder.lastSequence() : decoder.lastTimestamp();
            if (key >= wanted) {
                nextSequence = decoder.lastSequence();
                return; // not consumed: offset still points at it
            }
            offset += r;
            nextSequence = decoder.lastSequence() + 1;
        }
    }

    private void enter(int segment, long at) {
        current = segment;
        offset = at;
        if (segment >= sealed.size()) {
            window.close();
            return;
        }
        SegmentLocation entry = sealed.get(segment);
        try {
            decoder.start(window.open(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        nextSequence = Math.max(nextSequence, entry.firstSequence());
    }

    /**
     * Enters the next segment; one that cannot be opened (its seek table or first frame damaged, the object
     * truncated or gone) stops the reader with the reason, as a damaged record does, instead of throwing.
     */
    private void enterNext() {
        try {
            enter(current + 1, SegmentDecoder.HEADER_SIZE);
        } catch (UncheckedIOException e) {
            unreadable = e.getMessage();
        }
    }

    /** Continues in the hot queue's unsealed newest segment, if there is one. */
    private void openTail(StartPosition start) {
        tailChecked = true;
        Path dir = day.queueDir(tiers.archiveRoot());
        if (!StreamSegments.hasUnsealedTail(dir, sealed)) {
            return;
        }
        tailQueue = ChronicleQueue.openExisting(dir);
        tail = tailQueue.createReader(start);
    }
}
