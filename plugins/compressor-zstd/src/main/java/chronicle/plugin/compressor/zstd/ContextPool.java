package chronicle.plugin.compressor.zstd;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;

/**
 * Idle zstd contexts for reuse by any thread. A context holds native memory (about a megabyte to compress at level
 * 3) that zstd-jni frees only on {@code close()}: a pool, rather than one context per thread, reuses them without
 * leaking one per short-lived or virtual thread. At most one idle context per processor is kept; a context given
 * back to a full pool is closed.
 *
 * <p><b>Thread safety:</b> safe for concurrent use; a context taken belongs to its taker until given back.
 *
 * @param <T> the context type.
 */
final class ContextPool<T extends Closeable> {

    private final ArrayBlockingQueue<T> idle = new ArrayBlockingQueue<>(Runtime.getRuntime().availableProcessors());
    private final Supplier<T> factory;

    /** @param factory makes a new, configured context. */
    ContextPool(Supplier<T> factory) {
        this.factory = factory;
    }

    /** @return an idle context, or a new one. */
    T take() {
        T context = idle.poll();
        return context != null ? context : factory.get();
    }

    /** @param context a context taken from this pool, no longer used by the caller. */
    void give(T context) {
        if (!idle.offer(context)) {
            try {
                context.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
