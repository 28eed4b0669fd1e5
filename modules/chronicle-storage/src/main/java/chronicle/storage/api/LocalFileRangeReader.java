package chronicle.storage.api;

import chronicle.storage.spi.RangeReader;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link RangeReader} over a local file, with positional reads of one open {@link FileChannel}.
 *
 * <p><b>Thread safety:</b> safe for concurrent use: positional reads share no file position.
 */
public final class LocalFileRangeReader implements RangeReader {

    private final Path file;
    private final FileChannel channel;

    private LocalFileRangeReader(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens a file for reading.
     *
     * @param file the file.
     * @return a reader of its bytes.
     * @throws java.nio.file.NoSuchFileException naming the file if it does not exist.
     * @throws IOException                       if it cannot be opened.
     */
    public static LocalFileRangeReader open(Path file) throws IOException {
        return new LocalFileRangeReader(file, FileChannel.open(file, StandardOpenOption.READ));
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void readFully(long position, ByteBuffer dst) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new EOFException(file + ": ends at byte " + at + ", " + dst.remaining()
                        + " bytes short of the range read from byte " + position);
            }
            at += n;
        }
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
