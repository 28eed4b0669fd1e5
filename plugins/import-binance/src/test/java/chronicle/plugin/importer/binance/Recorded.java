package chronicle.plugin.importer.binance;

import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What an import wrote: the records and gap markers, in order; and helpers to run imports and replays. */
final class Recorded implements EventSink {

    static final int VENUE = 7;
    static final long MARKET = 42;

    /** One appended record. */
    record Rec(int type, long journalTimestamp, byte[] bytes) {

        EventHeader header() {
            return new EventHeader().wrap(new UnsafeBuffer(bytes), 0);
        }

        MessageType messageType() {
            return MessageType.of(type);
        }
    }

    /** One gap marker. */
    record GapMark(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
    }

    final List<Rec> records = new ArrayList<>();
    final List<GapMark> gaps = new ArrayList<>();
    /** records and gaps in the order they came: a Rec or a GapMark. */
    final List<Object> all = new ArrayList<>();
    BinanceSource.Stats stats;

    @Override
    public void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        Rec rec = new Rec(type, journalTimestamp, bytes);
        records.add(rec);
        all.add(rec);
    }

    @Override
    public void gap(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
        GapMark mark = new GapMark(journalTimestamp, fromId, toId, reason, note);
        gaps.add(mark);
        all.add(mark);
    }

    long count(MessageType type) {
        return records.stream().filter(r -> r.type() == type.id()).count();
    }

    /**
     * Replays every record (not the gap markers: a gap marker alone fails a FAIL replay by design) into a new engine.
     *
     * @param policy the gap policy.
     * @return the engine after the last record.
     */
    ReplayEngine replay(GapPolicy policy) {
        ReplayEngine engine = new ReplayEngine(policy, 0);
        long sequence = 0;
        for (Rec rec : records) {
            engine.onRecord(rec.type(), sequence++, rec.journalTimestamp(), new UnsafeBuffer(rec.bytes()), 0,
                    rec.bytes().length);
        }
        return engine;
    }

    MarketBook book(ReplayEngine engine) {
        return engine.book(VENUE, MARKET);
    }

    static ImportRequest request(List<Path> inputs, String symbol, String stream, OnError onError) {
        return new ImportRequest(inputs, "binance", symbol, stream, VENUE, MARKET, onError, Files::newInputStream);
    }

    static Recorded run(ImportRequest request) throws IOException {
        Recorded out = new Recorded();
        try (ImportSource source = new BinanceAdapter().open(request)) {
            while (source.next(out)) {
                // drain
            }
            out.stats = ((BinanceSource) source).stats();
        }
        return out;
    }

    static Recorded run(List<Path> inputs, String symbol, String stream, OnError onError) throws IOException {
        return run(request(inputs, symbol, stream, onError));
    }

    /** The sample capture, from the test resources (they travel with the module). */
    static Path sample(String name) {
        URL url = Recorded.class.getResource("/binance/" + name);
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path fallback = Path.of("src/test/resources/binance", name);
        if (!Files.exists(fallback)) {
            throw new IllegalStateException("test resource binance/" + name + " not found");
        }
        return fallback;
    }

    static Path http() {
        return sample("BINANCE.http.0.0");
    }

    static Path ws() {
        return sample("BINANCE.ws.1.0");
    }
}
