package chronicle.framework.api;

import chronicle.framework.internal.PaperVenue;
import chronicle.framework.internal.RejectingVenue;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The venues built into the router, by the name {@code chronicle router --venue NAME} takes.
 *
 * <ul>
 *   <li>{@code reject}: no market behind it; every new order is rejected ({@code REFUSED}) and every cancel or
 *       modify answered {@code UNKNOWN_ORDER}. For checking the order path end to end without trading.</li>
 *   <li>{@code paper}: the simulated exchange of backtests (matching, queue position, latency, fees) against a
 *       market-data queue of the bus: paper trading. Made by {@link #paper}.</li>
 * </ul>
 */
public final class Venues {

    /** The name of the paper venue. */
    public static final String PAPER = PaperVenue.NAME;

    private Venues() {
    }

    /** @return the names of the built-in venues. */
    public static List<String> names() {
        return List.of(RejectingVenue.NAME, PaperVenue.NAME);
    }

    /**
     * @param name a built-in venue's name.
     * @return a new instance of it.
     * @throws IllegalArgumentException naming the venue and the known ones.
     */
    public static Venue create(String name) {
        if (RejectingVenue.NAME.equals(name)) {
            return new RejectingVenue();
        }
        if (PaperVenue.NAME.equals(name)) {
            throw new IllegalArgumentException("--venue paper needs --market-queue QUEUE: the market data to match "
                    + "orders against (for example <bus>/live/market_data/queue/demo_feed)");
        }
        throw new IllegalArgumentException("--venue " + name + ": no such venue (built in: "
                + String.join(", ", names()) + ")");
    }

    /**
     * The paper venue: the simulated exchange of backtests, fed by a market-data queue.
     *
     * @param marketQueue the market-data queue's directory.
     * @param latency     the latency model (in market time: constant, above zero both ways).
     * @param queueModel  the queue-position model.
     * @param fees        the fee model.
     * @param clock       wall clock (orders reach the exchange when they arrive) or market time (in step with the
     *                    strategies, as in a backtest).
     * @param strategies  in market time, the strategies to keep in step with (the router's registered ones).
     * @return the venue.
     * @throws IllegalArgumentException one line: no such queue, a latency market time cannot use.
     */
    public static Venue paper(Path marketQueue, LatencyModel latency, QueueModel queueModel, FeeModel fees,
                              ClockMode clock, Collection<String> strategies) {
        return new PaperVenue(marketQueue, latency, queueModel, fees, clock, Set.copyOf(strategies));
    }
}
