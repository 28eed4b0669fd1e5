package chronicle.storage.api;

import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.internal.bundle.DayInstaller;
import chronicle.storage.internal.bundle.DayPacker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One day of one market in one file, to hand to someone else: every stream of a venue, symbol and date with its
 * segments and seek indexes wherever they live (hot, or objects of a tier, as stored), the queue's control file,
 * the stream days' manifests, the day's import ledger lines and the market's ids, in a tar compressed by the file's
 * extension ({@code .tar.zst} with the {@code zstd} compressor plug-in, {@code .tar.xz} with {@code xz}).
 * {@code bundle.json} comes first and lists every file with its size and CRC32C. The layout is in
 * {@code docs/FORMATS.md}.
 *
 * <p>{@link #unpack} verifies every file before it installs anything, makes tiered segments hot again (the target
 * needs none of the source's tiers) and renames the day into place; a failed or killed unpack leaves the target as
 * it was (a killed one leaves a staging directory that the next unpack or import removes).
 *
 * <p>Not thread-safe towards one target: unpack into an archive root one at a time.
 */
public final class DayBundle {

    private DayBundle() {
    }

    /**
     * What {@link #pack} wrote.
     *
     * @param file    the bundle file.
     * @param streams the streams packed.
     * @param files   files in the bundle besides {@code bundle.json}.
     * @param bytes   their bytes before the outer compression.
     * @param size    the bundle's size.
     */
    public record Packed(Path file, List<String> streams, int files, long bytes, long size) {
    }

    /**
     * What {@link #unpack} installed.
     *
     * @param dayDirectory     the day's directory in the target, {@code <root>/<venue>/<symbol>/<date>}.
     * @param streams          the streams installed.
     * @param files            files verified.
     * @param restoredSegments tiered segments made hot again.
     * @param replaced         whether a day already there was replaced.
     */
    public record Unpacked(Path dayDirectory, List<String> streams, int files, int restoredSegments,
                           boolean replaced) {
    }

    /**
     * Packs one day of one market.
     *
     * @param tiers  the source archive root and its tiers (objects of tiered segments are fetched through them).
     * @param host   finds the compressor of the bundle's extension.
     * @param venue  the venue's name.
     * @param symbol the symbol's name.
     * @param date   the UTC day.
     * @param out    the bundle to write, {@code FILE.tar.zst} or {@code FILE.tar.xz}; written as {@code FILE.tmp}
     *               and renamed, so a failed pack leaves no partial bundle.
     * @return what was packed.
     * @throws BundleException one line for bad input: a missing day, an unknown extension, a damaged tier object.
     * @throws IOException     if a file or tier cannot be read or the bundle cannot be written.
     */
    public static Packed pack(Tiers tiers, PluginHost host, String venue, String symbol, LocalDate date, Path out)
            throws IOException {
        return DayPacker.pack(tiers, host, venue, symbol, date, out);
    }

    /**
     * Verifies a bundle and installs its day into an archive root.
     *
     * @param bundle     the bundle file.
     * @param targetRoot an existing archive root.
     * @param host       finds the bundle's compressor and the seekable compressors of tiered segments.
     * @param force      replace the day if the target already has it.
     * @return what was installed.
     * @throws BundleException one line for bad input (a damaged or truncated bundle names the file inside it; a day
     *                         already there names it and {@code --force}); the target is left as it was.
     * @throws IOException     if the target cannot be written.
     */
    public static Unpacked unpack(Path bundle, Path targetRoot, PluginHost host, boolean force) throws IOException {
        return DayInstaller.unpack(bundle, targetRoot, host, force);
    }
}
