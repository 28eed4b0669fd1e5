package chronicle.etl.api;

import chronicle.replay.api.GapPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One research extract: which market days to read and what to write where.
 *
 * @param archiveRoot  the archive root ({@code <root>/<venue>/<symbol>/<date>/<stream>/queue}, and its manifests).
 * @param config       the configuration file with the storage tiers (for days that moved, and for {@code s3://}
 *                     output), or null for none.
 * @param venue        the venue's name.
 * @param symbols      one or more symbols of that venue, as the vendor spells them.
 * @param from         start of the range, epoch nanoseconds UTC (inclusive).
 * @param to           end of the range, epoch nanoseconds UTC (exclusive).
 * @param features     what to compute.
 * @param sampling     when the book table gets a row.
 * @param gapPolicy    what the book replay does on a gap in the stream.
 * @param format       the sink's name ({@code parquet}, {@code csv}).
 * @param compression  one of the sink's compressions, or null for its default.
 * @param output       a directory, or {@code s3://<tier>/<prefix>} for a configured tier.
 * @param rowGroupRows rows per row group (see {@link chronicle.etl.spi.SinkOptions}).
 */
public record ExtractRequest(Path archiveRoot, Path config, String venue, List<String> symbols, long from, long to,
                             FeatureSet features, Sampling sampling, GapPolicy gapPolicy, String format,
                             String compression, String output, long rowGroupRows) {

    /**
     * Copies the symbols and checks that nothing required is missing.
     *
     * @param archiveRoot  the archive root.
     * @param config       the configuration file, or null.
     * @param venue        the venue.
     * @param symbols      the symbols.
     * @param from         range start.
     * @param to           range end.
     * @param features     the features.
     * @param sampling     the sampling.
     * @param gapPolicy    the gap policy.
     * @param format       the sink.
     * @param compression  the compression, or null.
     * @param output       where to write.
     * @param rowGroupRows rows per row group.
     */
    public ExtractRequest {
        Objects.requireNonNull(archiveRoot, "archiveRoot");
        Objects.requireNonNull(venue, "venue");
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(gapPolicy, "gapPolicy");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(output, "output");
    }
}
