package chronicle.feed.binance.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.plugin.importer.binance.BinanceAdapter;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.Gap;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of one market, read back (from the feed's raw queue, or from an import of the capture) with the
 * L2 book after every book record: absolute sizes, size 0 deletes, a snapshot replaces the book.
 */
final class Books {

    /** A book record and the book after it. */
    record BookRecord(MessageType type, long updateId, String book) {
    }

    /** A gap marker. */
    record GapRecord(GapReason reason, long fromId, long toId, String note) {
    }

    final List<BookRecord> books = new ArrayList<>();
    /** book records, gap markers (as GapRecord) and trades/quotes (as their MessageType), in order. */
    final List<Object> all = new ArrayList<>();
    final List<GapRecord> gaps = new ArrayList<>();
    final List<Long> sequences = new ArrayList<>();
    long trades;
    long quotes;
    private final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Long> asks = new TreeMap<>();

    private void record(int type, long sequence, DirectBuffer buffer, int offset, long marketId) {
        EventHeader header = new EventHeader().wrap(buffer, offset);
        if (header.marketId() != marketId) {
            return;
        }
        sequences.add(sequence);
        MessageType kind = MessageType.of(type);
        switch (kind) {
            case L2_SNAPSHOT, L2_DIFF -> {
                if (kind == MessageType.L2_SNAPSHOT) {
                    bids.clear();
                    asks.clear();
                }
                L2Levels levels = new L2Levels().wrap(buffer, header.bodyOffset());
                for (int i = 0; i < levels.count(); i++) {
                    Map<Long, Long> side = Side.of(levels.sideCode(i)) == Side.BID ? bids : asks;
                    if (levels.size(i) == 0) {
                        side.remove(levels.price(i));
                    } else {
                        side.put(levels.price(i), levels.size(i));
                    }
                }
                BookRecord record = new BookRecord(kind, header.lastUpdateId(), "bids " + bids + " asks " + asks);
                books.add(record);
                all.add(record);
            }
            case GAP -> {
                Gap gap = new Gap().wrap(buffer, header.bodyOffset());
                GapRecord record = new GapRecord(GapReason.of(gap.reasonCode()), gap.fromId(), gap.toId(), gap.note());
                gaps.add(record);
                all.add(record);
            }
            case TRADE -> {
                trades++;
                all.add(kind);
            }
            case BBO -> {
                quotes++;
                all.add(kind);
            }
            default -> all.add(kind);
        }
    }

    /** @return the book after each book record, by its update id (snapshot: lastUpdateId; diff: u). */
    Map<Long, String> byUpdateId() {
        Map<Long, String> out = new LinkedHashMap<>();
        for (BookRecord record : books) {
            out.put(record.updateId(), record.book());
        }
        return out;
    }

    /**
     * @param queue    a queue directory.
     * @param marketId the market to read.
     * @return its records.
     */
    static Books ofQueue(Path queue, long marketId) {
        Books out = new Books();
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(new StartPosition.Earliest())) {
            while (reader.poll((type, sequence, timestamp, buffer, offset, length)
                    -> out.record(type, sequence, buffer, offset, marketId), 1000) > 0) {
                // drain
            }
        }
        return out;
    }

    /**
     * @param stream book, trades or quotes.
     * @return what the Binance import makes of the capture, for the fake's symbol.
     */
    static Books ofImport(String stream) throws IOException {
        RecordingSink sink = new RecordingSink();
        ImportRequest request = new ImportRequest(List.of(FakeBinance.CAPTURE.resolve("BINANCE.http.0.0"),
                FakeBinance.CAPTURE.resolve("BINANCE.ws.1.0")), "binance", FakeBinance.SYMBOL, stream, 1, 1,
                OnError.FAIL, Files::newInputStream);
        try (ImportSource source = new BinanceAdapter().open(request)) {
            while (source.next(sink)) {
                // drain
            }
        }
        Books out = new Books();
        long sequence = 0;
        for (RecordingSink.Record r : sink.records) {
            out.record(r.type(), sequence++, new UnsafeBuffer(r.bytes()), 0, 1);
        }
        return out;
    }
}
