package chronicle.storage.internal.bundle;

import chronicle.bus.api.Names;
import chronicle.storage.api.BundleException;
import chronicle.storage.api.HotSegments;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.Tiers;
import chronicle.storage.spi.DurableFiles;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.TierChecksums;
import chronicle.storage.spi.TierStore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds every file a day bundle carries, wherever it is: files of the day's directory in the archive root read in
 * place, objects of tiers fetched into a work directory (and checked against their manifest entry), the stream
 * days' manifests and the day's ledger lines.
 */
final class DaySources {

    /**
     * One file to put in the bundle.
     *
     * @param path the path in the bundle.
     * @param file the local file holding its bytes.
     */
    record Source(String path, Path file) {
    }

    private static final int CHUNK = 1 << 20;

    private DaySources() {
    }

    /**
     * @param tiers  the tiers and the archive root.
     * @param days   the day's stream days (one venue, symbol and date).
     * @param work   a private directory for fetched objects and the ledger lines.
     * @return every file, in bundle order.
     * @throws IOException if a file or an object cannot be read.
     * @throws BundleException naming a tier object whose bytes do not match its manifest entry.
     */
    static List<Source> collect(Tiers tiers, List<StreamDay> days, Path work) throws IOException {
        Path root = tiers.archiveRoot();
        StreamDay first = days.getFirst();
        Path dayDir = first.queueDir(root).getParent().getParent();
        List<Source> sources = new ArrayList<>();
        Set<Path> tieredHere = new HashSet<>();
        List<Source> tiered = new ArrayList<>();
        List<Source> manifests = new ArrayList<>();
        List<Path> hotFiles = new ArrayList<>();
        for (StreamDay day : days) {
            String stream = Names.encode("stream", day.stream());
            Manifest manifest = Manifest.load(root, day);
            if (Files.isRegularFile(manifest.file())) {
                // the manifest as read now: the segments fetched below are where this copy says
                Path copy = Files.createDirectories(work.resolve("manifest")).resolve(stream + ".json");
                Files.copy(manifest.file(), copy);
                manifests.add(new Source("manifest/" + stream + ".json", copy));
            }
            Path queue = day.queueDir(root);
            for (SegmentLocation entry : manifest.segments()) {
                if (entry.hot()) {
                    hotFiles.add(queue.resolve(entry.key()));
                    continue;
                }
                tieredHere.add(queue.resolve(HotSegments.fileName(entry.segment())));
                tieredHere.add(queue.resolve(HotSegments.indexFileName(entry.segment())));
                tiered.add(fetch(tiers, day, entry, entry.key(), true, work, stream));
                if (entry.indexKey() != null) {
                    tiered.add(fetch(tiers, day, entry, entry.indexKey(), false, work, stream));
                }
            }
        }
        if (Files.isDirectory(dayDir)) {
            try (Stream<Path> files = Files.walk(dayDir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (carried(dayDir, file) && !tieredHere.contains(file)) {
                        sources.add(new Source("day/" + dayDir.relativize(file).toString().replace('\\', '/'), file));
                    }
                }
            }
        }
        for (Path hot : hotFiles) {
            if (sources.stream().noneMatch(s -> s.file().equals(hot))) {
                throw new BundleException(hot + ": the manifest has this segment hot but it is not there (moved to a "
                        + "tier meanwhile?); pack again, or run the tier manager first if the manifest is behind");
            }
        }
        sources.addAll(tiered);
        sources.addAll(manifests);
        Path ledger = LedgerLines.select(root, days, work);
        if (ledger != null) {
            sources.add(new Source(LedgerLines.BUNDLE_PATH, ledger));
        }
        return sources;
    }

    /**
     * Whether a file of the day's directory goes into the bundle: not a writer's lock, a named reader's position,
     * a spare segment or a temporary file, which belong to the processes of the source archive.
     */
    private static boolean carried(Path dayDir, Path file) {
        String name = file.getFileName().toString();
        Path relative = dayDir.relativize(file);
        for (Path part : relative) {
            if (part.toString().equals("readers") && !part.equals(relative.getFileName())) {
                return false;
            }
        }
        return !name.equals("writer.lock") && !name.endsWith(".spare") && !name.endsWith(DurableFiles.TMP_SUFFIX)
                && !name.contains(".prep-");
    }

    /** Copies a tier object into the work directory, checking a segment object against its manifest entry. */
    private static Source fetch(Tiers tiers, StreamDay day, SegmentLocation entry, String key, boolean segment,
                                Path work, String stream) throws IOException {
        String name = key.substring(key.lastIndexOf('/') + 1);
        Path target = Files.createDirectories(work.resolve("tiered").resolve(stream)).resolve(name);
        TierStore store;
        try {
            store = tiers.store(entry.tier());
        } catch (IOException e) {
            throw new BundleException(day + ": segment " + entry.segment() + " is in tier " + entry.tier() + ", which "
                    + "cannot be opened: " + e.getMessage() + "; pass the configuration of the archive's tiers with "
                    + "--config", e);
        }
        try (RangeReader in = store.open(key);
             OutputStream out = Files.newOutputStream(target)) {
            long size = in.size();
            byte[] bytes = new byte[CHUNK];
            for (long at = 0; at < size; ) {
                int n = (int) Math.min(CHUNK, size - at);
                in.readFully(at, ByteBuffer.wrap(bytes, 0, n));
                out.write(bytes, 0, n);
                at += n;
            }
        }
        if (segment) {
            long size = Files.size(target);
            String crc = TierChecksums.of(target);
            if (size != entry.size() || entry.checksum() != null && !entry.checksum().equals(crc)) {
                throw new BundleException(store.location(key) + ": segment " + entry.segment()
                        + " of " + day + " in tier " + entry.tier() + " is " + size + " bytes with CRC32C " + crc
                        + ", its manifest entry says " + entry.size() + " bytes with " + entry.checksum()
                        + "; the tier copy is damaged, nothing was packed");
            }
        }
        return new Source("tiered/" + stream + "/" + name, target);
    }
}
