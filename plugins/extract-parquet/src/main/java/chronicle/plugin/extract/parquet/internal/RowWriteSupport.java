package chronicle.plugin.extract.parquet.internal;

import chronicle.etl.spi.Column;
import chronicle.etl.spi.ColumnType;
import chronicle.etl.spi.Row;
import chronicle.etl.spi.TableSchema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes extract rows straight into parquet-java's record consumer: no intermediate record objects; the few
 * distinct strings (a trade's side) are encoded once.
 *
 * <p>Hadoop's {@code Configuration} appears only in the signature parquet-java's abstract class demands; the writer
 * is built with a {@link ParquetConfiguration}, so that method is never called and Hadoop is not needed at run time.
 */
final class RowWriteSupport extends WriteSupport<Row> {

    /** File key-value metadata: the extract table's name. */
    static final String TABLE_KEY = "chronicle.table";

    /** Distinct texts encoded once; beyond this many, the column is free text and each value is encoded anew. */
    private static final int MAX_CACHED_TEXTS = 64;

    private final TableSchema table;
    private final MessageType schema;
    private final List<Column> columns;
    private final Map<String, Binary> texts = new HashMap<>();
    private RecordConsumer consumer;

    RowWriteSupport(TableSchema table) {
        this.table = table;
        this.schema = ParquetSchemas.of(table);
        this.columns = table.columns();
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return context();
    }

    private WriteContext context() {
        return new WriteContext(schema, Map.of(TABLE_KEY, table.table()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row) {
        consumer.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            if (row.isNull(i)) {
                continue;
            }
            Column column = columns.get(i);
            consumer.startField(column.name(), i);
            if (column.type() == ColumnType.STRING) {
                String text = row.text(i);
                Binary cached = texts.get(text);
                if (cached == null) {
                    cached = Binary.fromString(text);
                    if (texts.size() < MAX_CACHED_TEXTS) {
                        texts.put(text, cached);
                    }
                }
                consumer.addBinary(cached);
            } else {
                consumer.addLong(row.longValue(i));
            }
            consumer.endField(column.name(), i);
        }
        consumer.endMessage();
    }
}
