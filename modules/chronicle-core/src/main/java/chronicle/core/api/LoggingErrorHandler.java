package chronicle.core.api;

import org.agrona.ErrorHandler;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link ErrorHandler} of the platform's background work (the writer's helper, the archive tap): logs
 * each distinct error once through {@link System.Logger}, as one line at {@code WARNING} (its message, which names
 * the file and the cause, such as a full disk) and with its whole stack trace at {@code DEBUG} (shown when debug
 * logging is on, for a bug report), so an operator's console gets one line per problem; a repeat of
 * an error already logged (same type, message and stack trace) is only counted, so a failure that recurs at every
 * roll does not flood the log. Like Agrona's {@code DistinctErrorLog}, but in memory.
 *
 * <p><b>Thread-safe</b> and, as Agrona's contract asks of every error handler, never throws.
 */
public final class LoggingErrorHandler implements ErrorHandler {

    private final System.Logger log;
    private final Map<Key, AtomicLong> seen = new ConcurrentHashMap<>();

    /**
     * @param loggerName the logger errors go to.
     */
    public LoggingErrorHandler(String loggerName) {
        this(System.getLogger(Objects.requireNonNull(loggerName, "loggerName")));
    }

    /**
     * @param log the logger errors go to.
     */
    public LoggingErrorHandler(System.Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Logs to the logger named {@code chronicle}. */
    public LoggingErrorHandler() {
        this("chronicle");
    }

    @Override
    public void onError(Throwable throwable) {
        try {
            AtomicLong count = seen.computeIfAbsent(new Key(throwable), k -> new AtomicLong());
            if (count.getAndIncrement() == 0) {
                String message = oneLine(throwable);
                log.log(Level.WARNING, message);
                if (log.isLoggable(Level.DEBUG)) {
                    log.log(Level.DEBUG, "stack trace of: " + message, throwable);
                }
            }
        } catch (RuntimeException e) {
            // An error handler must not throw into the loop that called it.
        }
    }

    /** @return the messages down the cause chain, each once, joined by ": " (the cause says why: a full disk). */
    static String oneLine(Throwable throwable) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (line.indexOf(message) < 0) {
                line.append(line.isEmpty() ? "" : ": ").append(message);
            }
        }
        return line.toString().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * @param throwable an error.
     * @return how many times it (or one just like it) was reported, 0 if never.
     */
    public long count(Throwable throwable) {
        AtomicLong count = seen.get(new Key(throwable));
        return count == null ? 0 : count.get();
    }

    /** What makes two errors the same: type, message and where they were thrown, down the cause chain. */
    private record Key(Class<?> type, String message, StackTraceElement[] trace, Key cause) {

        Key(Throwable t) {
            this(t.getClass(), t.getMessage(), t.getStackTrace(),
                    t.getCause() == null || t.getCause() == t ? null : new Key(t.getCause()));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && type == k.type && Objects.equals(message, k.message)
                    && Arrays.equals(trace, k.trace) && Objects.equals(cause, k.cause);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, message, Arrays.hashCode(trace), cause);
        }
    }
}
