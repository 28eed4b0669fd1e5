package chronicle.etl.internal.sink;

import chronicle.etl.spi.ExtractSink;
import chronicle.etl.spi.PartitionWriter;
import chronicle.etl.spi.SinkOptions;
import chronicle.etl.spi.TableSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in CSV sink: RFC 4180 text with a header line, UTF-8, {@code \n} line ends; exact decimals and
 * ISO-8601 UTC timestamps with nanoseconds (docs/FORMATS.md, "Research extracts").
 */
public final class CsvSink implements ExtractSink {

    /** Creates the sink (ServiceLoader). */
    public CsvSink() {
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "CSV with a header line: exact decimals, ISO-8601 UTC timestamps (built in)";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public List<String> compressions() {
        return List.of("none");
    }

    @Override
    public PartitionWriter open(Path file, TableSchema schema, SinkOptions options) throws IOException {
        return new CsvPartitionWriter(file, schema);
    }
}
