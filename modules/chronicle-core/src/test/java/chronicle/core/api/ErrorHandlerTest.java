package chronicle.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Background errors reach the queue's error handler whole, and the default handler logs each one once. */
@Timeout(60)
class ErrorHandlerTest {

    @TempDir
    Path dir;

    @Test
    void shouldHandTheWholeThrowableOfAFailedRetentionPassToTheErrorHandler() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        QueueOptions options = QueueBasicsTest.SMALL.withRetention(RetentionPolicy.keepSegments(2))
                .withErrorHandler(errors::add);
        // A file where the readers' directory belongs: retention cannot list the readers.
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("readers"), "not a directory");
        try (ChronicleQueue queue = ChronicleQueue.open(dir, options);
             QueueWriter writer = queue.createWriter()) {
            QueueBasicsTest.appendRange(writer, 0, 2000);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (errors.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertFalse(errors.isEmpty(), "the retention failure reached the handler");
        Throwable error = errors.getFirst();
        assertTrue(error.getMessage().contains("retention failed"), error.getMessage());
        assertTrue(error.getStackTrace().length > 0, "with its stack trace");
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root instanceof NotDirectoryException, "the cause chain is kept: " + root);
    }

    @Test
    void shouldLogEachDistinctErrorOnceInOneLineWithItsStackTraceAtDebug() {
        RecordingLogger log = new RecordingLogger();
        LoggingErrorHandler handler = new LoggingErrorHandler(log);
        List<RuntimeException> same = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            same.add(failure("disk full")); // thrown at the same place each time: the same error
        }
        same.forEach(handler::onError);
        handler.onError(new IllegalStateException("another"));
        List<RecordingLogger.Entry> warnings = log.records.stream()
                .filter(e -> e.level() == System.Logger.Level.WARNING).toList();
        assertEquals(2, warnings.size(), "one line per distinct error: " + log.records);
        assertEquals("disk full", warnings.getFirst().message());
        assertNull(warnings.getFirst().thrown(), "the warning is one line, without the stack trace");
        List<RecordingLogger.Entry> traces = log.records.stream()
                .filter(e -> e.level() == System.Logger.Level.DEBUG).toList();
        assertEquals(2, traces.size(), "each distinct error's stack trace once, at debug: " + log.records);
        assertSame(same.getFirst(), traces.getFirst().thrown());
        assertEquals(3, handler.count(same.getFirst()));
    }

    @Test
    void theWarningNamesTheCauseInTheSameLine() {
        RecordingLogger log = new RecordingLogger();
        new LoggingErrorHandler(log).onError(new QueueException("q: cannot prepare segment 1 ahead of the roll",
                new java.io.IOException("disk full:\ncannot allocate 4096 bytes")));
        assertEquals("q: cannot prepare segment 1 ahead of the roll: disk full: cannot allocate 4096 bytes",
                log.records.getFirst().message());
    }

    private static RuntimeException failure(String message) {
        return new IllegalStateException(message);
    }

    /** A {@link System.Logger} that keeps what it is given. */
    private static final class RecordingLogger implements System.Logger {
        record Entry(Level level, String message, Throwable thrown) {
        }

        final List<Entry> records = new ArrayList<>();

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            records.add(new Entry(level, msg, thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            records.add(new Entry(level, format, null));
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier, Throwable thrown) {
            records.add(new Entry(level, msgSupplier.get(), thrown));
        }
    }
}
