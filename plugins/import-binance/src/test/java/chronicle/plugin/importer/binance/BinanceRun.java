package chronicle.plugin.importer.binance;

import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.ingest.testing.TestResources;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One Binance import run to its end into the shared {@link RecordingSink} (the run is itself a sink, handing every
 * record and gap marker on), with the source's counts; and helpers to run imports and replays.
 */
final class BinanceRun implements EventSink {

    static final int VENUE = 7;
    static final long MARKET = 42;

    final RecordingSink sink = new RecordingSink();
    final List<RecordingSink.Record> records = sink.records;
    final List<RecordingSink.GapCall> gaps = sink.gaps;
    /** records and gaps in the order they came: a Record or a GapCall. */
    final List<Object> all = sink.all;
    BinanceSource.Stats stats;

    @Override
    public void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length) {
        sink.append(type, journalTimestamp, buffer, offset, length);
    }

    @Override
    public void gap(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
        sink.gap(journalTimestamp, fromId, toId, reason, note);
    }

    long count(MessageType type) {
        return sink.count(type);
    }

    /**
     * Replays every record (not the gap markers: a gap marker alone fails a FAIL replay by design) into a new engine.
     *
     * @param policy the gap policy.
     * @return the engine after the last record.
     */
    ReplayEngine replay(GapPolicy policy) {
        return sink.replay(new ReplayEngine(policy, 0));
    }

    MarketBook book(ReplayEngine engine) {
        return engine.book(VENUE, MARKET);
    }

    static ImportRequest request(List<Path> inputs, String symbol, String stream, OnError onError) {
        return new ImportRequest(inputs, "binance", symbol, stream, VENUE, MARKET, onError, Files::newInputStream);
    }

    static BinanceRun run(ImportRequest request) throws IOException {
        BinanceRun out = new BinanceRun();
        try (ImportSource source = new BinanceAdapter().open(request)) {
            while (source.next(out)) {
                // drain
            }
            out.stats = ((BinanceSource) source).stats();
        }
        return out;
    }

    static BinanceRun run(List<Path> inputs, String symbol, String stream, OnError onError) throws IOException {
        return run(request(inputs, symbol, stream, onError));
    }

    /** The sample capture, from the test resources (they travel with the module). */
    static Path sample(String name) {
        return TestResources.path(BinanceRun.class.getResource("/binance/" + name));
    }

    static Path http() {
        return sample("BINANCE.http.0.0");
    }

    static Path ws() {
        return sample("BINANCE.ws.1.0");
    }
}
