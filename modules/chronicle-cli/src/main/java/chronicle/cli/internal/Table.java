package chronicle.cli.internal;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as left-aligned columns separated by two spaces, for terminal output. */
final class Table {

    private Table() {
    }

    static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.getFirst().length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row[c] : String.format("%-" + width[c] + "s  ", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
