package chronicle.bus.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The staging area of an archive root, {@code <archive-root>/.staging/}: imports and unpacks build their result in
 * a directory of their own there ({@code <kind>-<pid>-<nanos>/}, with an {@code owner} file holding the process id)
 * and rename it into place when it is whole. Nothing reads a staging directory; one whose owner is gone (a process
 * that was killed) is removed by the next process that stages.
 */
public final class StagingArea {

    /** The area's name under the archive root. */
    public static final String NAME = ".staging";

    private StagingArea() {
    }

    /**
     * Removes abandoned staging directories, then creates one for this process.
     *
     * @param archiveRoot the archive root.
     * @param kind        what stages there, for the directory's name ({@code import}, {@code unpack}).
     * @return the new staging directory.
     * @throws IOException if it cannot be created.
     */
    public static Path create(Path archiveRoot, String kind) throws IOException {
        Path area = archiveRoot.resolve(NAME);
        removeAbandoned(area);
        long pid = ProcessHandle.current().pid();
        Path dir = Files.createDirectories(area.resolve(kind + "-" + pid + "-" + System.nanoTime()));
        Files.writeString(dir.resolve("owner"), Long.toString(pid));
        return dir;
    }

    /**
     * Deletes a directory tree; an absent one, or one another cleaner removes meanwhile, is fine.
     *
     * @param dir the directory.
     * @throws UncheckedIOException naming the directory if something in it cannot be deleted.
     */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile by another cleaner: the goal is reached
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static void removeAbandoned(Path area) throws IOException {
        if (!Files.isDirectory(area)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(area)) {
            for (Path dir : dirs.toList()) {
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(dir.resolve("owner")).strip());
                } catch (IOException | NumberFormatException e) {
                    pid = -1;
                }
                if (pid < 0 || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    delete(dir);
                }
            }
        }
    }
}
