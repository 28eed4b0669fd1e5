package chronicle.storage.internal.bundle;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.StagingArea;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.BundleException;
import chronicle.storage.api.DayBundle;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.Tiers;
import chronicle.storage.spi.Compressor;
import chronicle.storage.spi.DurableFiles;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes one day of one market into a bundle: {@code bundle.json} first, then every file it lists, in a tar
 * compressed by the bundle's extension. The bundle is written as {@code <file>.tmp}, forced and renamed, so a
 * failed pack leaves no partial bundle.
 */
public final class DayPacker {

    private DayPacker() {
    }

    /**
     * @param tiers  the source archive root and its tiers.
     * @param host   finds the compressor of the bundle's extension.
     * @param venue  the venue's name.
     * @param symbol the symbol's name.
     * @param date   the UTC day.
     * @param out    the bundle file to write ({@code .tar.zst} or {@code .tar.xz}); replaced if present.
     * @return what was packed.
     * @throws IOException     if a file or a tier object cannot be read, or the bundle cannot be written.
     * @throws BundleException for a missing day, an unknown extension or a damaged tier object.
     */
    public static DayBundle.Packed pack(Tiers tiers, PluginHost host, String venue, String symbol, LocalDate date,
                                        Path out) throws IOException {
        Compressor compressor = BundleFormat.of(out, host);
        Path root = tiers.archiveRoot();
        if (!Files.isDirectory(root)) {
            throw new BundleException(root + ": no such archive root");
        }
        List<StreamDay> days = StreamDay.discover(root).stream()
                .filter(d -> d.venue().equals(venue) && d.symbol().equals(symbol) && d.date().equals(date)).toList();
        if (days.isEmpty()) {
            throw new BundleException(root + ": no stream of " + venue + "/" + symbol + " on " + date
                    + " in this archive (check the venue, symbol and date: `chronicle imports " + root
                    + "` lists what was imported)");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new BundleException(out + ": no such directory " + parent + "; create it first");
        }
        Path work = Files.createTempDirectory(parent, "." + out.getFileName() + ".work-");
        Path tmp = DurableFiles.temporary(out);
        try {
            List<DaySources.Source> sources = DaySources.collect(tiers, days, work);
            List<BundleManifest.Entry> entries = new ArrayList<>();
            for (DaySources.Source source : sources) {
                long size = Files.size(source.file());
                entries.add(new BundleManifest.Entry(source.path(), size, crc(source.file(), size)));
            }
            BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, BundleManifest.VERSION, venue, symbol,
                    date.toString(), ids(root, venue, symbol), days.stream().map(StreamDay::stream).toList(),
                    entries);
            write(tmp, compressor, manifest, sources);
            DurableFiles.publish(tmp, out);
            long bytes = entries.stream().mapToLong(BundleManifest.Entry::size).sum();
            return new DayBundle.Packed(out, manifest.streams(), entries.size(), bytes, Files.size(out));
        } finally {
            Files.deleteIfExists(tmp);
            StagingArea.delete(work);
        }
    }

    private static void write(Path tmp, Compressor compressor, BundleManifest manifest,
                              List<DaySources.Source> sources) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(compressor.compress(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            byte[] json = manifest.toJson();
            TarArchiveEntry head = new TarArchiveEntry(BundleManifest.NAME);
            head.setSize(json.length);
            tar.putArchiveEntry(head);
            tar.write(json);
            tar.closeArchiveEntry();
            for (int i = 0; i < sources.size(); i++) {
                DaySources.Source source = sources.get(i);
                BundleManifest.Entry entry = manifest.files().get(i);
                TarArchiveEntry item = new TarArchiveEntry(entry.path());
                item.setSize(entry.size());
                item.setModTime(Files.getLastModifiedTime(source.file()));
                tar.putArchiveEntry(item);
                String crc = copy(source.file(), entry.size(), tar);
                if (!crc.equals(entry.crc32c())) {
                    throw new BundleException(source.file() + ": changed while it was packed (CRC32C " + crc
                            + ", a moment ago " + entry.crc32c() + "); pack again once nothing writes the day");
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** The CRC32C of a file's first {@code size} bytes (a hot queue's newest segment may grow meanwhile). */
    private static String crc(Path file, long size) throws IOException {
        return copy(file, size, OutputStream.nullOutputStream());
    }

    private static String copy(Path file, long size, OutputStream out) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        long left = size;
        try (InputStream in = Files.newInputStream(file)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new BundleException(file + ": shrank while it was packed; pack again once nothing "
                            + "writes the day");
                }
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        return chronicle.storage.spi.TierChecksums.hex(crc.getValue());
    }

    private static BundleManifest.Ids ids(Path root, String venue, String symbol) {
        MarketIds.Table table = MarketIds.read(root.resolve("ids.json"));
        Integer venueId = table.venues().get(venue);
        Long marketId = table.markets().get(venue + "/" + symbol);
        return venueId == null || marketId == null ? null : new BundleManifest.Ids(venueId, marketId);
    }
}
