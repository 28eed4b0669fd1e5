package chronicle.etl.internal;

import chronicle.etl.spi.ExtractSink;
import chronicle.etl.spi.PartitionWriter;
import chronicle.etl.spi.Row;
import chronicle.etl.spi.SinkOptions;
import chronicle.etl.spi.TableSchema;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One partition of one table: opened at its first row (when the market's exponents are known), completed and
 * published by {@link #finish()}, removed by {@link #close()} if it was never finished. A partition without rows
 * writes no file.
 */
final class TableWriter implements AutoCloseable {

    private final ExtractSink sink;
    private final SinkOptions options;
    private final ExtractOutput output;
    private final String relative;
    private final RunCounters counters;
    private PartitionFile file;
    private PartitionWriter writer;
    private boolean finished;

    TableWriter(ExtractSink sink, SinkOptions options, ExtractOutput output, String relative, RunCounters counters) {
        this.sink = sink;
        this.options = options;
        this.output = output;
        this.relative = relative;
        this.counters = counters;
    }

    boolean isOpen() {
        return writer != null;
    }

    void open(TableSchema schema) {
        try {
            file = PartitionFile.create(output.localFile(relative));
            writer = sink.open(file.temp(), schema, options);
        } catch (IOException e) {
            throw new UncheckedIOException(relative + ": " + e.getMessage(), e);
        }
    }

    void write(Row row) {
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(file.temp() + ": " + e.getMessage(), e);
        }
        counters.row(writer.bytesWritten());
    }

    /** Completes the file, renames it to its final name and publishes it; nothing if no row was written. */
    void finish() {
        if (writer == null) {
            return;
        }
        try {
            PartitionWriter completing = writer;
            writer = null;
            completing.close();
            file.commit();
            finished = true;
            counters.file(output.publish(relative, file.target()));
        } catch (IOException e) {
            throw new UncheckedIOException(relative + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (finished || file == null) {
            return;
        }
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                // The file is discarded below: its failure to close changes nothing.
            }
        }
        file.abort();
    }
}
