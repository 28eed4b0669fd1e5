package chronicle.feed.binance.internal;

import chronicle.ingest.api.binance.BinanceMessage;
import chronicle.ingest.api.binance.BinanceMessageParser;
import chronicle.ingest.api.binance.BookSync;
import chronicle.ingest.spi.EventHeaderWriter;
import chronicle.protocol.api.StreamKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;

/**
 * One symbol of a feed: its parsers (one per stream, so a message is parsed once), its book's synchronisation
 * state, its header writer and sink, and the diffs held while its snapshot is on the way. <b>Not thread-safe.</b>
 */
public final class SymbolBook {

    /** A diff received while the snapshot was awaited: its bytes and receive time. */
    public record HeldDiff(byte[] json, long receiveNanos) {
    }

    /** Diffs held at most while a snapshot is awaited (10 minutes of 100 ms diffs); older ones are dropped. */
    public static final int MAX_HELD = 6000;

    private final String symbol;
    private final byte[] lowerName;
    private final BinanceMessageParser book;
    private final BinanceMessageParser trades;
    private final BinanceMessageParser quotes;
    private final BookSync sync = new BookSync();
    private final BinanceMessage message = new BinanceMessage();
    private final EventHeaderWriter header;
    private final QueueSink sink;
    private final ArrayDeque<HeldDiff> held = new ArrayDeque<>();
    private boolean snapshotPending;
    private long droppedHeld;

    /**
     * @param symbol   the symbol, upper case.
     * @param venueId  the venue's id.
     * @param marketId the market's id.
     * @param shared   the raw queue's state.
     */
    public SymbolBook(String symbol, int venueId, long marketId, QueueSink.Shared shared) {
        this.symbol = symbol;
        this.lowerName = symbol.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        int price = BinanceMessageParser.PRICE_EXPONENT;
        int size = BinanceMessageParser.SIZE_EXPONENT;
        this.book = new BinanceMessageParser(symbol, StreamKind.BOOK, price, size);
        this.trades = new BinanceMessageParser(symbol, StreamKind.TRADES, price, size);
        this.quotes = new BinanceMessageParser(symbol, StreamKind.QUOTES, price, size);
        this.header = new EventHeaderWriter(venueId, marketId, price, size);
        this.sink = new QueueSink(shared, venueId, marketId);
    }

    /**
     * @param bytes  holds a stream name's symbol part.
     * @param from   where it begins.
     * @param to     where it ends.
     * @return whether it is this symbol (stream names are lower case).
     */
    public boolean named(byte[] bytes, int from, int to) {
        return Arrays.equals(bytes, from, to, lowerName, 0, lowerName.length);
    }

    /** @return the symbol. */
    public String symbol() {
        return symbol;
    }

    /** @param stream which stream. @return its parser. */
    public BinanceMessageParser parser(StreamKind stream) {
        return switch (stream) {
            case BOOK -> book;
            case TRADES -> trades;
            default -> quotes;
        };
    }

    /** @return the book's synchronisation rules. */
    public BookSync sync() {
        return sync;
    }

    /** @return the reused message. */
    public BinanceMessage message() {
        return message;
    }

    /** @return the header writer of the market's records. */
    public EventHeaderWriter header() {
        return header;
    }

    /** @return the market's sink. */
    public QueueSink sink() {
        return sink;
    }

    /** @return whether a snapshot was asked for and has not come. */
    public boolean snapshotPending() {
        return snapshotPending;
    }

    /** @param pending whether a snapshot is awaited. */
    public void snapshotPending(boolean pending) {
        snapshotPending = pending;
    }

    /**
     * Holds a diff until the snapshot comes (copies it: resynchronisation is rare).
     *
     * @param json         the message's bytes.
     * @param length       its length.
     * @param receiveNanos its receive time.
     */
    public void hold(byte[] json, int length, long receiveNanos) {
        if (held.size() == MAX_HELD) {
            held.pollFirst();
            droppedHeld++; // the snapshot will not bridge them anyway: the first kept diff breaks or bridges
        }
        held.addLast(new HeldDiff(Arrays.copyOf(json, length), receiveNanos));
    }

    /** @return the held diffs, oldest first, and forgets them. */
    public HeldDiff[] takeHeld() {
        HeldDiff[] out = held.toArray(new HeldDiff[0]);
        held.clear();
        return out;
    }

    /** @return diffs dropped because too many were held. */
    public long droppedHeld() {
        return droppedHeld;
    }
}
