package chronicle.ingest.spi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One input of an import read line by line as bytes, in place: a line is a range of {@link #bytes()}, valid until
 * the next {@link #next()}; nothing is allocated per line. Reads the bytes the request's {@link InputOpener} gives,
 * so a compressed input arrives decompressed. <b>Not thread-safe.</b>
 *
 * <p>Lines end with {@code \n}; a {@code \r} before it (CRLF) is not part of the line, nor is a UTF-8 byte-order
 * mark at the start of the input. A last line without a line end (a file written without a final newline, or cut
 * short) is still a line, with {@link #terminated()} false: the adapter decides whether that is bad input. A line
 * longer than the limit is not kept ({@link #tooLong()}; its bytes are skipped) so memory stays bounded. Blank
 * lines are lines: an adapter that skips them says so.
 *
 * <p>Memory: one buffer, which grows to hold the longest line (at most the limit).
 */
public final class LineReader implements Closeable {

    /** The default longest line: 256 MiB. */
    public static final int MAX_LINE = 256 << 20;

    private static final int INITIAL_BUFFER = 1 << 16;
    private static final int EXCERPT = 64;

    private final Path file;
    private final InputStream in;
    private final long size;
    private final int maxLine;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    /** Start of the bytes not yet handed out. */
    private int position;
    /** End of the bytes read. */
    private int limit;
    private boolean eof;
    private boolean exhausted;
    /** Bytes of the lines handed out, line ends included. */
    private long consumed;
    private long lineNumber;
    private int start;
    private int end;
    private boolean terminated;
    private boolean tooLong;

    /**
     * @param file    the input's path, for messages.
     * @param in      its bytes (decompressed); closed by {@link #close()}.
     * @param size    its size on disk, for progress (compressed size for a compressed input).
     * @param maxLine the longest line kept.
     */
    public LineReader(Path file, InputStream in, long size, int maxLine) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine " + maxLine);
        }
        this.file = file;
        this.in = in;
        this.size = size;
        this.maxLine = maxLine;
    }

    /**
     * Opens an input of a request through its opener, with the default line limit.
     *
     * @param request the import (its opener decompresses by file name).
     * @param file    one of its inputs.
     * @return the reader, positioned before the first line.
     * @throws IOException if the file cannot be opened.
     */
    public static LineReader open(ImportRequest request, Path file) throws IOException {
        long size = Files.size(file);
        InputStream in = request.opener() != null ? request.opener().open(file) : Files.newInputStream(file);
        return new LineReader(file, in, size, MAX_LINE);
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the input (then the line is empty).
     * @throws IOException if reading fails.
     */
    public boolean next() throws IOException {
        int scanned = position;
        while (true) {
            int newline = indexOfNewline(scanned, limit);
            if (newline >= 0) {
                line(position, newline, true, false);
                position = newline + 1;
                consumed++;
                return true;
            }
            if (limit - position > maxLine) {
                return skipLongLine();
            }
            if (eof) {
                if (position < limit) {
                    line(position, limit, false, false);
                    position = limit;
                    return true;
                }
                start = end = position;
                exhausted = true;
                return false;
            }
            scanned = limit - position;
            fill();
            scanned = Math.min(scanned, limit);
        }
    }

    /** Skips the rest of a line longer than the limit; it becomes an empty line with {@link #tooLong()} true. */
    private boolean skipLongLine() throws IOException {
        while (true) {
            int newline = indexOfNewline(position, limit);
            if (newline >= 0) {
                consumed += newline - position;
                position = newline + 1;
                line(position, position, true, true);
                consumed++;
                return true;
            }
            consumed += limit - position;
            position = limit;
            if (eof) {
                line(position, position, false, true);
                return true;
            }
            fill();
        }
    }

    private void line(int from, int to, boolean ended, boolean skipped) {
        lineNumber++;
        int e = to;
        if (ended && e > from && buffer[e - 1] == '\r') {
            e--;
        }
        int s = from;
        if (lineNumber == 1 && e - s >= 3 && buffer[s] == (byte) 0xEF && buffer[s + 1] == (byte) 0xBB
                && buffer[s + 2] == (byte) 0xBF) {
            s += 3;
        }
        consumed += skipped ? 0 : to - from;
        start = s;
        end = e;
        terminated = ended;
        tooLong = skipped;
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buffer;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread bytes to the front, grows the buffer if they fill it, and reads more. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            int grown = (int) Math.min((long) buffer.length * 2, (long) maxLine + 2);
            buffer = Arrays.copyOf(buffer, Math.max(grown, buffer.length + 1));
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** @return the input's path. */
    public Path file() {
        return file;
    }

    /** @return the 1-based number of the current line (0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    /** @return the buffer holding the current line, from {@link #start()} to {@link #end()}. */
    public byte[] bytes() {
        return buffer;
    }

    /** @return where the current line begins in {@link #bytes()}. */
    public int start() {
        return start;
    }

    /** @return where it ends (exclusive), without its line end. */
    public int end() {
        return end;
    }

    /** @return its length in bytes. */
    public int length() {
        return end - start;
    }

    /** @return whether the current line has no bytes other than spaces and tabs. */
    public boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * @return whether the current line ended with a line end; false only for a last line that the input cut
     * short or wrote without a final newline.
     */
    public boolean terminated() {
        return terminated;
    }

    /** @return whether the current line was longer than the limit (its bytes were skipped: the line is empty). */
    public boolean tooLong() {
        return tooLong;
    }

    /** @return the longest line kept. */
    public int maxLine() {
        return maxLine;
    }

    /** @return the input's size on disk. */
    public long size() {
        return size;
    }

    /** @return bytes of the input read so far, for progress: at most {@link #size()}, and exactly it at the end. */
    public long bytesRead() {
        return exhausted ? size : Math.min(consumed, size);
    }

    /** @return the current line as text, for messages only: see {@link #excerpt(int, int)}. */
    public String excerpt() {
        return excerpt(start, end);
    }

    /**
     * A bounded, printable copy of some bytes of the current line, for a one-line message: at most 64 characters
     * ({@code ...} marks a cut), anything but printable ASCII as {@code ?}.
     *
     * @param from first byte.
     * @param to   end (exclusive).
     * @return the text.
     */
    public String excerpt(int from, int to) {
        return excerpt(buffer, from, to);
    }

    /**
     * @param bytes the bytes.
     * @param from  first byte.
     * @param to    end (exclusive).
     * @return at most 64 characters of them ({@code ...} marks a cut), anything but printable ASCII as {@code ?}.
     */
    public static String excerpt(byte[] bytes, int from, int to) {
        int n = Math.min(to - from, EXCERPT);
        byte[] text = new byte[n];
        for (int i = 0; i < n; i++) {
            byte b = bytes[from + i];
            text[i] = b >= ' ' && b < 127 ? b : (byte) '?';
        }
        String s = new String(text, StandardCharsets.US_ASCII);
        return to - from > EXCERPT ? s + "..." : s;
    }

    /**
     * @param reason what is wrong with the current line, and where it helps, the fix.
     * @return {@code file:line: reason} as an exception, to throw under {@link OnError#FAIL}.
     */
    public ImportException error(String reason) {
        return new ImportException(file, lineNumber, reason);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
