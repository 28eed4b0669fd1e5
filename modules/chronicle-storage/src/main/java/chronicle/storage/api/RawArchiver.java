package chronicle.storage.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueInfo;
import chronicle.core.api.QueueInspector;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;
import chronicle.storage.internal.raw.SegmentArchive;
import chronicle.storage.spi.DurableFiles;
import chronicle.storage.spi.SeekableCompressor;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Copies the sealed segments of a raw queue into the raw archive, one file per segment, partitioned by the UTC date
 * of each segment's earliest record (the file's modification time when it has none):
 * <pre>
 * &lt;archive-root&gt;/raw/v1/&lt;venue&gt;/&lt;date&gt;/raw/000000123.q        the segment, byte for byte
 * &lt;archive-root&gt;/raw/v1/&lt;venue&gt;/&lt;date&gt;/raw/000000123.q.zst    compressed: Zstandard seekable format
 * &lt;archive-root&gt;/raw/v1/&lt;venue&gt;/&lt;date&gt;/raw/000000123.idx      its seek index, when the queue has one
 * &lt;archive-root&gt;/raw/v1/&lt;venue&gt;/&lt;date&gt;/raw/meta.json          {@link SegmentMeta}
 * </pre>
 *
 * <p>The archiver is a named reader ({@value #READER_NAME}) of the source queue: it registers before it copies
 * anything and commits its position past a segment only once that segment's files and {@code meta.json} are
 * durable, so retention (which keeps a segment until every live named reader has passed it) never deletes a
 * segment that is not archived. Segments are archived in order, and a pass stops at the first one whose header is
 * not sealed ({@link QueueInspector#headerSealed}): the active segment is never copied.
 *
 * <p>Every file is written to a temporary name, forced, renamed and its directory forced; a file already holding
 * the right bytes is kept. A rerun after a crash at any moment deletes the temporary files left, finishes the
 * segment it was on, and leaves one copy of each segment. Each archived segment is logged at INFO as
 * {@code archived segment=<source path> -> <dest path>}.
 *
 * <p><b>Not thread-safe: one thread runs an archiver.</b>
 */
public final class RawArchiver implements AutoCloseable {

    /** The archiver's named reader on the source queue. */
    public static final String READER_NAME = "raw-archiver";
    /** The {@link SeekableCompressor} that {@code compress} uses. */
    public static final String COMPRESSOR = "zstd";

    private static final System.Logger LOG = System.getLogger(RawArchiver.class.getName());

    private final RawArchiverConfig config;
    private final ChronicleQueue queue;
    private final QueueReader reader;
    private final SegmentArchive archive;
    private long lastArchived = -1;

    /**
     * Checks the configuration, registers the archiver's named reader on the source queue and finds the
     * compressor.
     *
     * @param config  what to archive where.
     * @param plugins where to find the {@value #COMPRESSOR} compressor when {@code compress} is set.
     * @throws IOException one line naming the source or the archive root if the source is not a queue, the archive
     *                     root cannot be written, or the compressor is missing. Nothing is written then.
     */
    public RawArchiver(RawArchiverConfig config, PluginHost plugins) throws IOException {
        this.config = config;
        Path source = config.source();
        if (!Files.isDirectory(source)) {
            throw new IOException("source " + source + (Files.exists(source) ? " is not a directory, so not a queue"
                    : " does not exist"));
        }
        if (!ChronicleQueue.isQueue(source)) {
            throw new IOException("source " + source + " is not a queue (no queue.ctl in it)");
        }
        PluginProvider<SeekableCompressor> compressor = null;
        if (config.compress()) {
            compressor = plugins.find(SeekableCompressor.class, COMPRESSOR).orElseThrow(() -> new IOException(
                    "compression needs the seekable compressor \"" + COMPRESSOR + "\", which is not installed "
                            + "(see chronicle plugins)"));
        }
        checkWritable(config.archiveRoot());
        try {
            this.queue = ChronicleQueue.openExisting(source);
        } catch (QueueException e) {
            throw new IOException("source " + source + ": " + e.getMessage(), e);
        }
        try {
            this.reader = queue.createNamedReader(READER_NAME, StartPosition.lastCommitted());
            reader.commit(); // registered from now on: retention keeps what is not archived yet
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
        this.archive = new SegmentArchive(config, queue, compressor);
    }

    /**
     * Archives every sealed segment the archiver has not passed yet, in order, committing past each.
     *
     * @return the segments archived in this pass (those found already archived included), oldest first.
     * @throws IOException naming the file if a segment cannot be archived; the segments before it stay archived
     *                     and committed, it is tried again by the next pass.
     */
    public List<ArchivedSegment> runOnce() throws IOException {
        return runOnce(() -> true);
    }

    /**
     * Like {@link #runOnce()}, stopping between segments once {@code running} turns false.
     *
     * @param running asked before each segment.
     * @return the segments archived in this pass, oldest first.
     * @throws IOException naming the file if a segment cannot be archived.
     */
    public List<ArchivedSegment> runOnce(BooleanSupplier running) throws IOException {
        List<ArchivedSegment> done = new ArrayList<>();
        QueueInfo info = QueueInspector.inspect(config.source());
        if (reader.segmentIndex() < 0 && reader.hasNext()) {
            reader.commit(); // the queue had no segment when the archiver registered: it has one now
        }
        long from = reader.segmentIndex();
        for (QueueInfo.Segment segment : info.segments()) {
            if (segment.number() < from || segment.number() <= lastArchived) {
                continue;
            }
            if (!running.getAsBoolean() || !QueueInspector.headerSealed(segment.file())) {
                break; // the active segment, or one whose seal is still on its way: archived by a later pass
            }
            ArchivedSegment result = archive.archive(segment);
            LOG.log(Level.INFO, "archived segment={0} -> {1}", result.source(), result.destination());
            commitPast(segment);
            lastArchived = segment.number();
            done.add(result);
        }
        reader.heartbeat();
        return done;
    }

    /**
     * Runs passes every {@code pollMs} until told to stop.
     *
     * @param running polled between segments and during the pause; false ends the loop.
     * @return the number of segments archived.
     * @throws IOException if a pass fails (see {@link #runOnce()}).
     */
    public long run(BooleanSupplier running) throws IOException {
        long archived = 0;
        while (running.getAsBoolean()) {
            archived += runOnce(running).size();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.pollMs());
            while (running.getAsBoolean() && System.nanoTime() < until) {
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.min(until - System.nanoTime(), 50_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return archived;
                }
            }
        }
        return archived;
    }

    /** @return the configuration. */
    public RawArchiverConfig config() {
        return config;
    }

    /** Moves the named reader to the first record after the segment and commits it there. */
    private void commitPast(QueueInfo.Segment segment) {
        reader.seek(StartPosition.sequence(segment.baseSequence() + segment.records()));
        if (reader.segmentIndex() > segment.number()) {
            reader.commit();
        }
    }

    private static void checkWritable(Path root) throws IOException {
        try {
            DurableFiles.createDirectories(root);
            Path probe = Files.createTempFile(root, ".raw-archiver-probe", DurableFiles.TMP_SUFFIX);
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("archive root " + root + " is not writable: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        reader.close();
        queue.close();
    }
}
