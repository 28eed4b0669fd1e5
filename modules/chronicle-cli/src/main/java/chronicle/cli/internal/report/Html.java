package chronicle.cli.internal.report;

/**
 * Text made safe for an HTML page: everything a report shows that a user or a strategy chose (strategy names,
 * parameter values, symbols) passes through {@link #text(String)}, so it can never open a tag or end a script.
 */
final class Html {

    private Html() {
    }

    /**
     * @param value any text.
     * @return the text with {@code & < > " '} written as character references, fit for element content and for
     *         quoted attribute values.
     */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
