package chronicle.etl.internal;

import java.time.LocalDate;

/**
 * Hive-style partition paths of extract files: {@code <table>/venue=<v>/symbol=<s>/date=<yyyy-mm-dd>/part-0.<ext>}.
 *
 * <p>Values are escaped as Hive escapes partition values (its {@code FileUtils.escapePathName}): every control
 * character and each of {@code " # % ' * / : = ? \ { [ ] ^} and DEL becomes {@code %XX} (upper-case hex).
 * Spark, Trino and DuckDB's {@code hive_partitioning} unescape them, so {@code XBT/USD} reads back as itself.
 */
public final class HivePath {

    private static final String ESCAPED = "\"#%'*/:=?\\{[]^";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HivePath() {
    }

    /**
     * @param table     {@code book} or {@code trades}.
     * @param venue     the venue's name.
     * @param symbol    the symbol's name.
     * @param date      the day.
     * @param extension the sink's file extension.
     * @return the relative path, {@code /}-separated.
     */
    public static String of(String table, String venue, String symbol, LocalDate date, String extension) {
        return table + "/venue=" + escape(venue) + "/symbol=" + escape(symbol) + "/date=" + date + "/part-0."
                + extension;
    }

    /**
     * @param value a partition value.
     * @return the value with every character Hive escapes written as {@code %XX}.
     */
    public static String escape(String value) {
        StringBuilder s = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || ESCAPED.indexOf(c) >= 0) {
                s.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
