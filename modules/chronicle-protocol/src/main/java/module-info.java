/**
 * Layer 1: the ABI of the system. Every market-data record in a queue is an {@link chronicle.protocol.api.EventHeader}
 * followed by a body whose layout the record's type id names ({@link chronicle.protocol.api.MessageType}).
 * Codecs are allocation-free flyweights over Agrona buffers; prices and sizes are fixed-point integers.
 */
@SuppressWarnings("requires-transitive-automatic")
module chronicle.protocol {
    requires transitive org.agrona;

    exports chronicle.protocol.api;
}
