package chronicle.storage.api;

import chronicle.storage.internal.tiering.ManifestFile;
import chronicle.storage.spi.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where every sealed segment of one {@link StreamDay} is: the hot queue directory or a configured tier, compressed
 * or not, with its size, checksum, sequence range and time range. The {@link TierManager} writes it (and records
 * each step of a move in it first); readers ({@link TieredReader}, {@code chronicle manifest}) read it.
 *
 * <p>One JSON file per stream day, {@code <archive-root>/manifest/<venue>/<symbol>/<date>/<stream>.json}, replaced
 * atomically and durably on every change ({@link DurableFiles#write}): a crash leaves the old version or the new
 * one, never a mix. Its layout is in {@code docs/FORMATS.md}.
 *
 * <p>Not thread-safe: one instance per thread; one {@link TierManager} per archive root writes (it holds a lock).
 */
public final class Manifest {

    /** The directory of manifests under the archive root. */
    public static final String DIRECTORY = "manifest";
    /** The file name suffix of a stream day's manifest. */
    public static final String SUFFIX = ".json";
    /** The tier name of the archive root itself: segments that have not moved. */
    public static final String HOT = "hot";

    private final Path file;
    private final StreamDay day;
    private final List<SegmentLocation> segments;

    private Manifest(Path file, StreamDay day, List<SegmentLocation> segments) {
        this.file = file;
        this.day = day;
        this.segments = new ArrayList<>(segments);
        this.segments.sort(Comparator.comparingLong(SegmentLocation::segment));
    }

    /**
     * @param archiveRoot the archive root.
     * @param day         a stream day.
     * @return its manifest file's path.
     */
    public static Path file(Path archiveRoot, StreamDay day) {
        return archiveRoot.resolve(DIRECTORY).resolve(day.keyPrefix() + SUFFIX);
    }

    /**
     * Reads a stream day's manifest; a stream day without one has an empty manifest.
     *
     * @param archiveRoot the archive root.
     * @param day         the stream day.
     * @return its manifest.
     * @throws ManifestException naming the file if it exists but cannot be read or is not a manifest of this version.
     */
    public static Manifest load(Path archiveRoot, StreamDay day) {
        Path file = file(archiveRoot, day);
        if (!Files.exists(file)) {
            return new Manifest(file, day, List.of());
        }
        ManifestFile.Content content = ManifestFile.read(file);
        if (!content.day().equals(day)) {
            throw new ManifestException(file + ": holds the manifest of " + content.day() + ", not of " + day
                    + "; restore the right file from a backup");
        }
        return new Manifest(file, day, content.segments());
    }

    /** @return the stream day. */
    public StreamDay day() {
        return day;
    }

    /** @return the manifest file. */
    public Path file() {
        return file;
    }

    /** @return every segment entry, in segment order. */
    public List<SegmentLocation> segments() {
        return List.copyOf(segments);
    }

    /**
     * @param segment a segment number.
     * @return its entry, if the manifest has one.
     */
    public Optional<SegmentLocation> segment(long segment) {
        return segments.stream().filter(s -> s.segment() == segment).findFirst();
    }

    /**
     * Adds or replaces a segment's entry and writes the manifest durably before returning.
     *
     * @param entry the entry.
     * @throws ManifestException naming the file if it cannot be written (the old version stays).
     */
    public void put(SegmentLocation entry) {
        segments.removeIf(s -> s.segment() == entry.segment());
        segments.add(entry);
        segments.sort(Comparator.comparingLong(SegmentLocation::segment));
        save();
    }

    private void save() {
        try {
            DurableFiles.createDirectories(file.getParent());
            DurableFiles.write(file, ManifestFile.write(day, segments));
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot write the manifest: " + e.getMessage()
                    + " (the previous version is intact)", e);
        }
    }
}
