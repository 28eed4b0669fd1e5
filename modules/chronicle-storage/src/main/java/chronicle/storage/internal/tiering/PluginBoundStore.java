package chronicle.storage.internal.tiering;

import chronicle.storage.spi.ObjectStat;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.TierStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A tier store from a plug-in, called with the plug-in's class loader as the thread's context class loader, as
 * libraries inside plug-ins (the AWS SDK among them) find their own services through it.
 */
public final class PluginBoundStore implements TierStore {

    /** An action on a store that may fail with an IOException. */
    @FunctionalInterface
    public interface Action<R> {
        /** @return the result. @throws IOException if the action fails. */
        R run() throws IOException;
    }

    private final TierStore store;
    private final ClassLoader loader;

    /**
     * @param store  the plug-in's store.
     * @param loader the plug-in's class loader.
     */
    public PluginBoundStore(TierStore store, ClassLoader loader) {
        this.store = store;
        this.loader = loader;
    }

    /**
     * Runs an action with a context class loader.
     *
     * @param loader the loader.
     * @param action the action.
     * @param <R>    its result type.
     * @return its result.
     * @throws IOException as the action does.
     */
    public static <R> R call(ClassLoader loader, Action<R> action) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public ObjectStat put(String key, Path source, boolean mayMove) throws IOException {
        return call(loader, () -> store.put(key, source, mayMove));
    }

    @Override
    public RangeReader open(String key) throws IOException {
        RangeReader reader = call(loader, () -> store.open(key));
        return new RangeReader() {
            @Override
            public long size() throws IOException {
                return call(loader, reader::size);
            }

            @Override
            public void readFully(long position, java.nio.ByteBuffer dst) throws IOException {
                call(loader, () -> {
                    reader.readFully(position, dst);
                    return null;
                });
            }

            @Override
            public String location() {
                return reader.location();
            }

            @Override
            public void close() throws IOException {
                call(loader, () -> {
                    reader.close();
                    return null;
                });
            }
        };
    }

    @Override
    public Optional<ObjectStat> stat(String key) throws IOException {
        return call(loader, () -> store.stat(key));
    }

    @Override
    public List<ObjectStat> list(String prefix) throws IOException {
        return call(loader, () -> store.list(prefix));
    }

    @Override
    public boolean delete(String key) throws IOException {
        return call(loader, () -> store.delete(key));
    }

    @Override
    public String location(String key) {
        return store.location(key);
    }

    @Override
    public void close() throws IOException {
        call(loader, () -> {
            store.close();
            return null;
        });
    }
}
