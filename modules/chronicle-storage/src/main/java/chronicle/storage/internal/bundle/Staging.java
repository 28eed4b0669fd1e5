package chronicle.storage.internal.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Staging directories of an unpack under {@code <archive-root>/.staging/}, the area imports stage in too:
 * {@code unpack-<pid>-<nanos>/} with an {@code owner} file holding the process id. Nothing reads a staging
 * directory; one whose owner is gone (an unpack or import that was killed) is removed by the next unpack, as the
 * next import removes it.
 */
final class Staging {

    /** The staging area's name under the archive root. */
    static final String AREA = ".staging";

    private Staging() {
    }

    /**
     * Removes abandoned staging directories, then creates one for this process.
     *
     * @param archiveRoot the target archive root.
     * @return the new staging directory.
     * @throws IOException if it cannot be created.
     */
    static Path create(Path archiveRoot) throws IOException {
        Path area = archiveRoot.resolve(AREA);
        removeAbandoned(area);
        long pid = ProcessHandle.current().pid();
        Path dir = Files.createDirectories(area.resolve("unpack-" + pid + "-" + System.nanoTime()));
        Files.writeString(dir.resolve("owner"), Long.toString(pid));
        return dir;
    }

    /**
     * Deletes a directory tree; an absent one is fine.
     *
     * @param dir the directory.
     * @throws IOException if something in it cannot be deleted.
     */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile by another cleaner: the goal is reached
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
