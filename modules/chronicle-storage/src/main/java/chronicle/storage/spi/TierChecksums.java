package chronicle.storage.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The one checksum of stored objects: CRC32C of all the object's bytes, as 8 lower-case hex digits. Tiers record
 * it at put, the manifest keeps it, and tiering verifies a copy against it before the source is deleted.
 */
public final class TierChecksums {

    private static final int CHUNK = 1 << 20;

    private TierChecksums() {
    }

    /**
     * The checksum of a local file.
     *
     * @param file the file.
     * @return its CRC32C in hex.
     * @throws IOException if it cannot be read.
     */
    public static String of(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
        }
        return hex(crc.getValue());
    }

    /**
     * The checksum of a stream's bytes, read to its end (not closed).
     *
     * @param in the bytes.
     * @return their CRC32C in hex.
     * @throws IOException if reading fails.
     */
    public static String of(InputStream in) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[64 << 10];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            crc.update(buffer, 0, n);
        }
        return hex(crc.getValue());
    }

    /**
     * Formats a CRC32C value.
     *
     * @param crc the value of {@link CRC32C#getValue()}.
     * @return 8 lower-case hex digits.
     */
    public static String hex(long crc) {
        return HexFormat.of().toHexDigits((int) crc);
    }
}
