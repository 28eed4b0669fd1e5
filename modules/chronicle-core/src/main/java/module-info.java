/**
 * Layer 1: the journal engine.
 *
 * <p>{@code chronicle.core.api}: the persisted memory-mapped queue (one writer, many readers in any thread or
 * process). Everything under {@code internal} is private to the module.
 */
@SuppressWarnings("requires-transitive-automatic")
module chronicle.core {
    requires transitive org.agrona;

    exports chronicle.core.api;
}
