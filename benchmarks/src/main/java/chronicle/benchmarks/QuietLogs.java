package chronicle.benchmarks;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Our modules log through {@link System.Logger}, which goes to java.util.logging here: the INFO lines of a writer
 * taking over a dead writer's lock or of an archive tap opening would interleave with the JMH output of every
 * iteration. Warnings (a torn record discarded by recovery, for example) still show.
 */
final class QuietLogs {

    /** Held so that the configured level is not lost when the logger is garbage-collected. */
    private static final Logger CHRONICLE = Logger.getLogger("chronicle");

    private QuietLogs() {
    }

    static void warningsOnly() {
        CHRONICLE.setLevel(Level.WARNING);
    }
}
