package chronicle.etl.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One extract file written under a hidden temporary name ({@code .part-0.parquet.tmp}) beside its final name, and
 * renamed only when complete. Readers glob for {@code *.parquet} (and Spark and Hive skip names starting with a
 * dot), so a killed extract leaves at most an ignored temporary file, never a complete-looking partial one.
 */
final class PartitionFile {

    private final Path target;
    private final Path temp;

    private PartitionFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * Prepares the folder; removes the temporary file a killed run may have left.
     *
     * @param target the final file.
     * @return the partition file, whose {@link #temp()} does not exist.
     * @throws IOException if the folder cannot be created.
     */
    static PartitionFile create(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        return new PartitionFile(target, temp);
    }

    /** @return the file to write. */
    Path temp() {
        return temp;
    }

    /** @return the final file. */
    Path target() {
        return target;
    }

    /**
     * Renames the completed temporary file to its final name (replacing an older extract's file), then syncs the
     * folder so that the rename survives a crash.
     *
     * @throws IOException if the rename fails; the temporary file is then deleted.
     */
    void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            abort();
            throw e;
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a folder for sync; the rename itself has happened.
        }
    }

    /** Deletes the temporary file, if any; never throws. */
    void abort() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Nothing more to do: a hidden temporary file is ignored by readers and removed by the next run.
        }
    }
}
