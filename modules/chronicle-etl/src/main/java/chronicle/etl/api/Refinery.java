package chronicle.etl.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.etl.internal.refine.CleanStreams;
import chronicle.etl.internal.refine.MarketNames;
import chronicle.etl.internal.refine.RefineLoop;
import chronicle.etl.internal.refine.SymbolPatterns;

import java.util.function.BooleanSupplier;

/**
 * The refinery: follows a raw multiplexed queue on one thread, in strict order, and writes each market's events
 * into clean streams, one queue per market, stream and UTC day, laid out as an archive root
 * ({@code <sink>/<venue>/<symbol>/<date>/<stream>/queue}), so {@code chronicle book}, the tier manager, extracts and
 * backtests read them as they read an import. In book streams it keeps each market's book with the replay engine and
 * injects a snapshot every interval of exchange time ({@code SnapshotInjector}, as imports do); where the venue's
 * update ids do not chain it writes a gap marker, and the book waits for the venue's next snapshot.
 *
 * <p><b>Exactly once across crashes.</b> Every clean record carries, in its event header's {@code sequence}, the raw
 * sequence it came from; the refinery is a named reader of the raw queue (so raw retention keeps what it has not
 * read) and commits its position once the clean records before it are published ({@link #run}: at the tail, and
 * at least every 65,536 raw records or 10 ms). After a SIGKILL it resumes at its committed position and skips every
 * raw record a clean queue already holds: each raw event is in the clean streams once, in order. The first record it
 * writes to a book queue after a restart (and at midnight) is a snapshot of the book, rebuilt from the queue itself.
 *
 * <p>Several refineries may share a raw queue, each taking a group of symbols (its own reader name); a clean queue
 * has exactly one writer, and a second refinery taking the same symbol fails with one line when it first writes.
 * <b>Not thread-safe: one thread runs a refinery.</b>
 */
public final class Refinery implements AutoCloseable {

    /** While catching up, the raw records between commits: each clean queue's writes fill its stage. */
    private static final int COMMIT_EVERY_RECORDS = 65_536;
    /** While catching up, the longest time between commits (and so before clean records are visible). */
    private static final long COMMIT_EVERY_NANOS = 10_000_000;
    private static final int BATCH = 1024;

    private final RefineryConfig config;
    private final ChronicleQueue source;
    private final QueueReader reader;
    private final RefineLoop loop;
    private long read;
    private long uncommitted;
    private long lastCommitNanos = System.nanoTime();

    private Refinery(RefineryConfig config, ChronicleQueue source, QueueReader reader, RefineLoop loop) {
        this.config = config;
        this.source = source;
        this.reader = reader;
        this.loop = loop;
    }

    /**
     * Opens the raw queue (which must exist) as the refinery's named reader, at its last committed position.
     *
     * @param config what to refine.
     * @return the refinery.
     * @throws chronicle.core.api.QueueException naming the queue if it cannot be opened.
     */
    public static Refinery open(RefineryConfig config) {
        ChronicleQueue source = ChronicleQueue.openExisting(config.source());
        QueueReader reader = null;
        try {
            reader = source.createNamedReader(config.readerName(), StartPosition.lastCommitted());
            SymbolPatterns symbols = new SymbolPatterns(config.symbols());
            RefineLoop loop = new RefineLoop(new MarketNames(config.source(), config.sink(), symbols), symbols,
                    new CleanStreams(config.sink()), config.snapshotInterval());
            return new Refinery(config, source, reader, loop);
        } catch (RuntimeException e) {
            if (reader != null) {
                reader.close();
            }
            source.close();
            throw e;
        }
    }

    /**
     * Refines up to {@code limit} raw records and commits the position after them.
     *
     * @param limit most records to read.
     * @return records read (0 at the tail).
     * @throws chronicle.core.api.QueueException naming the queue if a record cannot be read or written; what was
     *                                           written before it is committed.
     */
    public int poll(int limit) {
        int n = refine(limit);
        commit();
        return n;
    }

    private int refine(int limit) {
        int n = reader.poll(loop, limit);
        if (n < 0) {
            throw new chronicle.core.api.QueueException(config.source() + ": " + reader.lastError());
        }
        read += n;
        uncommitted += n;
        loop.runDuties();
        return n;
    }

    /** Publishes the clean records, then commits the raw position after them (never the other way round). */
    private void commit() {
        if (uncommitted > 0) {
            loop.flush();
            reader.commit();
            uncommitted = 0;
        }
        lastCommitNanos = System.nanoTime();
    }

    /**
     * Refines until the tail ({@code once}) or until told to stop, and commits before it returns. At the tail every
     * batch is published and committed at once (a live refinery adds no delay); while catching up, commits (and the
     * clean queues' writes) are gathered into larger batches (65,536 raw records or 10 ms).
     *
     * @param running  false once the refinery should stop (a signal).
     * @param once     stop at the tail.
     * @param idleNanos pause at the tail before polling again.
     */
    public void run(BooleanSupplier running, boolean once, long idleNanos) {
        while (running.getAsBoolean()) {
            int n = refine(BATCH);
            if (n < BATCH || uncommitted >= COMMIT_EVERY_RECORDS
                    || System.nanoTime() - lastCommitNanos >= COMMIT_EVERY_NANOS) {
                commit();
            }
            if (n == 0) {
                if (once) {
                    return;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(idleNanos);
            }
        }
        commit(); // told to stop: what was refined is published and committed (an error commits nothing more)
    }

    /** What a refinery has done since it opened. */
    public record Stats(long read, long written, long duplicates, long skipped, long snapshots, long gapMarkers) {
    }

    /** @return what it has done. */
    public Stats stats() {
        return new Stats(read, loop.written(), loop.duplicates(), loop.skipped(), loop.snapshots(),
                loop.gapMarkers());
    }

    /** @return where it will read next in the raw queue. */
    public long nextSequence() {
        return reader.nextSequence();
    }

    @Override
    public void close() {
        try {
            loop.close();
        } finally {
            try {
                reader.close();
            } finally {
                source.close();
            }
        }
    }
}
