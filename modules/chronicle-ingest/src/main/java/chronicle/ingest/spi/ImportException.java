package chronicle.ingest.spi;

import java.io.IOException;
import java.nio.file.Path;

/** Bad input: {@link #getMessage()} is {@code file:line: reason}, one line. */
public final class ImportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * @param file   the input file.
     * @param line   the line (1-based), or 0 if not line-oriented.
     * @param reason what is wrong, and where it helps, the fix.
     */
    public ImportException(Path file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    /** @return the input file. */
    public Path file() {
        return file;
    }

    /** @return the line, or 0. */
    public long line() {
        return line;
    }
}
