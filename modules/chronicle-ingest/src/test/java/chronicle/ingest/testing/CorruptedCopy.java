package chronicle.ingest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * A damaged copy of a real input file, built line by line (lines are 1-based, without their line end; text is
 * ISO-8859-1, so every byte survives): what a truncated download, a disk fault or a careless edit does to a
 * vendor file. Each change applies to the lines as they are after the changes before it.
 */
public final class CorruptedCopy {

    private final List<byte[]> lines = new ArrayList<>();
    private boolean finalLineEnd;

    private CorruptedCopy() {
    }

    /**
     * @param source the original.
     * @return an undamaged copy, to be damaged.
     */
    public static CorruptedCopy of(Path source) {
        CorruptedCopy copy = new CorruptedCopy();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                copy.lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        copy.finalLineEnd = start == bytes.length;
        if (start < bytes.length) {
            copy.lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return copy;
    }

    /** @return the number of lines. */
    public int lines() {
        return lines.size();
    }

    /**
     * @param n 1-based.
     * @return line n as text.
     */
    public String line(int n) {
        return new String(lines.get(n - 1), StandardCharsets.ISO_8859_1);
    }

    /**
     * @param n    1-based.
     * @param text its new content.
     * @return this copy.
     */
    public CorruptedCopy replaceLine(int n, String text) {
        lines.set(n - 1, text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /**
     * @param n    1-based.
     * @param edit turns the line's text into its new content.
     * @return this copy.
     */
    public CorruptedCopy editLine(int n, UnaryOperator<String> edit) {
        String before = line(n);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit changes nothing in line " + n + ": " + before);
        }
        return replaceLine(n, after);
    }

    /**
     * @param n 1-based: the line goes, the lines after it move up.
     * @return this copy.
     */
    public CorruptedCopy deleteLine(int n) {
        lines.remove(n - 1);
        return this;
    }

    /**
     * @param n 1-based: only the first half of the line is kept (its line end too).
     * @return this copy.
     */
    public CorruptedCopy truncateLine(int n) {
        byte[] line = lines.get(n - 1);
        lines.set(n - 1, Arrays.copyOf(line, line.length / 2));
        return this;
    }

    /**
     * @param n    1-based: the line becomes 48 random bytes (none a line end), as a disk fault leaves them.
     * @param seed of the random bytes, so a failure can be reproduced.
     * @return this copy.
     */
    public CorruptedCopy garbageLine(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] garbage = new byte[48];
        for (int i = 0; i < garbage.length; i++) {
            int b;
            do {
                b = random.nextInt(256);
            } while (b == '\n');
            garbage[i] = (byte) b;
        }
        lines.set(n - 1, garbage);
        return this;
    }

    /**
     * @param n 1-based: the file ends halfway through this line, without a line end; the lines after it are gone.
     * @return this copy.
     */
    public CorruptedCopy cutInLine(int n) {
        truncateLine(n);
        lines.subList(n, lines.size()).clear();
        finalLineEnd = false;
        return this;
    }

    /**
     * @param file where to write the copy.
     * @return the file.
     */
    public Path writeTo(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            if (i < lines.size() - 1 || finalLineEnd) {
                out.write('\n');
            }
        }
        try {
            return Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
