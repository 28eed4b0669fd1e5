package chronicle.storage.internal.bundle;

import chronicle.bus.api.Names;
import chronicle.bus.api.StagingArea;
import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;
import chronicle.storage.api.BundleException;
import chronicle.storage.api.DayBundle;
import chronicle.storage.api.HotSegments;
import chronicle.storage.api.ManifestException;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.internal.tiering.ManifestFile;
import chronicle.storage.spi.Compressor;
import chronicle.storage.spi.DurableFiles;
import chronicle.storage.spi.SeekableCompressor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs a bundle into an archive root: everything is verified and assembled in a staging directory under the
 * target root first (tiered segments made hot again, manifests rewritten to say {@code hot}), then the day's
 * directory and its manifest directory are renamed into place, each in one step.
 *
 * <p>Order of the renames: the day's queues first, then its manifests. A crash between them leaves hot queues
 * without manifests, which read exactly the same ({@code TieredReader} lists hot segments the manifest does not
 * know); never a manifest pointing at segments that are not there. With {@code --force} the old day's manifests
 * and then its queues are first moved into the staging directory (and deleted at the end).
 */
public final class DayInstaller {

    private DayInstaller() {
    }

    /**
     * @param bundle     the bundle file.
     * @param targetRoot the archive root to install into (must exist).
     * @param host       finds the bundle's compressor and the seekable compressors of tiered segments.
     * @param force      whether to replace the day if the target already has it.
     * @return what was installed.
     * @throws BundleException naming the problem; nothing in the target changed.
     * @throws IOException     if the target cannot be written.
     */
    public static DayBundle.Unpacked unpack(Path bundle, Path targetRoot, PluginHost host, boolean force)
            throws IOException {
        if (!Files.isDirectory(targetRoot)) {
            throw new BundleException(targetRoot + ": no such archive root; create the directory first or name an "
                    + "existing archive root with --archive");
        }
        Compressor compressor = BundleFormat.of(bundle, host);
        if (!Files.isRegularFile(bundle)) {
            throw new BundleException(bundle + ": no such bundle file");
        }
        Path staging = StagingArea.create(targetRoot, "unpack");
        try {
            Path files = staging.resolve("files");
            BundleManifest manifest = BundleExtractor.extract(bundle, compressor, files);
            LocalDate date = date(bundle, manifest);
            StreamDay any = new StreamDay(manifest.venue(), manifest.symbol(), date, manifest.streams().isEmpty()
                    ? "book" : manifest.streams().getFirst());
            Path dayDir = any.queueDir(targetRoot).getParent().getParent();
            Path manifestDir = targetRoot.resolve(chronicle.storage.api.Manifest.DIRECTORY)
                    .resolve(any.keyPrefix()).getParent();
            String name = manifest.venue() + "/" + manifest.symbol() + " on " + date;
            boolean present = Files.exists(dayDir) || Files.exists(manifestDir);
            if (present && !force) {
                throw new BundleException(dayDir + ": " + name + " is already in this archive; use --force to "
                        + "replace it");
            }
            ArchiveIds.check(targetRoot, bundle, manifest);
            Path stagedDay = files.resolve("day");
            Path stagedManifests = staging.resolve("manifest");
            Files.createDirectories(stagedDay);
            Files.createDirectories(stagedManifests);
            int restored = 0;
            for (String stream : manifest.streams()) {
                StreamDay day = new StreamDay(manifest.venue(), manifest.symbol(), date, stream);
                restored += stage(bundle, host, files, day, stagedManifests, targetRoot);
            }
            ArchiveIds.merge(targetRoot, manifest);
            publish(staging, stagedDay, dayDir, stagedManifests, manifestDir, present);
            Path ledger = files.resolve(LedgerLines.BUNDLE_PATH);
            if (Files.isRegularFile(ledger)) {
                LedgerLines.append(targetRoot, ledger);
            }
            return new DayBundle.Unpacked(dayDir, manifest.streams(), manifest.files().size(), restored, present);
        } finally {
            StagingArea.delete(staging);
        }
    }

    private static LocalDate date(Path bundle, BundleManifest manifest) {
        try {
            LocalDate date = LocalDate.parse(manifest.date());
            for (String stream : manifest.streams()) {
                new StreamDay(manifest.venue(), manifest.symbol(), date, stream);
            }
            return date;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new BundleException(bundle + ": " + BundleManifest.NAME + " names no valid day (" + e.getMessage()
                    + "); the bundle is damaged");
        }
    }

    /** Makes one stream day's tiered segments hot in the staged queue directory and writes its new manifest. */
    private static int stage(Path bundle, PluginHost host, Path files, StreamDay day, Path stagedManifests,
                             Path targetRoot) throws IOException {
        String stream = Names.encode("stream", day.stream());
        Path queueDir = files.resolve("day").resolve(stream).resolve("queue");
        Path source = files.resolve("manifest").resolve(stream + ".json");
        if (!Files.isRegularFile(source)) {
            return 0; // every segment hot and not yet registered: the queue directory is the whole stream day
        }
        ManifestFile.Content content;
        try {
            content = ManifestFile.read(source);
        } catch (ManifestException e) {
            throw new BundleException(bundle + ": manifest/" + stream + ".json: " + e.getMessage(), e);
        }
        if (!content.day().equals(day)) {
            throw new BundleException(bundle + ": manifest/" + stream + ".json is the manifest of " + content.day()
                    + ", not of " + day + "; the bundle is damaged");
        }
        Files.createDirectories(queueDir);
        Path tiered = files.resolve("tiered").resolve(stream);
        List<SegmentLocation> entries = new ArrayList<>();
        int restored = 0;
        for (SegmentLocation entry : content.segments()) {
            SegmentLocation hot;
            if (entry.hot()) {
                if (!HotSegments.fileName(entry.segment()).equals(entry.key()) || entry.indexKey() != null
                        && !HotSegments.indexFileName(entry.segment()).equals(entry.indexKey())) {
                    throw new BundleException(bundle + ": manifest/" + stream + ".json: hot segment "
                            + entry.segment() + " has the file name " + entry.key() + "; the bundle is damaged");
                }
                if (!Files.isRegularFile(queueDir.resolve(entry.key()))) {
                    throw new BundleException(bundle + ": day/" + stream + "/queue/" + entry.key() + ": missing, "
                            + "the manifest of " + day + " has it hot; the bundle is damaged");
                }
                hot = entry;
            } else {
                Path stored = tiered.resolve(baseName(entry.key()));
                if (!Files.isRegularFile(stored)) {
                    throw new BundleException(bundle + ": tiered/" + stream + "/" + baseName(entry.key())
                            + ": missing, the manifest of " + day + " has segment " + entry.segment() + " there; the "
                            + "bundle is damaged");
                }
                if (entry.indexKey() != null) {
                    Path index = tiered.resolve(baseName(entry.indexKey()));
                    if (Files.isRegularFile(index)) {
                        Files.move(index, queueDir.resolve(HotSegments.indexFileName(entry.segment())));
                    }
                }
                hot = SegmentRestore.restore(bundle.toString(), entry, stored, queueDir,
                        name -> host.find(SeekableCompressor.class, name).map(PluginProvider::instance).orElse(null));
                restored++;
            }
            // where the file will be once the day is installed; no move under way in the target
            entries.add(new SegmentLocation(hot.segment(), hot.tier(), hot.key(), hot.indexKey(),
                    day.queueDir(targetRoot).resolve(hot.key()).toAbsolutePath().toString(), null, hot.size(),
                    hot.checksum(), hot.originalSize(), hot.firstSequence(), hot.endSequence(), hot.firstTimestamp(),
                    hot.maxTimestamp(), hot.sealedAtMillis(), null, hot.version()));
        }
        DurableFiles.write(stagedManifests.resolve(stream + ".json"), ManifestFile.write(day, entries));
        return restored;
    }

    private static String baseName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static void publish(Path staging, Path stagedDay, Path dayDir, Path stagedManifests, Path manifestDir,
                                boolean replace) throws IOException {
        if (replace) {
            Path old = Files.createDirectories(staging.resolve("replaced"));
            if (Files.exists(manifestDir)) {
                move(manifestDir, old.resolve("manifest"));
            }
            if (Files.exists(dayDir)) {
                move(dayDir, old.resolve("day"));
            }
        }
        DurableFiles.createDirectories(dayDir.getParent());
        move(stagedDay, dayDir);
        DurableFiles.createDirectories(manifestDir.getParent());
        if (Files.exists(manifestDir)) {
            return; // a tier manager registered the hot segments of the new day meanwhile: its manifests say the same
        }
        move(stagedManifests, manifestDir);
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.forceDirectory(to.toAbsolutePath().getParent());
        DurableFiles.forceDirectory(from.toAbsolutePath().getParent());
    }
}
