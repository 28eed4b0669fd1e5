package chronicle.replay.api;

import chronicle.core.api.RecordSource;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import chronicle.replay.internal.StreamSnapshotSearch;
import chronicle.replay.spi.SnapshotCodec;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * "The book of X at time T": opens at the newest snapshot taken at or before T, then replays the market's records
 * from just after the snapshot up to T. A snapshot is either a record of the stream itself (a venue's snapshot, or
 * one an import or the refinery injected: found through the journal's time index by reading shortly before T, see
 * {@link #SEARCH_WINDOW}) or a snapshot file of the {@link SnapshotStore}, whichever is newer. Without one it
 * replays from the start of the stream.
 */
public final class WarmStart {

    private WarmStart() {
    }

    /**
     * What a warm start did.
     *
     * @param book        the market's book at T (null if the market had no book event up to T).
     * @param snapshot    the snapshot file it opened at, if any.
     * @param inStream    whether replay began at a snapshot record of the stream itself (at {@code replayFrom}).
     * @param replayFrom  the journal sequence replay began at.
     * @param records     records read (all markets), windows searched in vain included.
     * @param applied     book events applied to this market.
     */
    public record Result(MarketBook book, Optional<SnapshotHeader> snapshot, boolean inStream, long replayFrom,
                         long records, long applied) {
    }

    /**
     * How far before T the stream is searched first for a snapshot record of its own: one interval of the
     * snapshots an import or the refinery injects, so replay starts from one at most that far before T (a window 16
     * times wider follows for sparser ones). The search is the replay: the window is read once.
     */
    public static final Duration SEARCH_WINDOW = SnapshotInjector.DEFAULT_INTERVAL;

    /** The windows searched, as multiples of {@link #SEARCH_WINDOW}: then a snapshot file, or a full replay. */
    private static final long[] SEARCH_MULTIPLES = {1, 16};

    /**
     * @param queue      the archive (or live) queue holding the market's records.
     * @param snapshots  the market's snapshots, or null to replay from the start.
     * @param codecs     finds snapshot codecs by name.
     * @param venueId    venue id.
     * @param marketId   market id.
     * @param at         time T, epoch nanoseconds (journal time): records stamped after it are not applied.
     * @param policy     the gap policy.
     * @param maxDepth   L2 levels kept per side.
     * @param listener   told about each applied event (null for none).
     * @return the book at T and how it was built.
     */
    public static Result bookAt(Path queue, SnapshotStore snapshots, Function<String, SnapshotCodec> codecs,
                                int venueId, long marketId, long at, GapPolicy policy, int maxDepth,
                                ReplayEngine.Listener listener) {
        return bookAt(RecordSource.Opener.ofQueue(queue), snapshots, codecs, venueId, marketId, at, policy, maxDepth,
                listener);
    }

    /**
     * The same as {@link #bookAt(Path, SnapshotStore, Function, int, long, long, GapPolicy, int,
     * ReplayEngine.Listener)}, reading from any source of the stream (for example one whose segments live in
     * storage tiers).
     *
     * @param source     opens the stream at a position.
     * @param snapshots  the market's snapshots, or null to replay from the start.
     * @param codecs     finds snapshot codecs by name.
     * @param venueId    venue id.
     * @param marketId   market id.
     * @param at         time T, epoch nanoseconds (journal time).
     * @param policy     the gap policy.
     * @param maxDepth   L2 levels kept per side.
     * @param listener   told about each applied event (null for none).
     * @return the book at T and how it was built.
     */
    public static Result bookAt(RecordSource.Opener source, SnapshotStore snapshots,
                                Function<String, SnapshotCodec> codecs, int venueId, long marketId, long at,
                                GapPolicy policy, int maxDepth, ReplayEngine.Listener listener) {
        ReplayEngine engine = new ReplayEngine(policy, maxDepth).track(venueId, marketId);
        if (listener != null) {
            engine.listener(listener);
        }
        Optional<SnapshotHeader> snapshot = snapshots == null ? Optional.empty() : snapshots.latestAtOrBefore(at);
        long searched = 0;
        long anchor = at;
        long widest = SEARCH_WINDOW.toNanos() * SEARCH_MULTIPLES[SEARCH_MULTIPLES.length - 1];
        // A snapshot file within the widest window: replaying from it also applies the stream's snapshots after it,
        // in one pass, where searching a window first would read that window twice.
        int windows = snapshot.isPresent() && at - snapshot.get().timestamp() <= widest ? 0 : SEARCH_MULTIPLES.length;
        for (int w = 0; w < windows; w++) {
            long from = anchor - SEARCH_WINDOW.toNanos() * SEARCH_MULTIPLES[w];
            if (snapshot.isPresent() && from <= snapshot.get().timestamp()) {
                break;
            }
            StreamSnapshotSearch.Found found;
            try {
                found = StreamSnapshotSearch.replayFromSnapshot(source, engine, venueId, marketId, from, at);
            } catch (IllegalStateException damaged) {
                throw new ReplayException("replay stopped at a damaged record: " + damaged.getMessage());
            }
            searched += found.records();
            if (found.records() == 0 && anchor == at) {
                // T is after the stream's end: the windows are taken before its last record instead.
                long last = StreamSnapshotSearch.lastTimestamp(source);
                if (last != Long.MIN_VALUE && last < at) {
                    anchor = last;
                    w--;
                    continue;
                }
            }
            if (found.sequence() >= 0) {
                return new Result(engine.book(venueId, marketId), Optional.empty(), true, found.sequence(),
                        searched, engine.applied());
            }
        }
        StartPosition start = StartPosition.earliest();
        if (snapshot.isPresent()) {
            engine.put(SnapshotStore.load(snapshot.get(), codecs, maxDepth));
            start = StartPosition.sequence(snapshot.get().sequence() + 1);
        }
        try (RecordSource reader = source.open(start)) {
            long from = reader.nextSequence();
            UpTo upTo = new UpTo(engine, at);
            while (!upTo.done && polled(reader, upTo) > 0) {
                // replay until the first record after T, or the tail
            }
            MarketBook book = engine.book(venueId, marketId);
            return new Result(book, snapshot, false, from, searched + upTo.records, engine.applied());
        }
    }

    /**
     * Replays a market from time {@code from} to time {@code to}: the book at {@code from} is built by a warm start
     * and handed to {@code opening}, then every book event stamped after {@code from} up to {@code to} is applied
     * and reported to {@code listener} (the research dump of {@code chronicle book --every-event}).
     *
     * @param queue     the queue.
     * @param snapshots the market's snapshots, or null.
     * @param codecs    finds snapshot codecs by name.
     * @param venueId   venue id.
     * @param marketId  market id.
     * @param from      start time, epoch ns (journal time).
     * @param to        end time, epoch ns.
     * @param policy    the gap policy.
     * @param maxDepth  L2 levels kept per side.
     * @param opening   receives the book at {@code from} (null if the market has no book event by then).
     * @param listener  receives every event after {@code from}.
     * @return how the book at {@code to} was built.
     */
    public static Result replay(Path queue, SnapshotStore snapshots, Function<String, SnapshotCodec> codecs,
                                int venueId, long marketId, long from, long to, GapPolicy policy, int maxDepth,
                                java.util.function.Consumer<MarketBook> opening, ReplayEngine.Listener listener) {
        return replay(RecordSource.Opener.ofQueue(queue), snapshots, codecs, venueId, marketId, from, to, policy,
                maxDepth, opening, listener);
    }

    /**
     * The same as {@link #replay(Path, SnapshotStore, Function, int, long, long, long, GapPolicy, int,
     * java.util.function.Consumer, ReplayEngine.Listener)}, reading from any source of the stream.
     *
     * @param source    opens the stream at a position.
     * @param snapshots the market's snapshots, or null.
     * @param codecs    finds snapshot codecs by name.
     * @param venueId   venue id.
     * @param marketId  market id.
     * @param from      start time, epoch ns (journal time).
     * @param to        end time, epoch ns.
     * @param policy    the gap policy.
     * @param maxDepth  L2 levels kept per side.
     * @param opening   receives the book at {@code from} (null if the market has no book event by then).
     * @param listener  receives every event after {@code from}.
     * @return how the book at {@code to} was built.
     */
    public static Result replay(RecordSource.Opener source, SnapshotStore snapshots,
                                Function<String, SnapshotCodec> codecs, int venueId, long marketId, long from, long to,
                                GapPolicy policy, int maxDepth, java.util.function.Consumer<MarketBook> opening,
                                ReplayEngine.Listener listener) {
        Result atFrom = bookAt(source, snapshots, codecs, venueId, marketId, from, policy, maxDepth, null);
        opening.accept(atFrom.book());
        ReplayEngine engine = new ReplayEngine(policy, maxDepth).track(venueId, marketId).listener(listener);
        StartPosition start = StartPosition.earliest();
        if (atFrom.book() != null) {
            engine.put(atFrom.book());
            start = StartPosition.sequence(atFrom.book().lastSequence() + 1);
        }
        try (RecordSource reader = source.open(start)) {
            UpTo upTo = new UpTo(engine, to);
            while (!upTo.done && polled(reader, upTo) > 0) {
                // replay the span
            }
            return new Result(engine.book(venueId, marketId), atFrom.snapshot(), atFrom.inStream(),
                    atFrom.replayFrom(),
                    atFrom.records() + upTo.records, atFrom.applied() + engine.applied());
        }
    }

    private static int polled(RecordSource reader, UpTo upTo) {
        int n = reader.poll(upTo, 1024);
        if (n == RecordSource.CORRUPT) {
            throw new ReplayException("replay stopped at a damaged record: " + reader.lastError());
        }
        return n;
    }

    /** Passes records to the engine until one is stamped after T. */
    private static final class UpTo implements RecordHandler {
        private final ReplayEngine engine;
        private final long at;
        private boolean done;
        private long records;

        UpTo(ReplayEngine engine, long at) {
            this.engine = engine;
            this.at = at;
        }

        @Override
        public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
            if (done || timestamp > at) {
                done = true;
                return;
            }
            records++;
            engine.onRecord(type, sequence, timestamp, buffer, offset, length);
        }
    }
}
