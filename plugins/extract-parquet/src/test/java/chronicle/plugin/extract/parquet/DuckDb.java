package chronicle.plugin.extract.parquet;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB in this JVM (its JDBC driver), the independent reader of the extracts in tests. */
final class DuckDb {

    private DuckDb() {
    }

    /**
     * Runs a query in a fresh in-memory database.
     *
     * @param sql the query.
     * @return every row, each value as JDBC gives it (BigDecimal for DECIMAL, Long for BIGINT, String, ...).
     */
    static List<List<Object>> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<List<Object>> result = new ArrayList<>();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    /**
     * @param path a file or glob.
     * @return it quoted for SQL.
     */
    static String quote(Object path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    /**
     * @param value a value from {@link #query}.
     * @return it as a decimal, or null.
     */
    static BigDecimal decimal(Object value) {
        return value == null ? null : (BigDecimal) value;
    }
}
