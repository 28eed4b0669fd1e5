package chronicle.storage.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writing files so that a crash leaves either the old state or the new one: write a temporary file beside the
 * target, force it to disk, rename it over the target in one step, then force the directory so the rename itself
 * survives a power cut. Used by the tier backends, the raw archiver, {@code meta.json} and the manifest.
 *
 * <p>Temporary files are named {@code <target>.tmp}; a process that finds one left by a crash may delete it, as
 * nothing reads it.
 */
public final class DurableFiles {

    /** The suffix of temporary files. */
    public static final String TMP_SUFFIX = ".tmp";

    private static final int CHUNK = 1 << 20;

    private DurableFiles() {
    }

    /**
     * The temporary file used while writing a target.
     *
     * @param target the final path.
     * @return {@code <target>.tmp}.
     */
    public static Path temporary(Path target) {
        return target.resolveSibling(target.getFileName() + TMP_SUFFIX);
    }

    /**
     * Replaces a file's content atomically and durably.
     *
     * @param target the file to write.
     * @param bytes  its new content.
     * @throws IOException if any step fails; the target then still holds its old content (or is still absent).
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = temporary(target);
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        publish(tmp, target);
    }

    /**
     * Copies a file durably under a new name: copy to {@code <target>.tmp}, force, rename, force the directory.
     *
     * @param source the file to copy.
     * @param target the final path (replaced if present).
     * @return the CRC32C of the bytes copied, in hex ({@link TierChecksums}).
     * @throws IOException if any step fails; no partial target is visible.
     */
    public static String copy(Path source, Path target) throws IOException {
        return copy(source, target, temporary(target));
    }

    /**
     * Copies a file durably under a new name through a given temporary file: for writers that may run
     * concurrently on the same target and so need temporary names of their own.
     *
     * @param source the file to copy.
     * @param target the final path (replaced if present).
     * @param tmp    the temporary file, in the target's directory; deleted if the copy fails.
     * @return the CRC32C of the bytes copied, in hex ({@link TierChecksums}).
     * @throws IOException if any step fails; no partial target is visible.
     */
    public static String copy(Path source, Path target, Path tmp) throws IOException {
        CRC32C crc = new CRC32C();
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                crc.update(buffer.duplicate());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        publish(tmp, target);
        return TierChecksums.hex(crc.getValue());
    }

    /**
     * Writes a stream durably under a name: to {@code <target>.tmp}, force, rename, force the directory.
     *
     * @param in     the bytes, read to the end (not closed).
     * @param target the final path (replaced if present).
     * @throws IOException if any step fails; no partial target is visible.
     */
    public static void write(Path target, InputStream in) throws IOException {
        Path tmp = temporary(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        publish(tmp, target);
    }

    /**
     * Renames a finished temporary file over its target in one step and forces the directory.
     *
     * @param tmp    a file already forced to disk.
     * @param target its final name, in the same directory.
     * @throws IOException if the rename or the directory force fails.
     */
    public static void publish(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(tmp + ": cannot be renamed atomically to " + target + " (" + e.getReason() + ")", e);
        }
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Forces a directory's entries (creations, renames, deletions) to disk.
     *
     * @param dir the directory.
     * @throws IOException if it cannot be opened or forced.
     */
    public static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Creates a directory and its missing parents, forcing each parent whose entries changed.
     *
     * @param dir the directory.
     * @throws IOException if it cannot be created.
     */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            forceDirectory(parent);
        }
    }
}
