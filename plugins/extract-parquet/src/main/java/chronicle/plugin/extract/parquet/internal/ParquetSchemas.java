package chronicle.plugin.extract.parquet.internal;

import chronicle.etl.spi.Column;
import chronicle.etl.spi.TableSchema;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet schema of an extract table: every column optional (a missing level is null), numbers on INT64 with
 * their logical type, text as a UTF-8 STRING.
 */
final class ParquetSchemas {

    private ParquetSchemas() {
    }

    static MessageType of(TableSchema schema) {
        List<Type> fields = new ArrayList<>();
        for (Column column : schema.columns()) {
            fields.add(switch (column.type()) {
                case TIMESTAMP_NANOS -> Types.optional(PrimitiveType.PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS))
                        .named(column.name());
                case DECIMAL -> Types.optional(PrimitiveType.PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.decimalType(column.scale(), Column.DECIMAL_PRECISION))
                        .named(column.name());
                case INT64 -> Types.optional(PrimitiveType.PrimitiveTypeName.INT64).named(column.name());
                case STRING -> Types.optional(PrimitiveType.PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(column.name());
            });
        }
        return new MessageType(schema.table(), fields);
    }
}
