package chronicle.etl.testing;

import chronicle.etl.api.ExtractProgress;
import chronicle.etl.api.ExtractRequest;
import chronicle.etl.api.ExtractSummary;
import chronicle.etl.api.Extractor;
import chronicle.etl.api.FeatureSet;
import chronicle.etl.api.Sampling;
import chronicle.pluginhost.api.PluginHost;
import chronicle.replay.api.GapPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** Runs extracts of a {@link TardisArchive} for tests, and lists what they wrote. */
public final class Extracts {

    private Extracts() {
    }

    /**
     * @param date a day.
     * @return its midnight, epoch ns.
     */
    public static long midnight(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    /**
     * A request over whole days with the built-in plug-ins of the class path.
     *
     * @param archive  the archive.
     * @param symbols  symbols.
     * @param from     first day.
     * @param to       the day after the last.
     * @param features {@code --features}.
     * @param sampling the sampling.
     * @param format   the sink.
     * @param out      {@code --out}.
     * @param config   the configuration file, or null.
     * @return the request.
     */
    public static ExtractRequest request(TardisArchive archive, List<String> symbols, LocalDate from, LocalDate to,
                                         String features, Sampling sampling, String format, String out,
                                         Path config) {
        FeatureSet.Parsed parsed = FeatureSet.parse(features);
        if (parsed.problem() != null) {
            throw new IllegalArgumentException(parsed.problem());
        }
        return new ExtractRequest(archive.root(), config, TardisArchive.VENUE, symbols, midnight(from), midnight(to),
                parsed.features(), sampling, GapPolicy.FAIL, format, null, out, 1_000_000);
    }

    /**
     * @param request what to extract.
     * @param pluginsDir a drop-in folder (may not exist).
     * @return the summary.
     */
    public static ExtractSummary run(ExtractRequest request, Path pluginsDir) {
        return new Extractor(PluginHost.of(pluginsDir)).run(request, ExtractProgress.NONE);
    }

    /**
     * @param dir a folder.
     * @return every regular file under it, relative, sorted, {@code /}-separated.
     */
    public static List<String> files(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
