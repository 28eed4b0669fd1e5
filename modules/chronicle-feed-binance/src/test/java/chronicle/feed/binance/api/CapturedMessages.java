package chronicle.feed.binance.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Endless messages for measuring the feed's hot path, from the spot capture in the Binance import plug-in's test
 * resources: its NKNUSDT depth diffs, their levels as captured, their update ids rewritten to chain from
 * {@link #FIRST_ID} without end, so a normalizer given {@link #snapshot()} applies and appends every one of them; and
 * its NKNUSDT trades and book tickers as captured. Shared by the hot path's allocation test and the JMH benchmark.
 */
public final class CapturedMessages {

    /** The websocket capture, relative to this module's folder. */
    public static final Path CAPTURE = FakeBinance.CAPTURE.resolve("BINANCE.ws.1.0");
    /** The {@code U} of the first prepared diff. */
    public static final long FIRST_ID = 100_000_000_000L;
    /** The symbol of the diffs. */
    public static final String SYMBOL = "NKNUSDT";

    private static final Pattern DEPTH = Pattern.compile(
            "\\{\"stream\":\"nknusdt@depth@100ms\",\"data\":\\{\"e\":\"depthUpdate\",\"E\":(\\d+),\"s\":\"NKNUSDT\","
                    + "\"U\":(\\d+),\"u\":(\\d+),(\"b\":.*)$");

    private CapturedMessages() {
    }

    /**
     * @param capture the websocket capture.
     * @param count   how many messages.
     * @return its NKNUSDT diffs, cycled to {@code count} combined-stream messages whose update ids chain from
     *         {@link #FIRST_ID}.
     */
    public static byte[][] chained(Path capture, int count) throws IOException {
        List<String[]> diffs = new ArrayList<>();
        for (String line : Files.readAllLines(capture)) {
            int brace = line.indexOf('{');
            Matcher m = brace < 0 ? null : DEPTH.matcher(line.substring(brace));
            if (m != null && m.matches()) {
                long span = Long.parseLong(m.group(3)) - Long.parseLong(m.group(2));
                diffs.add(new String[] {m.group(1), Long.toString(span), m.group(4)});
            }
        }
        if (diffs.isEmpty()) {
            throw new IllegalStateException(capture + " holds no NKNUSDT depth diffs");
        }
        byte[][] out = new byte[count][];
        long id = FIRST_ID;
        for (int i = 0; i < count; i++) {
            String[] d = diffs.get(i % diffs.size());
            long last = id + Long.parseLong(d[1]);
            out[i] = ("{\"stream\":\"nknusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + d[0]
                    + ",\"s\":\"NKNUSDT\",\"U\":" + id + ",\"u\":" + last + "," + d[2])
                    .getBytes(StandardCharsets.US_ASCII);
            id = last + 1;
        }
        return out;
    }

    /**
     * @param capture the websocket capture.
     * @param count   how many messages.
     * @return its NKNUSDT aggTrade and bookTicker messages as captured, cycled to {@code count}.
     */
    public static byte[][] tradesAndQuotes(Path capture, int count) throws IOException {
        List<byte[]> found = new ArrayList<>();
        for (String line : Files.readAllLines(capture)) {
            int brace = line.indexOf('{');
            if (brace > 0 && (line.contains("{\"stream\":\"nknusdt@aggTrade\"")
                    || line.contains("{\"stream\":\"nknusdt@bookTicker\""))) {
                found.add(line.substring(brace).getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException(capture + " holds no NKNUSDT trades or book tickers");
        }
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = found.get(i % found.size());
        }
        return out;
    }

    /** @return an empty REST snapshot whose lastUpdateId the first prepared diff bridges. */
    public static byte[] snapshot() {
        String json = "{\"lastUpdateId\":" + (FIRST_ID - 1) + ",\"bids\":[],\"asks\":[]}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }
}
