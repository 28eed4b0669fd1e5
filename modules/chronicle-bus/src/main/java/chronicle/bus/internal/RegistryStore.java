package chronicle.bus.internal;

import chronicle.bus.api.ConfigException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Reads, writes and locks a registry file ({@code ids.json}).
 *
 * <p>Writes are atomic: a temporary file in the same directory, forced to disk, renamed over the old file, and the
 * directory forced, so a reader sees the old table or the new one and a crash leaves one of them. Changes are
 * serialized by an exclusive lock on {@code ids.json.lock} beside the file (an operating-system lock, released when
 * the process dies, so a killed process never leaves the registry locked) and, inside one JVM, by a lock per file.
 */
public final class RegistryStore {

    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private RegistryStore() {
    }

    /**
     * @param file a registry file.
     * @return its table, checked; empty if the file does not exist.
     * @throws ConfigException naming the file and the JSON path of the first bad value.
     */
    public static IdTable read(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return IdTable.EMPTY;
        } catch (IOException e) {
            throw new ConfigException(file, "$", "cannot read: " + e.getMessage(), "check the file's permissions");
        }
        RegistryDocument doc = StrictJson.read(file, json, RegistryDocument.class);
        if (doc == null) {
            throw new ConfigException(file, "$", "the file holds null", "write a JSON object");
        }
        if (doc.version() != null && doc.version() != VERSION) {
            throw new ConfigException(file, "$.version", "version " + doc.version() + " is not one this chronicle "
                    + "reads (" + VERSION + ")", "use the chronicle that wrote it, or a newer one");
        }
        return IdTable.checked(file, doc.venues(), doc.markets(), "markets", true);
    }

    /**
     * Changes a registry file under its lock: reads the table afresh, applies the change, and writes the result if
     * it differs.
     *
     * @param file   the registry file.
     * @param change from the current table to the new one; may throw to refuse.
     * @return the table after the change.
     */
    public static IdTable update(Path file, UnaryOperator<IdTable> change) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
                p -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                IdTable before = read(file);
                IdTable after = change.apply(before);
                if (!after.equals(before)) {
                    write(file, after);
                }
                return after;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot update the registry: " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    private static void write(Path file, IdTable table) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            byte[] json = WRITER.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    new RegistryDocument(VERSION, table.venues(), table.markets()));
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(json));
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot force a directory; the rename itself is still atomic
        }
    }
}
