package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.EventHeaderWriter;
import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.Fields;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.LineReader;
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
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The events of one LOBSTER import: reads the message file line by line ({@link Message}), maps each message to an
 * L3 action ({@link Reconciliation}) and writes one record per line; reads the orderbook file alongside
 * ({@link OpeningBook} from its row 1, then one row per message, counted). See {@link LobsterAdapter} for the
 * mapping. <b>Not thread-safe.</b>
 */
final class LobsterSource implements ImportSource {

    static final int PRICE_EXPONENT = -4;
    static final int SIZE_EXPONENT = 0;

    private final ImportRequest request;
    private final Path messageFile;
    private final long midnight;
    private final LineReader messages;
    /** The orderbook file while its rows are read alongside the messages; null without one, or once done. */
    private LineReader orderbook;

    private final Fields fields = new Fields((byte) ',');
    private final Message message = new Message();
    private final Reconciliation reconciliation = new Reconciliation();
    private final EventHeaderWriter header;
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
        this.midnight = date.atStartOfDay(LobsterAdapter.EXCHANGE_ZONE).toEpochSecond() * 1_000_000_000L;
        this.header = new EventHeaderWriter(request, PRICE_EXPONENT, SIZE_EXPONENT);
        this.messages = LineReader.open(request, messageFile);
        if (orderbookFile != null) {
            try {
                this.orderbook = LineReader.open(request, orderbookFile);
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
        if (!messages.next()) {
            exhausted = true;
            return orderbookEnds(sink);
        }
        line = messages.lineNumber();
        fields.split(messages);
        String bad = messages.tooLong() ? "line longer than " + (messages.maxLine() >> 20) + " MiB"
                : message.parse(fields, lastTime, lastGoodLine);
        if (bad != null) {
            badInput(sink, messageFile, line, line, line, bad);
        }
        if (!started) {
            started = true;
            opening(sink, bad == null);
        } else {
            orderbookRow(sink);
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
        OpeningBook book = new OpeningBook();
        String bad;
        if (!orderbook.next()) {
            bad = "no row 1: the orderbook file is empty";
        } else {
            Fields row = new Fields((byte) ',');
            row.split(orderbook);
            bad = book.parse(row);
            if (bad == null && firstMessageGood) {
                bad = book.undo(message);
            }
        }
        if (bad != null) {
            Path file = orderbook.file();
            closeOrderbook(); // not the orderbook file of these messages: its rows are not counted either
            badInput(sink, file, 1, EventHeader.NULL_ID, EventHeader.NULL_ID, bad);
            return;
        }
        // before message 1, or after it when it was bad and skipped
        long id = firstMessageGood ? 0 : 1;
        long time = firstMessageGood ? midnight + message.time : gapTime();
        reconciliation.open(book);
        int count = reconciliation.syntheticCount();
        ensure(1 + count);
        begin(EventType.SNAPSHOT, EventFlags.SYNTHETIC, time, id, EventHeader.NULL_ID);
        events.wrap(buffer, EventHeader.LENGTH).count(1 + count);
        events.event(0, L3Action.CLEAR, Side.UNKNOWN, 0, 0, 0, 0);
        for (int i = 0; i < count; i++) {
            events.event(1 + i, L3Action.ADD, reconciliation.syntheticSide(i), Reconciliation.syntheticId(i),
                    reconciliation.syntheticPrice(i), reconciliation.syntheticRemaining(i), 0);
        }
        sink.append(MessageType.L3_EVENTS.id(), time, buffer, 0, EventHeader.LENGTH + L3Events.length(1 + count));
        lastJournal = time;
    }

    /**
     * Moves the orderbook file to the row of the current message line: LOBSTER writes one row per message, so a
     * file that ends first does not match (or is cut short).
     */
    private void orderbookRow(EventSink sink) throws IOException {
        if (orderbook == null || orderbook.next()) {
            return;
        }
        long rows = orderbook.lineNumber();
        closeOrderbook();
        badInput(sink, messageFile, line, EventHeader.NULL_ID, EventHeader.NULL_ID, "message " + line + " has no "
                + "orderbook row: the orderbook file ends at row " + rows + " (LOBSTER writes one orderbook row per "
                + "message: the orderbook file is cut short, or it is not the one of this message file)");
    }

    /**
     * At the end of the message file: the orderbook file must end too, else a message line is missing.
     *
     * @return whether a gap marker was written for it.
     */
    private boolean orderbookEnds(EventSink sink) throws IOException {
        if (orderbook == null) {
            return false;
        }
        boolean extra = started && orderbook.next();
        Path file = orderbook.file();
        long row = orderbook.lineNumber();
        closeOrderbook();
        if (!extra) {
            return false;
        }
        badInput(sink, file, row, EventHeader.NULL_ID, EventHeader.NULL_ID, "row " + row + " has no message: the "
                + "message file ends at line " + line + " (LOBSTER writes one orderbook row per message: a message"
                + " line is missing, or the files do not match)");
        return true;
    }

    /** Writes the record of the message just parsed. */
    private void append(EventSink sink) {
        Reconciliation r = reconciliation;
        r.apply(message);
        long time = midnight + message.time;
        begin(EventType.DIFF, 0, time, line, line - 1);
        events.wrap(buffer, EventHeader.LENGTH).count(1).event(0, r.action, r.side, r.orderId, r.price, r.size, 0);
        sink.append(MessageType.L3_EVENTS.id(), time, buffer, 0, EventHeader.LENGTH + L3Events.length(1));
        lastJournal = time;
    }

    /** The header of a record whose sequence and update id are its line (0 for the opening book). */
    private void begin(EventType type, int flags, long time, long id, long prev) {
        header.begin(buffer, 0, StreamKind.BOOK, type, BookMode.L3, time, time)
                .flags(flags)
                .sequence(id)
                .firstUpdateId(id)
                .lastUpdateId(id)
                .prevUpdateId(prev);
    }

    private void ensure(int count) {
        int length = EventHeader.LENGTH + L3Events.length(count);
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
        return messages.bytesRead();
    }

    @Override
    public long totalBytes() {
        return messages.size();
    }

    private void closeOrderbook() throws IOException {
        LineReader reader = orderbook;
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
}
