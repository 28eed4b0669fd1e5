package chronicle.core.api;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link QueueVerifier#verify}: what was walked and every problem found, in queue order.
 *
 * @param directory     the queue directory.
 * @param segments      segment files walked.
 * @param records       good records walked (every CRC checked).
 * @param firstSequence sequence of the oldest record, or -1 if none.
 * @param lastSequence  sequence of the newest good record, or -1 if none.
 * @param indexEntries  seek index entries checked.
 * @param problems      what is wrong, oldest segment first; empty when the queue is sound.
 * @param warnings      what is unusual but harmless (for example an unsealed segment a writer left, which the
 *                      next writer seals).
 */
public record Verification(Path directory, int segments, long records, long firstSequence, long lastSequence,
                           long indexEntries, List<Problem> problems, List<Problem> warnings) {

    /** Copies the lists. */
    public Verification {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** @return whether every check passed. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * One finding.
     *
     * @param file   the segment or index file.
     * @param offset the byte offset in that file of the bad record, header field or index entry.
     * @param reason what is wrong, in words.
     */
    public record Problem(Path file, long offset, String reason) {

        /** @return {@code <file> offset <offset>: <reason>}, one line. */
        public String toLine() {
            return file + " offset " + offset + ": " + reason;
        }
    }
}
