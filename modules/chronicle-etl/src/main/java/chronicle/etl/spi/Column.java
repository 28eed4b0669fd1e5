package chronicle.etl.spi;

import java.util.Objects;

/**
 * One column of an extract table.
 *
 * @param name  lower-case column name, for example {@code bid_px_1}.
 * @param type  the value type.
 * @param scale digits after the point of a {@link ColumnType#DECIMAL} (0 to 18); 0 for other types.
 */
public record Column(String name, ColumnType type, int scale) {

    /** Decimal digits an unscaled long always holds: the precision of every DECIMAL column. */
    public static final int DECIMAL_PRECISION = 18;

    /**
     * Checks the scale.
     *
     * @param name  lower-case column name.
     * @param type  the value type.
     * @param scale digits after the point.
     */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (scale < 0 || scale > DECIMAL_PRECISION || (type != ColumnType.DECIMAL && scale != 0)) {
            throw new IllegalArgumentException("column " + name + ": scale " + scale + " is not valid for " + type);
        }
    }
}
