/**
 * Backtests: the simulated exchange that matches a strategy's orders against the replayed historical book, with
 * latency, queue-position and fee models, the accountant, and the backtest runner.
 */
module chronicle.sim {
    requires transitive chronicle.api;
    requires transitive chronicle.storage;
    requires chronicle.bus;
    requires chronicle.core;

    exports chronicle.sim.api;
}
