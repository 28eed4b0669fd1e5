/**
 * Layer 4: the live runtime. {@link chronicle.framework.api.ChronicleApp} runs one strategy written against
 * {@code chronicle.api} on one (optionally pinned) thread, fed by market-data queues of the bus, with its orders
 * going out through its own orders queue; {@link chronicle.framework.api.Router} fans in the orders queues of the
 * strategies registered with it and hands each order to a {@link chronicle.framework.api.Venue}. docs/LIVE.md.
 */
module chronicle.framework {
    requires transitive chronicle.api;
    requires transitive chronicle.bus;
    requires transitive chronicle.replay;
    requires transitive chronicle.sim;

    exports chronicle.framework.api;
}
