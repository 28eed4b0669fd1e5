package chronicle.bus.api;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The one place that computes where things live on disk. Every name is encoded with {@link Names}, so none can
 * escape its root.
 *
 * <pre>
 * &lt;bus-root&gt;/live/&lt;stream&gt;/queue/&lt;name&gt;                  hot queues (feed handlers write, readers tail)
 * &lt;bus-root&gt;/archive/&lt;stream&gt;/queue/&lt;name&gt;               archive queues fed by the archive tap
 * &lt;bus-root&gt;/streams/raw/&lt;venue&gt;/queue                   the raw multiplexed stream of a venue
 * &lt;bus-root&gt;/streams/clean/&lt;venue&gt;/&lt;symbol&gt;/&lt;stream&gt;/queue  demultiplexed streams (the refinery, planned)
 * &lt;bus-root&gt;/strategies/&lt;app&gt;/orders                  a live strategy's orders (it writes, the router reads)
 * &lt;bus-root&gt;/strategies/&lt;app&gt;/responses               execution reports (the router writes, the strategy reads)
 * &lt;bus-root&gt;/strategies/&lt;app&gt;/heartbeat               the strategy's heartbeat record (docs/LIVE.md)
 * &lt;bus-root&gt;/leases/                                     writer leases and reader registrations
 * &lt;archive-root&gt;/&lt;venue&gt;/&lt;symbol&gt;/&lt;date&gt;/&lt;stream&gt;/queue   imported history, one queue per day
 * &lt;archive-root&gt;/raw/v1/&lt;venue&gt;/&lt;date&gt;/raw/               sealed raw segments
 * &lt;archive-root&gt;/snapshots/&lt;venue&gt;/&lt;market&gt;/              book snapshots
 * </pre>
 *
 * @param busRoot     root of the bus.
 * @param archiveRoot root of the archive.
 */
public record BusLayout(Path busRoot, Path archiveRoot) {

    /**
     * @param config the platform configuration.
     * @return the layout of its roots.
     */
    public static BusLayout of(ChronicleConfig config) {
        return new BusLayout(config.busRoot(), config.archiveRoot());
    }

    /** @param stream stream name. @param name queue name. @return the hot queue's directory. */
    public Path liveQueue(String stream, String name) {
        return busRoot.resolve("live").resolve(Names.encode("stream", stream)).resolve("queue")
                .resolve(Names.encode("queue", name));
    }

    /** @param stream stream name. @param name queue name. @return the archive queue's directory. */
    public Path archiveQueue(String stream, String name) {
        return busRoot.resolve("archive").resolve(Names.encode("stream", stream)).resolve("queue")
                .resolve(Names.encode("queue", name));
    }

    /** @param venue venue name. @return the raw multiplexed queue of the venue. */
    public Path rawStream(String venue) {
        return busRoot.resolve("streams").resolve("raw").resolve(Names.encode("venue", venue)).resolve("queue");
    }

    /** @param venue venue. @param symbol symbol. @param stream stream. @return a clean (demultiplexed) queue. */
    public Path cleanStream(String venue, String symbol, String stream) {
        return busRoot.resolve("streams").resolve("clean").resolve(Names.encode("venue", venue))
                .resolve(Names.encode("symbol", symbol)).resolve(Names.encode("stream", stream)).resolve("queue");
    }

    /**
     * @param strategy strategy name.
     * @return an older name for an orders queue, kept for compatibility: the live runtime and the router use
     *         {@link #strategyOrders(String)}.
     * @deprecated use {@link #strategyOrders(String)}.
     */
    @Deprecated
    public Path ordersQueue(String strategy) {
        return busRoot.resolve("orders").resolve(Names.encode("strategy", strategy)).resolve("queue");
    }

    /** @return the directory under which every live strategy (application) has its own directory. */
    public Path strategies() {
        return busRoot.resolve("strategies");
    }

    /** @param app a live application's name. @return its directory (owner-only: docs/LIVE.md). */
    public Path strategyDir(String app) {
        return strategies().resolve(Names.encode("app", app));
    }

    /** @param app a live application's name. @return the queue its orders go to. */
    public Path strategyOrders(String app) {
        return strategyDir(app).resolve("orders");
    }

    /** @param app a live application's name. @return the queue its execution reports come back on. */
    public Path strategyResponses(String app) {
        return strategyDir(app).resolve("responses");
    }

    /** @param app a live application's name. @return its heartbeat file. */
    public Path strategyHeartbeat(String app) {
        return strategyDir(app).resolve("heartbeat");
    }

    /** @return the directory of leases and registrations. */
    public Path leases() {
        return busRoot.resolve("leases");
    }

    /**
     * @param venue  venue. @param symbol symbol as the vendor spells it. @param date UTC day. @param stream stream.
     * @return the archive queue of imported history for that day.
     */
    public Path importQueue(String venue, String symbol, LocalDate date, String stream) {
        return archiveRoot.resolve(Names.encode("venue", venue)).resolve(Names.encode("symbol", symbol))
                .resolve(date.toString()).resolve(Names.encode("stream", stream)).resolve("queue");
    }

    /** @param venue venue. @param date UTC day. @return the raw archive directory of that day. */
    public Path rawArchive(String venue, LocalDate date) {
        return archiveRoot.resolve("raw").resolve("v1").resolve(Names.encode("venue", venue))
                .resolve(date.toString()).resolve("raw");
    }

    /** @param venue venue. @param market market. @return the snapshot directory. */
    public Path snapshots(String venue, String market) {
        return archiveRoot.resolve("snapshots").resolve(Names.encode("venue", venue))
                .resolve(Names.encode("market", market));
    }
}
