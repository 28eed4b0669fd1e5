package chronicle.etl.internal.sink;

import chronicle.etl.spi.Column;
import chronicle.etl.spi.PartitionWriter;
import chronicle.etl.spi.Row;
import chronicle.etl.spi.TableSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One CSV partition file: a header line of column names, then one line per row. Empty fields are nulls.
 */
final class CsvPartitionWriter implements PartitionWriter {

    private final FileChannel channel;
    private final BufferedWriter out;
    private final List<Column> columns;
    private final StringBuilder line = new StringBuilder(256);
    private long bytes;

    CsvPartitionWriter(Path file, TableSchema schema) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                StandardCharsets.UTF_8), 1 << 16);
        this.columns = schema.columns();
        for (int i = 0; i < columns.size(); i++) {
            line.append(i == 0 ? "" : ",").append(columns.get(i).name());
        }
        flushLine();
    }

    @Override
    public void write(Row row) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            if (row.isNull(i)) {
                continue;
            }
            Column column = columns.get(i);
            switch (column.type()) {
                case TIMESTAMP_NANOS -> TextValues.appendTimestamp(line, row.longValue(i));
                case DECIMAL -> TextValues.appendDecimal(line, row.longValue(i), column.scale());
                case INT64 -> line.append(row.longValue(i));
                case STRING -> TextValues.appendCsvText(line, row.text(i));
            }
        }
        flushLine();
    }

    private void flushLine() throws IOException {
        line.append('\n');
        out.append(line);
        bytes += line.length(); // every character we write is ASCII, except inside quoted text
        line.setLength(0);
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            out.flush();
            channel.force(true);
        }
    }

    @Override
    public long bytesWritten() {
        return bytes;
    }
}
