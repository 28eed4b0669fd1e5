package chronicle.storage.internal.tiering;

import chronicle.storage.spi.RangeReader;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file read with positional reads: hot segments, and staged copies. */
public final class FileRangeReader implements RangeReader {

    private final Path file;
    private final FileChannel channel;

    /**
     * @param file the file.
     * @throws IOException if it cannot be opened ({@link java.nio.file.NoSuchFileException} if it is gone).
     */
    public FileRangeReader(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
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
                throw new EOFException(file + ": ends at " + at + ", before the " + dst.remaining()
                        + " more bytes wanted");
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
