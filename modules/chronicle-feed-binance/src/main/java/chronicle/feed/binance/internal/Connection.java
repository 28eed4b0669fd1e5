package chronicle.feed.binance.internal;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The listener of one websocket connection: assembles each text message (it may come in parts) into one reused
 * byte buffer, encoded to UTF-8 ({@link Utf8MessageBuffer}: no allocation per message), and hands it to the feed with
 * its receive time; notes when anything last arrived (keep-alive), and
 * when the connection ended and why. Messages are asked for one at a time, so they are handed over in order.
 */
public final class Connection implements WebSocket.Listener {

    /** Receives the complete messages, on the client's thread. */
    @FunctionalInterface
    public interface MessageHandler {
        /**
         * @param json         the message, ASCII or UTF-8.
         * @param length       its length.
         * @param receiveNanos when its last part arrived, epoch ns.
         */
        void onMessage(byte[] json, int length, long receiveNanos);
    }

    private final MessageHandler handler;
    private final FeedClock clock;
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final Utf8MessageBuffer message = new Utf8MessageBuffer(64 << 10);
    private volatile long lastArrivalNanos;
    private volatile long messages;

    /** @param handler where messages go. @param clock the feed's clock. */
    public Connection(MessageHandler handler, FeedClock clock) {
        this.handler = handler;
        this.clock = clock;
        this.lastArrivalNanos = clock.monotonicNanos();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        lastArrivalNanos = clock.monotonicNanos();
        message.append(data, last);
        if (last) {
            handler.onMessage(message.bytes(), message.length(), clock.epochNanos());
            message.clear();
            messages++;
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        lastArrivalNanos = clock.monotonicNanos();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        lastArrivalNanos = clock.monotonicNanos(); // the JDK answers with a pong itself
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        lastArrivalNanos = clock.monotonicNanos();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete("closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error: " + error);
    }

    /** @return completes with the cause when the connection has ended. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    /** @return when anything last arrived, monotonic ns. */
    public long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /** @return complete messages received. */
    public long messages() {
        return messages;
    }
}
