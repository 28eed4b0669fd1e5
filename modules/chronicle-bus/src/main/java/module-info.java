/**
 * Layer 2: where queues live on disk, how processes find each other, the platform configuration, and the registry
 * of venue and symbol names ({@link chronicle.bus.api.MarketRegistry}).
 */
module chronicle.bus {
    requires transitive chronicle.core;
    requires com.fasterxml.jackson.databind;

    exports chronicle.bus.api;
    opens chronicle.bus.api to com.fasterxml.jackson.databind;
    opens chronicle.bus.internal to com.fasterxml.jackson.databind;
}
