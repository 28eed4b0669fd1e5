package chronicle.plugin.extract.parquet;

import chronicle.etl.spi.ExtractSink;
import chronicle.etl.spi.PartitionWriter;
import chronicle.etl.spi.SinkOptions;
import chronicle.etl.spi.TableSchema;
import chronicle.plugin.extract.parquet.internal.ParquetPartitionWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Parquet extract sink (parquet-java without Hadoop at run time): timestamps as TIMESTAMP(NANOS, UTC), prices
 * and sizes as DECIMAL(18, scale) on INT64, text as STRING; zstd (default), snappy, gzip or no compression; row
 * groups of at most {@link SinkOptions#rowGroupRows()} rows and {@link SinkOptions#rowGroupBytes()} bytes.
 *
 * <p>Shipped as the drop-in folder {@code plugins/extract-parquet/} of the runtime image: one jar that holds this
 * plug-in and the parquet-java jars merged (as separate automatic modules they split packages, which a module layer
 * refuses), loaded in its own module layer.
 */
public final class ParquetSink implements ExtractSink {

    /** Creates the sink (ServiceLoader). */
    public ParquetSink() {
    }

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public String description() {
        return "Apache Parquet: TIMESTAMP(NANOS, UTC), DECIMAL(18, s), zstd/snappy/gzip (parquet-java, no Hadoop)";
    }

    @Override
    public String fileExtension() {
        return "parquet";
    }

    @Override
    public List<String> compressions() {
        return List.of("zstd", "snappy", "gzip", "none");
    }

    @Override
    public PartitionWriter open(Path file, TableSchema schema, SinkOptions options) throws IOException {
        return ParquetPartitionWriter.open(file, schema, options);
    }
}
