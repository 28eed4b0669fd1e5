package chronicle.cli.internal;

import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.SnapshotStore;
import chronicle.replay.api.WarmStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code chronicle warm-start} (also the {@code warm-start} launcher): opens a market at its newest snapshot at or
 * before T (default: now), reports the snapshot header it used and where replay began, and replays to T.
 */
@Command(name = "warm-start", mixinStandardHelpOptions = true,
        description = "Warm-start a market's book from its newest snapshot and replay to T; report what was used.")
final class WarmStartCommand implements Callable<Integer> {




    @Option(names = "--at", paramLabel = "T", converter = Units.TimeConverter.class,
            description = "Time T (default: the end of the queue).")
    Long at;


    @Mixin
    MarketOptions target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        target.resolve(at);
        SnapshotStore store = SnapshotStore.of(target.snapshotRoot(), target.venue, target.market);
        long t = at != null ? at : Long.MAX_VALUE;
        long started = System.nanoTime();
        WarmStart.Result result = WarmStart.bookAt(target.source, store, MarketOptions.codecs(), target.venue, target.market, t,
                GapPolicy.FAIL, 0, null);
        double millis = (System.nanoTime() - started) / 1e6;
        PrintWriter out = spec.commandLine().getOut();
        out.println("warm-start: " + target.label() + " of " + target.archive);
        out.println(result.snapshot().map(h -> "snapshot: " + h.file() + "\n  codec " + h.codec() + ", venue "
                + h.venueId() + ", market " + h.marketId() + ", mode " + h.mode() + ", sequence " + h.sequence()
                + ", time " + Units.time(h.timestamp()) + ", update id " + h.updateId() + ", " + h.bodyLength()
                + " bytes").orElse(result.inStream() ? "snapshot: a record of the stream itself, sequence "
                + result.replayFrom() : "snapshot: none under " + store.directory() + " (full replay)"));
        out.println("replay: began at sequence " + result.replayFrom() + "; read " + result.records()
                + " records, applied " + result.applied() + " events of this market");
        MarketBook book = result.book();
        out.println(book == null ? "book: empty (no event of " + target.label() + ")"
                : String.format("book: at sequence %d (%s), %d bid and %d ask levels, hash %016x; %.1f ms",
                book.lastSequence(), Units.time(book.lastTimestamp()),
                book.levels().depth(chronicle.protocol.api.Side.BID),
                book.levels().depth(chronicle.protocol.api.Side.ASK), book.hash(), millis));
        out.flush();
        return Main.OK;
    }
}
