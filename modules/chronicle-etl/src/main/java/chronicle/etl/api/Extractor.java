package chronicle.etl.api;

import chronicle.etl.internal.ExtractRun;
import chronicle.etl.internal.Sinks;
import chronicle.pluginhost.api.PluginHost;

import java.util.List;

/**
 * Writes research extracts: for a venue, its symbols and a time range, reads the archived {@code book} (and
 * {@code trades}) stream days through the storage tiers, rebuilds the book with {@code chronicle.replay}, and writes
 * the sampled features as Hive-partitioned files of an {@link chronicle.etl.spi.ExtractSink}:
 * <pre>
 * &lt;out&gt;/book/venue=&lt;v&gt;/symbol=&lt;s&gt;/date=&lt;yyyy-mm-dd&gt;/part-0.&lt;ext&gt;
 * &lt;out&gt;/trades/venue=&lt;v&gt;/symbol=&lt;s&gt;/date=&lt;yyyy-mm-dd&gt;/part-0.&lt;ext&gt;
 * </pre>
 * Names are escaped as Hive escapes partition values ({@code XBT/USD} is {@code XBT%2FUSD}), which Spark, Trino
 * and DuckDB read back as the original value (docs/FORMATS.md, "Research extracts").
 *
 * <p>Every file appears complete or not at all: it is written under a hidden temporary name and renamed (or, for
 * {@code s3://} output, put) only once the sink closed it.
 *
 * <p><b>Not thread-safe:</b> one extract at a time per instance.
 */
public final class Extractor {

    private final PluginHost host;

    /**
     * @param host finds the extract sinks, tier backends and compressors.
     */
    public Extractor(PluginHost host) {
        this.host = host;
    }

    /** @return the names of the installed extract sinks ({@code --format}). */
    public List<String> formats() {
        return Sinks.names(host);
    }

    /**
     * Runs one extract to the end.
     *
     * @param request  what to extract.
     * @param progress told how it advances.
     * @return rows, files, bytes and time.
     * @throws ExtractException with one line naming the problem; {@link ExtractException#isUsage()} for a bad request.
     */
    public ExtractSummary run(ExtractRequest request, ExtractProgress progress) {
        return new ExtractRun(host, request, progress).run();
    }
}
