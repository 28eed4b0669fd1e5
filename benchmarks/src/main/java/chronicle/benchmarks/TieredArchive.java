package chronicle.benchmarks;

import chronicle.bus.api.TierMove;
import chronicle.bus.api.TieringRule;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TierManager;
import chronicle.storage.api.Tiers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@link SyntheticDay} as an archived stream day, twice: in the hot tier of one archive root (its queue directory,
 * every segment sealed) and, in a second archive root, moved whole by a real {@link TierManager} pass into a
 * {@link FarTier} and compressed with {@code zstd} on the way, so that only the manifest and the tier hold it.
 *
 * <p>The sealed segments of the cached day are hard-linked, not copied, into the hot root (copied when the
 * benchmark directory is on another file system); its last, unsealed segment is copied and sealed there (a writer's
{@code finish()}, which also leaves one empty sealed segment after it, as a finished day has). The tier
 * manager only deletes its own links of the tiered root. Everything lives in a work directory under
 * {@code bench.dir} deleted by {@link #close()}. Building a 20 M-event day compresses about 2.6 GB (some seconds per
 * segment on a shared core).
 */
final class TieredArchive implements AutoCloseable {

    private static final Pattern SEGMENT_FILE = Pattern.compile("(\\d{9})\\.(q|idx)");

    final Path work;
    final StreamDay day;
    final Tiers hot;
    final Tiers tiered;
    final List<SegmentLocation> segments;
    private final FarTier far;

    private TieredArchive(Path work, StreamDay day, Tiers hot, Tiers tiered, List<SegmentLocation> segments,
                          FarTier far) {
        this.work = work;
        this.day = day;
        this.hot = hot;
        this.tiered = tiered;
        this.segments = segments;
        this.far = far;
    }

    /**
     * Builds both archive roots.
     *
     * @param source  the synthetic day.
     * @param backend    the far tier's backend ({@link FarTier#start}).
     * @param frameBytes original bytes per compressed frame, or null for the product's default.
     * @return the archive.
     */
    static TieredArchive build(SyntheticDay source, String backend, Integer frameBytes) {
        Path work = BenchDirs.create("tiered-");
        FarTier far = null;
        try {
            LocalDate date = Instant.ofEpochSecond(0, SyntheticDay.DAY_START).atZone(ZoneOffset.UTC).toLocalDate();
            StreamDay day = new StreamDay("synthetic", "market-" + SyntheticDay.MARKET, date, "l2");
            Path hotRoot = work.resolve("hot");
            Path tieredRoot = work.resolve("tiered");
            sealedCopy(source.queue, day.queueDir(hotRoot));
            link(day.queueDir(hotRoot), day.queueDir(tieredRoot));
            far = FarTier.start(backend, work);
            PluginHost host = PluginHost.of(work.resolve("no-plugins"));
            Tiers hot = new Tiers(hotRoot, Map.of(), host);
            Tiers tiered = new Tiers(tieredRoot, Map.of(FarTier.NAME, far.config()), host);
            long t0 = System.nanoTime();
            TierManager.Report report = new TierManager(tiered, List.of(new TieringRule("*", "*", "*",
                    List.of(new TierMove(FarTier.NAME, Duration.ZERO, "zstd", frameBytes)))), Clock.systemUTC(), line -> { }).runOnce();
            List<SegmentLocation> segments = Manifest.load(tieredRoot, day).segments();
            if (!report.problems().isEmpty() || segments.isEmpty()
                    || !segments.stream().allMatch(s -> s.tier().equals(FarTier.NAME) && s.compression() != null)) {
                throw new IllegalStateException("the tier manager did not move the whole day into the " + backend
                        + " tier: " + TierManager.summary(report) + " " + report.problems());
            }
            long stored = segments.stream().mapToLong(SegmentLocation::size).sum();
            long original = segments.stream().mapToLong(SegmentLocation::originalSize).sum();
            System.err.printf(Locale.ROOT, "[tiered] %s: %d segments moved into the %s tier with zstd in %.1f s: "
                    + "%.2f GB -> %.2f GB%n", day, segments.size(), backend, (System.nanoTime() - t0) / 1e9,
                    original / 1e9, stored / 1e9);
            return new TieredArchive(work, day, hot, tiered, segments, far);
        } catch (RuntimeException | Error e) {
            if (far != null) {
                far.close();
            }
            BenchDirs.delete(work);
            throw e;
        }
    }

    /** Links the sealed segments and their indexes, copies everything else, then seals the last segment. */
    private static void sealedCopy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            long last = all.stream().map(p -> SEGMENT_FILE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(-1);
            for (Path file : all) {
                Matcher m = SEGMENT_FILE.matcher(file.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) < last) {
                    linkOrCopy(file, to.resolve(file.getFileName()));
                } else {
                    Files.copy(file, to.resolve(file.getFileName())); // written to when sealed below
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ChronicleQueue queue = ChronicleQueue.open(to, QueueOptions.archive())) {
            queue.createWriter().finish();
        }
    }

    /** Links every file of a directory into another (nothing writes to them any more). */
    private static void link(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                linkOrCopy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void linkOrCopy(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(existing, link);
        }
    }

    /** @return records of the day. */
    long records() {
        return segments.getLast().endSequence() - segments.getFirst().firstSequence();
    }

    @Override
    public void close() {
        hot.close();
        tiered.close();
        far.close();
        BenchDirs.delete(work);
    }
}
