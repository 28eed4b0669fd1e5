package chronicle.feed.binance.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal RFC 6455 websocket server on 127.0.0.1 for tests: the opening handshake, unmasked text frames out,
 * masked client frames in (pings answered with pongs, pongs counted, a close answered). Can refuse a number of
 * connections first (HTTP 503 to the upgrade). Each accepted connection runs a script on its own thread. Shared with
 * the benchmarks through this module's test jar.
 */
public final class TestWebSocketServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One accepted connection, handed to the script. */
    public static final class Peer {
        private final Socket socket;
        private final OutputStream out;
        final AtomicInteger pongs = new AtomicInteger();
        /** Whether the connection is gone. */
        public volatile boolean closed;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        /** @param text a text message, one frame. @return false if the connection is gone. */
        public synchronized boolean send(String text) {
            return frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        /** @return false if the connection is gone. */
        synchronized boolean ping() {
            return frame(0x9, new byte[] {1, 2, 3});
        }

        private synchronized boolean frame(int opcode, byte[] payload) {
            try {
                out.write(0x80 | opcode);
                if (payload.length < 126) {
                    out.write(payload.length);
                } else if (payload.length < 65536) {
                    out.write(126);
                    out.write(payload.length >>> 8);
                    out.write(payload.length);
                } else {
                    out.write(127);
                    for (int shift = 56; shift >= 0; shift -= 8) {
                        out.write((int) ((long) payload.length >>> shift));
                    }
                }
                out.write(payload);
                out.flush();
                return true;
            } catch (IOException e) {
                closed = true;
                return false;
            }
        }

        /** Drops the TCP connection without a close frame, as a network failure would. */
        void drop() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final Consumer<Peer> script;
    private final AtomicInteger refuse;
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();

    /**
     * @param refuseFirst connections to refuse with HTTP 503 before accepting.
     * @param script      run on each accepted connection's own thread.
     */
    public TestWebSocketServer(int refuseFirst, Consumer<Peer> script) throws IOException {
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.script = script;
        this.refuse = new AtomicInteger(refuseFirst);
        this.acceptor = Thread.ofPlatform().daemon().name("test-ws-accept").start(this::acceptLoop);
    }

    /** @return the base URL, {@code ws://127.0.0.1:<port>}. */
    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofPlatform().daemon().name("test-ws-peer").start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String request = readHeaders(in);
            attempts.incrementAndGet();
            OutputStream out = socket.getOutputStream();
            if (refuse.getAndDecrement() > 0) {
                out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            String key = header(request, "Sec-WebSocket-Key");
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            accepted.incrementAndGet();
            Peer peer = new Peer(socket);
            Thread reader = Thread.ofPlatform().daemon().name("test-ws-read").start(() -> readFrames(in, peer));
            script.accept(peer);
            peer.drop();
            reader.join(1000);
        } catch (IOException | InterruptedException e) {
            // the test sees what the feed recorded
        }
    }

    private static void readFrames(InputStream in, Peer peer) {
        try {
            while (!peer.closed) {
                int b0 = in.read();
                int b1 = in.read();
                if (b0 < 0 || b1 < 0) {
                    return;
                }
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
                byte[] payload = in.readNBytes((int) length);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
                switch (b0 & 0x0F) {
                    case 0x9 -> peer.frame(0xA, payload); // ping: pong
                    case 0xA -> peer.pongs.incrementAndGet();
                    case 0x8 -> {
                        peer.frame(0x8, payload);
                        peer.drop();
                        return;
                    }
                    default -> {
                        // the feed sends nothing else
                    }
                }
            }
        } catch (IOException e) {
            peer.closed = true;
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the handshake");
            }
            bytes.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    private static String header(String request, String name) {
        for (String line : request.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        throw new IllegalStateException("no " + name + " header in " + request);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
