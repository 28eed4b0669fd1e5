package chronicle.plugin.importer.lobster;

/** Parsing of LOBSTER's comma-separated numbers, in place over a line: no regex, no floating point. */
final class Csv {

    /** Longest text quoted in a reason. */
    private static final int QUOTE = 32;
    /** Digits of a number that always fits a long. */
    private static final int MAX_DIGITS = 18;

    private Csv() {
    }

    /** A line that cannot be used, and why; cheap: no stack trace. */
    static final class BadInput extends Exception {

        private static final long serialVersionUID = 1L;

        BadInput(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Finds the columns of a line.
     *
     * @param line   the line.
     * @param starts receives the first index of each column.
     * @param ends   receives the end (exclusive) of each column.
     * @return the number of columns (may exceed the arrays' length; only that many are filled).
     */
    static int columns(String line, int[] starts, int[] ends) {
        int count = 0;
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            if (count < starts.length) {
                starts[count] = start;
                ends[count] = end;
            }
            count++;
            if (comma < 0) {
                return count;
            }
            start = comma + 1;
        }
    }

    /**
     * @param line   the line.
     * @param from   first index.
     * @param to     end index (exclusive).
     * @param column 1-based column, for the reason.
     * @param name   the column's name, for the reason.
     * @return the integer.
     * @throws BadInput if it is not an integer of at most 18 digits with an optional minus sign.
     */
    static long parseLong(String line, int from, int to, int column, String name) throws BadInput {
        int i = from;
        boolean negative = i < to && line.charAt(i) == '-';
        if (negative) {
            i++;
        }
        if (i == to || to - i > MAX_DIGITS) {
            throw badNumber(line, from, to, column, name, "");
        }
        long value = 0;
        for (; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw badNumber(line, from, to, column, name, "");
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /**
     * Parses {@code seconds[.fraction]} with up to 9 decimals into nanoseconds.
     *
     * @param line       the line.
     * @param from       first index.
     * @param to         end index (exclusive).
     * @param maxSeconds the largest number of whole seconds accepted.
     * @return nanoseconds.
     * @throws BadInput if it is not such a number.
     */
    static long parseNanos(String line, int from, int to, long maxSeconds) throws BadInput {
        int dot = line.indexOf('.', from);
        int wholeEnd = dot < 0 || dot >= to ? to : dot;
        String expected = " (seconds after midnight, up to 9 decimals)";
        if (wholeEnd == from || wholeEnd - from > 6) {
            throw badNumber(line, from, to, 1, "time", expected);
        }
        long seconds = 0;
        for (int i = from; i < wholeEnd; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw badNumber(line, from, to, 1, "time", expected);
            }
            seconds = seconds * 10 + (c - '0');
        }
        if (seconds > maxSeconds) {
            throw badNumber(line, from, to, 1, "time", expected);
        }
        long nanos = 0;
        if (wholeEnd < to) {
            int digits = to - wholeEnd - 1;
            if (digits < 1 || digits > 9) {
                throw badNumber(line, from, to, 1, "time", expected);
            }
            for (int i = wholeEnd + 1; i < to; i++) {
                char c = line.charAt(i);
                if (c < '0' || c > '9') {
                    throw badNumber(line, from, to, 1, "time", expected);
                }
                nanos = nanos * 10 + (c - '0');
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        return seconds * 1_000_000_000L + nanos;
    }

    /** @return the reason for a bad number, quoting (a bounded part of) it. */
    static BadInput badNumber(String line, int from, int to, int column, String name, String detail) {
        return new BadInput("bad number in column " + column + " (" + name + "): " + quote(line, from, to) + detail);
    }

    /** @return the text between the bounds in quotes, cut to a bounded length, printable ASCII only. */
    static String quote(String line, int from, int to) {
        StringBuilder out = new StringBuilder(QUOTE + 5).append('"');
        for (int i = from; i < to && i - from < QUOTE; i++) {
            char c = line.charAt(i);
            out.append(c >= ' ' && c < 127 ? c : '?');
        }
        if (to - from > QUOTE) {
            out.append("...");
        }
        return out.append('"').toString();
    }

    /** @return nanoseconds after midnight as LOBSTER writes them, {@code seconds.nnnnnnnnn}. */
    static String seconds(long nanos) {
        String fraction = Long.toString(nanos % 1_000_000_000L);
        return nanos / 1_000_000_000L + "." + "0".repeat(9 - fraction.length()) + fraction;
    }
}
