package chronicle.plugin.tier.s3;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 in front of an S3 service that fails chosen requests the way networks and
 * overloaded services do: HTTP 500, 503 SlowDown, a connection reset in the middle of a response body, a response
 * that comes too late, a request body damaged on its way, an answer lost after the service acted.
 *
 * <p>One request per connection (responses say {@code Connection: close}); the {@code Host} header is passed on
 * unchanged, so the client's signature still matches. Every request is logged as {@code METHOD target}.
 */
final class FaultProxy implements AutoCloseable {

    /** What happens to a request that a rule matches. */
    enum Fault {
        /** Answer HTTP 500 InternalError without passing the request on. */
        INTERNAL_ERROR,
        /** Answer HTTP 503 with an S3 SlowDown error body without passing the request on. */
        SLOW_DOWN,
        /** Pass the request on, send the response head and half its body, then reset the connection. */
        RESET_MID_BODY,
        /** Pass the request on, then say nothing for {@link #SLOW_MILLIS} and close. */
        SLOW_RESPONSE,
        /** Flip one byte in the middle of the request body, then pass it on. */
        CORRUPT_REQUEST_BODY,
        /** Pass the request on (the service acts on it), then reset the connection instead of answering. */
        LOSE_RESPONSE
    }

    /** How long a {@link Fault#SLOW_RESPONSE} keeps the client waiting. */
    static final long SLOW_MILLIS = 1_500;

    private record Rule(Predicate<Request> when, Fault fault, AtomicInteger remaining) {
    }

    private record Hook(Predicate<Request> when, Runnable action, AtomicInteger remaining) {
    }

    /** A request as the proxy saw it. */
    record Request(String method, String target, List<String> headers) {
        boolean is(String method, String... targetParts) {
            if (!this.method.equals(method)) {
                return false;
            }
            for (String part : targetParts) {
                if (!target.contains(part)) {
                    return false;
                }
            }
            return true;
        }

        /** @param name a header name. @return its value, or null. */
        String header(String name) {
            return FaultProxy.header(headers, name, 0);
        }

        @Override
        public String toString() {
            return method + " " + target;
        }
    }

    private final URI upstream;
    private final ServerSocket server;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final List<Request> log = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    /** @param upstream the S3 service to pass requests on to. */
    FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("fault-proxy-accept").start(this::accept);
    }

    /** @return the proxy's URL, to use as the tier's endpoint. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Fails the next {@code times} requests that match.
     *
     * @param when  which requests.
     * @param fault how.
     * @param times how many of them; {@link Integer#MAX_VALUE} for all.
     */
    void inject(Predicate<Request> when, Fault fault, int times) {
        rules.add(new Rule(when, fault, new AtomicInteger(times)));
    }

    /**
     * Runs an action, once, when the first request that matches arrives (before it is passed on).
     *
     * @param when   which request.
     * @param action what to do, for example change the file being uploaded.
     */
    void onFirst(Predicate<Request> when, Runnable action) {
        hooks.add(new Hook(when, action, new AtomicInteger(1)));
    }

    /** Removes every rule. */
    void heal() {
        rules.clear();
    }

    /** @return the requests seen so far. */
    List<Request> requests() {
        return List.copyOf(log);
    }

    /** @return failures of the proxy itself (not the faults it injects), which a test should assert empty. */
    List<Throwable> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofPlatform().daemon().name("fault-proxy").start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.getFirst().split(" ");
            Request request = new Request(requestLine[0], requestLine[1], head.subList(1, head.size()));
            log.add(request);
            for (Hook hook : hooks) {
                if (hook.when().test(request) && hook.remaining().getAndDecrement() > 0) {
                    hook.action().run();
                }
            }
            Fault fault = faultFor(request);
            if (header(head, "expect") != null) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            if (header(head, "transfer-encoding") != null) {
                throw new IOException("chunked request bodies are not supported by this proxy: " + request);
            }
            String length = header(head, "content-length");
            byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
            switch (fault) {
                case INTERNAL_ERROR -> {
                    respond(out, "500 Internal Server Error", "InternalError", "We encountered an internal error.");
                    return;
                }
                case SLOW_DOWN -> {
                    respond(out, "503 Slow Down", "SlowDown", "Please reduce your request rate.");
                    return;
                }
                case CORRUPT_REQUEST_BODY -> body[body.length / 2] ^= 0x5a;
                case null, default -> {
                }
            }
            byte[] response = forward(head, body);
            switch (fault) {
                case RESET_MID_BODY -> {
                    int headEnd = indexOfHeadEnd(response);
                    out.write(response, 0, headEnd + (response.length - headEnd) / 2);
                    out.flush();
                    reset(client);
                }
                case SLOW_RESPONSE -> Thread.sleep(SLOW_MILLIS);
                case LOSE_RESPONSE -> reset(client);
                case null, default -> {
                    out.write(response);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (!server.isClosed()) {
                errors.add(e);
            }
        }
    }

    private Fault faultFor(Request request) {
        for (Rule rule : rules) {
            if (rule.when().test(request) && rule.remaining().getAndDecrement() > 0) {
                return rule.fault();
            }
        }
        return null;
    }

    private byte[] forward(List<String> head, byte[] body) throws IOException {
        try (Socket socket = new Socket(upstream.getHost(), upstream.getPort())) {
            StringBuilder text = new StringBuilder(head.getFirst()).append("\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                if (!name.equals("connection") && !name.equals("expect")) {
                    text.append(line).append("\r\n");
                }
            }
            text.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            byte[] response = socket.getInputStream().readAllBytes();
            return withConnectionClose(response);
        }
    }

    private static byte[] withConnectionClose(byte[] response) {
        int headEnd = indexOfHeadEnd(response);
        String head = new String(response, 0, headEnd, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                lines.add(line);
            }
        }
        lines.add("Connection: close");
        ByteArrayOutputStream out = new ByteArrayOutputStream(response.length + 32);
        out.writeBytes((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(response, headEnd, response.length - headEnd);
        return out.toByteArray();
    }

    /** @return the index just past the blank line that ends the head. */
    private static int indexOfHeadEnd(byte[] response) {
        for (int i = 3; i < response.length; i++) {
            if (response[i - 3] == '\r' && response[i - 2] == '\n' && response[i - 1] == '\r' && response[i] == '\n') {
                return i + 1;
            }
        }
        throw new IllegalStateException("no end of head in a response of " + response.length + " bytes");
    }

    private static void respond(OutputStream out, String status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>FAULT</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void reset(Socket client) throws IOException {
        client.setSoLinger(true, 0); // close with RST, not FIN
        client.close();
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                String text = line.toString().stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return List.of();
    }

    private static String header(List<String> head, String name) {
        return header(head, name, 1);
    }

    private static String header(List<String> lines, String name, int from) {
        for (String line : lines.subList(from, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
