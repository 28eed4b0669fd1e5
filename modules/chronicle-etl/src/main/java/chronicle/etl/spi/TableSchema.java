package chronicle.etl.spi;

import java.util.List;

/**
 * The columns of one extract table ({@code book} or {@code trades}).
 *
 * @param table   the table name, also the first partition level of the output ({@code table=book}).
 * @param columns the columns, in file order.
 */
public record TableSchema(String table, List<Column> columns) {

    /**
     * Copies the column list.
     *
     * @param table   the table name.
     * @param columns the columns, in file order.
     */
    public TableSchema {
        columns = List.copyOf(columns);
    }

    /**
     * @param name a column name.
     * @return its index, or -1.
     */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
