package chronicle.replay.api;

import chronicle.core.api.RecordSource;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import chronicle.replay.spi.SnapshotCodec;
import org.agrona.DirectBuffer;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Follows an archive queue, rebuilds one market's book, and writes a snapshot whenever its
 * {@link SnapshotPlanner} says so. It resumes where its last snapshot left off: that snapshot is loaded and replay
 * continues after its record, so a restarted snapshotter does not replay the whole archive.
 *
 * <p><b>Not thread-safe:</b> one thread polls it.
 */
public final class Snapshotter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Snapshotter.class.getName());

    private final SnapshotStore store;
    private final SnapshotPlanner planner;
    private final SnapshotCodec codec;
    private final int venueId;
    private final long marketId;
    private final ReplayEngine engine;
    private final RecordSource reader;
    private final RecordHandler handler = this::onRecord;
    private long lastSnapshotTimestamp = Long.MIN_VALUE;
    private long recordsSince;
    private long bytesSince;
    private long written;
    private SnapshotHeader last;

    /**
     * @param archive  the archive queue.
     * @param store    where the market's snapshots go.
     * @param venueId  venue id.
     * @param marketId market id.
     * @param planner  when snapshots are due.
     * @param codec    how to encode them.
     * @param maxDepth L2 levels kept per side.
     */
    public Snapshotter(Path archive, SnapshotStore store, int venueId, long marketId, SnapshotPlanner planner,
                       SnapshotCodec codec, int maxDepth) {
        this(RecordSource.Opener.ofQueue(archive), store, venueId, marketId, planner, codec, maxDepth);
    }

    /**
     * A snapshotter over any source of the stream: a queue, or an archived stream day whose segments live in
     * storage tiers ({@code chronicle.storage.api.TieredReader}).
     *
     * @param source   opens the stream at a position.
     * @param store    where the market's snapshots go.
     * @param venueId  venue id.
     * @param marketId market id.
     * @param planner  when snapshots are due.
     * @param codec    how to encode them.
     * @param maxDepth L2 levels kept per side.
     */
    public Snapshotter(RecordSource.Opener source, SnapshotStore store, int venueId, long marketId,
                       SnapshotPlanner planner, SnapshotCodec codec, int maxDepth) {
        this.store = store;
        this.planner = planner;
        this.codec = codec;
        this.venueId = venueId;
        this.marketId = marketId;
        this.engine = new ReplayEngine(GapPolicy.RESET_AND_WAIT, maxDepth).track(venueId, marketId);
        Optional<SnapshotHeader> resume = store.latest();
        StartPosition start = StartPosition.earliest();
        if (resume.isPresent()) {
            engine.put(SnapshotStore.load(resume.get(), name -> name.equals(codec.name()) ? codec : null, maxDepth));
            lastSnapshotTimestamp = resume.get().timestamp();
            last = resume.get();
            start = StartPosition.sequence(resume.get().sequence() + 1);
            LOG.log(Level.INFO, "snapshotter: resuming after {0}", resume.get().file());
        }
        this.reader = source.open(start);
    }

    /**
     * Applies up to {@code limit} records and writes the snapshots that fall due.
     *
     * @param limit most records to read.
     * @return records read.
     */
    public int poll(int limit) {
        int n = reader.poll(handler, limit);
        if (n == RecordSource.CORRUPT) {
            throw new ReplayException("snapshotter stopped at a damaged record: " + reader.lastError());
        }
        return n;
    }

    /** @return the source being read (its next sequence says where the snapshotter is). */
    public RecordSource reader() {
        return reader;
    }

    /**
     * Waits for new records: parked on the queue's futex for a queue, a short sleep for other sources.
     *
     * @param timeout the most to wait.
     * @param unit    its unit.
     */
    public void await(long timeout, java.util.concurrent.TimeUnit unit) {
        if (reader instanceof QueueReader queueReader) {
            queueReader.await(timeout, unit);
        } else {
            java.util.concurrent.locks.LockSupport.parkNanos(unit.toNanos(timeout));
        }
    }

    private void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        long before = engine.applied();
        engine.onRecord(type, sequence, timestamp, buffer, offset, length);
        if (engine.applied() == before) {
            return; // another market, or not a book event
        }
        recordsSince++;
        bytesSince += length;
        MarketBook book = engine.book(venueId, marketId);
        if (!book.awaitingSnapshot() && planner.due(lastSnapshotTimestamp, timestamp, recordsSince, bytesSince)
                && codec.supports(book)) {
            last = store.write(book, codec);
            written++;
            lastSnapshotTimestamp = timestamp;
            recordsSince = 0;
            bytesSince = 0;
            LOG.log(Level.DEBUG, "snapshotter: wrote {0}", last.file());
        }
    }

    /** @return snapshots written since this snapshotter opened. */
    public long written() {
        return written;
    }

    /** @return the newest snapshot (written now or found at start), if any. */
    public Optional<SnapshotHeader> lastSnapshot() {
        return Optional.ofNullable(last);
    }

    @Override
    public void close() {
        reader.close();
    }
}
