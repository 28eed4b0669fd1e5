package chronicle.ingest.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LineReader}: lines in place, line numbers, line ends, cut inputs, long lines, progress. */
@Timeout(30)
class LineReaderTest {

    private static final Path FILE = Path.of("in.csv");

    /** Hands out at most {@code chunk} bytes per read, as a slow or decompressing stream does. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    /** Every line as "number:text:terminated", read with a given chunk size and line limit. */
    private static List<String> lines(String text, int chunk, int maxLine) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        try (LineReader in = new LineReader(FILE, trickle(bytes, chunk), bytes.length, maxLine)) {
            while (in.next()) {
                String line = new String(in.bytes(), in.start(), in.length(), StandardCharsets.ISO_8859_1);
                out.add(in.lineNumber() + ":" + line + (in.terminated() ? "" : ":cut") + (in.tooLong() ? ":long" : ""));
            }
            assertEquals(bytes.length, in.bytesRead());
            assertFalse(in.next(), "stays at the end");
        }
        return out;
    }

    @Test
    void shouldReadLinesWithTheirNumbersWhateverTheChunksOfTheStream() throws IOException {
        String text = "\uFEFFa,b\r\nccc\n\nlast line without an end";
        String bom = new String("\uFEFF".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        for (int chunk : new int[] {1, 2, 3, 7, 1 << 16}) {
            assertEquals(List.of("1:a,b", "2:ccc", "3:", "4:last line without an end:cut"),
                    lines(bom + text.substring(1), chunk, 1 << 10), "chunk " + chunk);
        }
    }

    @Test
    void shouldSkipALineLongerThanTheLimitAndGoOn() throws IOException {
        String longLine = "x".repeat(100);
        assertEquals(List.of("1:short", "2::long", "3:after"), lines("short\n" + longLine + "\nafter\n", 5, 16));
        assertEquals(List.of("1:short", "2::cut:long"), lines("short\n" + longLine, 5, 16));
    }

    @Test
    void shouldGrowTheBufferForLongLinesWithinTheLimit() throws IOException {
        String longLine = "y".repeat(200_000);
        assertEquals(List.of("1:" + longLine, "2:z"), lines(longLine + "\nz\n", 4096, 1 << 20));
    }

    @Test
    void shouldReportProgressAndFileLineErrors() throws IOException {
        byte[] bytes = "ab\ncd\n".getBytes(StandardCharsets.US_ASCII);
        try (LineReader in = new LineReader(FILE, new ByteArrayInputStream(bytes), bytes.length, 100)) {
            assertEquals(0, in.bytesRead());
            assertTrue(in.next());
            assertEquals(3, in.bytesRead(), "the first line and its end");
            assertTrue(in.next());
            assertEquals("in.csv:2: bad", in.error("bad").getMessage());
            assertEquals(2, in.error("bad").line());
            assertFalse(in.next());
            assertEquals(6, in.bytesRead());
        }
    }

    @Test
    void shouldQuoteBytesPrintablyAndBounded() {
        byte[] bytes = {'o', 'k', 0, (byte) 0xE9, '\r'};
        assertEquals("ok???", LineReader.excerpt(bytes, 0, bytes.length));
        byte[] many = "z".repeat(100).getBytes(StandardCharsets.US_ASCII);
        assertEquals("z".repeat(64) + "...", LineReader.excerpt(many, 0, many.length));
    }
}
