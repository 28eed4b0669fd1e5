package chronicle.bus.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * How processes on one bus find each other: writers publish a lease (and a ready marker) for each queue they
 * write, readers register, and anyone can list the leases and tell live ones from stale ones (the process is
 * gone or stopped heart-beating). {@code chronicle doctor} reads them.
 *
 * <p>A lease is a small JSON file {@code <bus-root>/leases/<role>-<pid>-<n>.lease}; its modification time is the
 * heartbeat, refreshed every second by one daemon thread per process.
 */
public final class Discovery implements AutoCloseable {

    /** A lease whose heartbeat is older than this is stale even if its pid runs (pid reuse, a hung process). */
    public static final Duration STALE_AFTER = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path dir;
    private final Set<Lease> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService heartbeats;

    /**
     * @param layout the bus layout (leases live in {@link BusLayout#leases()}).
     */
    public Discovery(BusLayout layout) {
        this.dir = layout.leases();
    }

    /**
     * Publishes a writer's lease for a queue (call {@link Lease#markReady()} once the queue is open).
     *
     * @param queue the queue directory.
     * @param name  the writer's name for itself (for example {@code archive-tap}).
     * @return the lease, held until closed.
     */
    public Lease publishWriter(Path queue, String name) {
        return publish("writer", queue, name, false);
    }

    /**
     * Registers a reader of a queue.
     *
     * @param queue the queue directory.
     * @param name  the reader's name.
     * @return the registration, held until closed.
     */
    public Lease registerReader(Path queue, String name) {
        return publish("reader", queue, name, true);
    }

    private synchronized Lease publish(String role, Path queue, String name, boolean ready) {
        ProcessHandle me = ProcessHandle.current();
        long start = me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        LeaseRecord record = new LeaseRecord(role, queue.toAbsolutePath().normalize().toString(), name, me.pid(),
                start, host(), ready);
        Path file = dir.resolve(role + "-" + me.pid() + "-" + COUNTER.incrementAndGet() + ".lease");
        write(file, record);
        Lease lease = new Lease(this, file, record);
        held.add(lease);
        if (heartbeats == null) {
            heartbeats = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                    .name("chronicle-lease-heartbeat").unstarted(r));
            heartbeats.scheduleAtFixedRate(() -> held.forEach(Lease::heartbeat), 1, 1, TimeUnit.SECONDS);
        }
        return lease;
    }

    void write(Path file, LeaseRecord record) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "lease", ".tmp");
            JSON.writeValue(tmp.toFile(), record);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write lease " + file, e);
        }
    }

    void release(Lease lease) {
        held.remove(lease);
    }

    /**
     * Every lease on the bus, live or stale.
     *
     * @return the leases, sorted by file name.
     */
    public List<LeaseInfo> list() {
        List<LeaseInfo> leases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".lease")).sorted().toList();
        } catch (NoSuchFileException e) {
            return leases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list leases in " + dir, e);
        }
        long now = System.currentTimeMillis();
        for (Path file : files) {
            try {
                LeaseRecord r = JSON.readValue(file.toFile(), LeaseRecord.class);
                long heartbeat = Files.getLastModifiedTime(file).toMillis();
                boolean alive = r.host().equals(host()) ? ProcessHandle.of(r.pid())
                        .flatMap(p -> p.info().startInstant())
                        .map(s -> r.startMillis() == 0 || Math.abs(s.toEpochMilli() - r.startMillis()) < 2_000)
                        .orElse(false) : true;
                boolean stale = !alive || now - heartbeat > STALE_AFTER.toMillis();
                leases.add(new LeaseInfo(file, r.role(), Path.of(r.queue()), r.name(), r.pid(), r.startMillis(),
                        r.ready(), heartbeat, stale));
            } catch (NoSuchFileException gone) {
                // released while listing
            } catch (IOException e) {
                leases.add(new LeaseInfo(file, "unreadable", Path.of(""), e.getMessage(), -1, 0, false, 0, true));
            }
        }
        return leases;
    }

    /** Stops heart-beating (leases still held go stale) and releases the thread. */
    @Override
    public synchronized void close() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
    }

    private static String host() {
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
