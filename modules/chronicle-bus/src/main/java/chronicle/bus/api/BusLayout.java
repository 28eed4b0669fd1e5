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
 * &lt;bus-root&gt;/orders/&lt;strategy&gt;/queue                     order queues of strategies (planned)
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

    /** @param strategy strategy name. @return its orders queue. */
    public Path ordersQueue(String strategy) {
        return busRoot.resolve("orders").resolve(Names.encode("strategy", strategy)).resolve("queue");
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
