/**
 * Layer 1: the journal engine and the plug-in host.
 *
 * <p>Exports only {@code spi} and {@code api} packages; everything under {@code internal} is private to the module.
 */
module chronicle.core {
    exports chronicle.core.spi;
}
