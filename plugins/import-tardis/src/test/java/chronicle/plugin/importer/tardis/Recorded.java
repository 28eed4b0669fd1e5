package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.LevelView;
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

/** What an import wrote, in order; and helpers to run imports and replays. */
final class Recorded implements EventSink {

    static final int VENUE = 3;
    static final long MARKET = 17;
    static final String SYMBOL = "XBT/USD";

    record Rec(int type, long journalTimestamp, byte[] bytes) {

        EventHeader header() {
            return new EventHeader().wrap(new UnsafeBuffer(bytes), 0);
        }

        L2Levels levels() {
            return new L2Levels().wrap(new UnsafeBuffer(bytes), EventHeader.LENGTH);
        }

        /** @return the levels as "side price size" strings, prices and sizes as mantissas. */
        List<String> levelList() {
            L2Levels l = levels();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.count(); i++) {
                out.add(Side.of(l.sideCode(i)).label() + " " + l.price(i) + " " + l.size(i));
            }
            return out;
        }
    }

    record GapMark(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
    }

    final List<Rec> records = new ArrayList<>();
    final List<GapMark> gaps = new ArrayList<>();
    final List<Object> all = new ArrayList<>();
    TardisSource.Stats stats;
    long rows;
    long bytesRead;
    long totalBytes;

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

    ReplayEngine replay() {
        ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0);
        long sequence = 0;
        for (Rec rec : records) {
            engine.onRecord(rec.type(), sequence++, rec.journalTimestamp(), new UnsafeBuffer(rec.bytes()), 0,
                    rec.bytes().length);
        }
        return engine;
    }

    /** @return the replayed book's side as "price size" mantissa strings, best first. */
    static List<String> side(ReplayEngine engine, Side side) {
        LevelView view = engine.book(VENUE, MARKET).levels();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < view.depth(side); i++) {
            out.add(view.price(side, i) + " " + view.size(side, i));
        }
        return out;
    }

    static ImportRequest request(List<Path> inputs, String stream, OnError onError) {
        return new ImportRequest(inputs, "kraken", SYMBOL, stream, VENUE, MARKET, onError, Files::newInputStream);
    }

    static Recorded run(Path input, String stream, OnError onError) throws IOException {
        return run(request(List.of(input), stream, onError));
    }

    static Recorded run(ImportRequest request) throws IOException {
        Recorded out = new Recorded();
        try (ImportSource source = new TardisAdapter().open(request)) {
            while (source.next(out)) {
                // drain
            }
            out.stats = ((TardisSource) source).stats();
            out.rows = source.rows();
            out.bytesRead = source.bytesRead();
            out.totalBytes = source.totalBytes();
        }
        return out;
    }

    static Path sample(String name) {
        URL url = Recorded.class.getResource("/tardis/" + name);
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path fallback = Path.of("src/test/resources/tardis", name);
        if (!Files.exists(fallback)) {
            throw new IllegalStateException("test resource tardis/" + name + " not found");
        }
        return fallback;
    }

    /** 10^8 x the decimal, as a mantissa string. */
    static long m(String decimal) {
        return new java.math.BigDecimal(decimal).movePointRight(8).longValueExact();
    }
}
