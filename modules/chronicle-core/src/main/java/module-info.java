/**
 * Layer 1: the journal engine and the plug-in host.
 *
 * <p>{@code chronicle.core.api}: the persisted memory-mapped queue (one writer, many readers in any thread or
 * process). {@code chronicle.core.spi}: the plug-in host every SPI of the platform builds on. Everything under
 * {@code internal} is private to the module.
 */
@SuppressWarnings("requires-transitive-automatic")
module chronicle.core {
    requires transitive org.agrona;

    exports chronicle.core.api;
    exports chronicle.core.spi;
}
