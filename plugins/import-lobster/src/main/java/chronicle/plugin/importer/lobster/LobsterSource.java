package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventFlags;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** The events of one LOBSTER import; see {@link LobsterAdapter} for the mapping. <b>Not thread-safe.</b> */
final class LobsterSource implements ImportSource {

    static final int PRICE_EXPONENT = -4;
    static final int SIZE_EXPONENT = 0;

    private final ImportRequest request;
    private final Path messageFile;
    private final Path orderbookFile;
    private final long midnight;
    private final long totalBytes;
    private final Counting counting;
    private final BufferedReader messages;
    private BufferedReader orderbook;

    private final Message message = new Message();
    /** Orders seen added and not yet removed: id to remaining size (0 = not known). */
    private final Long2LongHashMap live = new Long2LongHashMap(0);
    private Side[] syntheticSides = new Side[0];
    private long[] syntheticPrices = new long[0];
    private long[] syntheticRemaining = new long[0];
    private int syntheticCount;

    private final EventHeader header = new EventHeader();
    private final L3Events events = new L3Events();
    private UnsafeBuffer buffer = new UnsafeBuffer(new byte[EventHeader.LENGTH + L3Events.length(1)]);

    private long line;
    private long lastTime = -1;
    private long lastGoodLine;
    private long lastJournal = Long.MIN_VALUE;
    private boolean started;
    private boolean exhausted;

    LobsterSource(ImportRequest request, Path messageFile, Path orderbookFile, LocalDate date) throws IOException {
        this.request = request;
        this.messageFile = messageFile;
        this.orderbookFile = orderbookFile;
        this.midnight = date.atStartOfDay(LobsterAdapter.EXCHANGE_ZONE).toEpochSecond() * 1_000_000_000L;
        this.totalBytes = Files.isRegularFile(messageFile) ? Files.size(messageFile) : 0;
        this.counting = new Counting(request.opener().open(messageFile));
        this.messages = new BufferedReader(new InputStreamReader(counting, StandardCharsets.ISO_8859_1), 1 << 16);
        if (orderbookFile != null) {
            try {
                InputStream in = request.opener().open(orderbookFile);
                this.orderbook = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            } catch (IOException | RuntimeException e) {
                messages.close();
                throw e;
            }
        }
    }

    @Override
    public boolean next(EventSink sink) throws IOException {
        if (exhausted) {
            return false;
        }
        String text = messages.readLine();
        if (text == null) {
            exhausted = true;
            closeOrderbook();
            return false;
        }
        line++;
        String bad = null;
        try {
            message.parse(text, lastTime, lastGoodLine);
        } catch (Csv.BadInput e) {
            bad = e.getMessage();
        }
        if (bad != null) {
            badInput(sink, messageFile, line, line, line, bad);
        }
        if (!started) {
            started = true;
            opening(sink, bad == null);
        }
        if (bad != null) {
            return true;
        }
        lastTime = message.time;
        lastGoodLine = line;
        append(sink);
        return true;
    }

    /** Writes the opening book, derived from row 1 of the orderbook file, if there is one. */
    private void opening(EventSink sink, boolean firstMessageGood) throws IOException {
        if (orderbook == null) {
            return;
        }
        String row;
        try {
            row = orderbook.readLine();
        } finally {
            closeOrderbook();
        }
        OpeningBook book = new OpeningBook();
        try {
            if (row == null) {
                throw new Csv.BadInput("no row 1: the orderbook file is empty");
            }
            book.parse(row);
            if (firstMessageGood) {
                book.undo(message);
            }
        } catch (Csv.BadInput e) {
            badInput(sink, orderbookFile, 1, EventHeader.NULL_ID, EventHeader.NULL_ID, e.getMessage());
            return;
        }
        // before message 1, or after it when it was bad and skipped
        long id = firstMessageGood ? 0 : 1;
        long time = firstMessageGood ? midnight + message.time : gapTime();
        int count = book.bidCount + book.askCount;
        syntheticSides = new Side[count];
        syntheticPrices = new long[count];
        syntheticRemaining = new long[count];
        for (int i = 0; i < book.bidCount; i++) {
            synthetic(Side.BID, book.bidPrices[i], book.bidSizes[i]);
        }
        for (int i = 0; i < book.askCount; i++) {
            synthetic(Side.ASK, book.askPrices[i], book.askSizes[i]);
        }
        ensure(1 + count);
        header(EventType.SNAPSHOT, EventFlags.SYNTHETIC, time, id, EventHeader.NULL_ID);
        events.wrap(buffer, EventHeader.LENGTH).count(1 + count);
        events.event(0, L3Action.CLEAR, Side.UNKNOWN, 0, 0, 0, 0);
        for (int i = 0; i < count; i++) {
            events.event(1 + i, L3Action.ADD, syntheticSides[i], syntheticId(i), syntheticPrices[i],
                    syntheticRemaining[i], 0);
        }
        sink.append(MessageType.L3_EVENTS.id(), time, buffer, 0, EventHeader.LENGTH + L3Events.length(1 + count));
        lastJournal = time;
    }

    private void synthetic(Side side, long price, long size) {
        syntheticSides[syntheticCount] = side;
        syntheticPrices[syntheticCount] = price;
        syntheticRemaining[syntheticCount] = size;
        syntheticCount++;
    }

    /** @return the id of the synthetic level order at an index: -1, -2, ... */
    private static long syntheticId(int index) {
        return -1L - index;
    }

    /** @return the index of the synthetic order with size left at a side and price, or -1. */
    private int syntheticAt(Side side, long price) {
        for (int i = 0; i < syntheticCount; i++) {
            if (syntheticPrices[i] == price && syntheticSides[i] == side && syntheticRemaining[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the record of the message just parsed. */
    private void append(EventSink sink) {
        Message m = message;
        L3Action action;
        Side side = m.side;
        long orderId = m.orderId;
        long price = m.price;
        long size = m.size;
        switch (m.type) {
            case Message.ADD -> {
                action = L3Action.ADD;
                live.put(orderId, size);
            }
            case Message.CANCEL -> {
                action = L3Action.CANCEL;
                orderId = reduce(orderId, side, price, size);
            }
            case Message.DELETE -> {
                action = L3Action.DELETE;
                if (live.remove(orderId) == 0) {
                    long synthetic = reduce(orderId, side, price, size);
                    if (synthetic != orderId) {
                        action = L3Action.CANCEL; // one of the orders the synthetic level order stands for
                        orderId = synthetic;
                    }
                }
            }
            case Message.EXECUTE_VISIBLE -> {
                action = L3Action.EXECUTE_VISIBLE;
                orderId = reduce(orderId, side, price, size);
            }
            case Message.EXECUTE_HIDDEN -> action = L3Action.EXECUTE_HIDDEN;
            case Message.CROSS_TRADE -> action = L3Action.TRADE;
            case Message.HALT -> {
                action = L3Action.HALT;
                side = Side.UNKNOWN;
                size = m.price == -1 ? 1 : 0;
                price = 0;
            }
            default -> throw new IllegalStateException("type " + m.type);
        }
        long time = midnight + m.time;
        header(EventType.DIFF, 0, time, line, line - 1);
        events.wrap(buffer, EventHeader.LENGTH).count(1).event(0, action, side, orderId, price, size, 0);
        sink.append(MessageType.L3_EVENTS.id(), time, buffer, 0, EventHeader.LENGTH + L3Events.length(1));
        lastJournal = time;
    }

    /**
     * A cancel or execution of an amount: of a known order (forgotten when nothing remains), else of the synthetic
     * level order at its side and price if that one has size left.
     *
     * @return the order id to write: the message's, or the synthetic order's.
     */
    private long reduce(long orderId, Side side, long price, long amount) {
        long remaining = live.get(orderId);
        if (remaining != 0) {
            if (remaining > amount) {
                live.put(orderId, remaining - amount);
            } else {
                live.remove(orderId);
            }
            return orderId;
        }
        int synthetic = syntheticAt(side, price);
        if (synthetic < 0) {
            return orderId; // unknown to the book as well: replay leaves the book as it is
        }
        syntheticRemaining[synthetic] -= amount;
        return syntheticId(synthetic);
    }

    private void header(EventType type, int flags, long time, long id, long prev) {
        header.wrapForWrite(buffer, 0)
                .venueId(request.venueId())
                .marketId(request.marketId())
                .stream(StreamKind.BOOK)
                .eventType(type)
                .bookMode(BookMode.L3)
                .priceExponent(PRICE_EXPONENT)
                .sizeExponent(SIZE_EXPONENT)
                .flags(flags)
                .ingestTimestamp(time)
                .exchangeTimestamp(time)
                .sequence(id)
                .firstUpdateId(id)
                .lastUpdateId(id)
                .prevUpdateId(prev);
    }

    private void ensure(int events) {
        int length = EventHeader.LENGTH + L3Events.length(events);
        if (buffer.capacity() < length) {
            buffer = new UnsafeBuffer(new byte[length]);
        }
    }

    /** Bad input: {@code file:line: reason} thrown under FAIL, a gap marker under GAP. */
    private void badInput(EventSink sink, Path file, long fileLine, long fromId, long toId, String reason)
            throws ImportException {
        ImportException problem = new ImportException(file, fileLine, reason);
        if (request.onError() != OnError.GAP) {
            throw problem;
        }
        sink.gap(gapTime(), fromId, toId, GapReason.BAD_INPUT, problem.getMessage());
    }

    /** @return the journal time of a gap marker: that of the last record, or midnight before any. */
    private long gapTime() {
        return lastJournal != Long.MIN_VALUE ? lastJournal : midnight;
    }

    @Override
    public long rows() {
        return line;
    }

    @Override
    public long bytesRead() {
        // the opener hands out decompressed bytes: for a compressed input only the end is exact
        return exhausted ? totalBytes : Math.min(counting.count, totalBytes);
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    private void closeOrderbook() throws IOException {
        BufferedReader reader = orderbook;
        orderbook = null;
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            messages.close();
        } finally {
            closeOrderbook();
        }
    }

    /** Counts the bytes read from a stream. */
    private static final class Counting extends FilterInputStream {

        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
