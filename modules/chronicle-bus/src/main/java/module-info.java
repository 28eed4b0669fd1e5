/**
 * Layer 2: where queues live on disk, how processes find each other, and the platform configuration.
 */
module chronicle.bus {
    requires transitive chronicle.core;
    requires com.fasterxml.jackson.databind;

    exports chronicle.bus.api;
    opens chronicle.bus.api to com.fasterxml.jackson.databind;
}
