/** Tier backend plug-in {@code local}: a tier in a directory of this host's file systems. */
module chronicle.plugin.tier.local {
    requires chronicle.storage;

    provides chronicle.storage.spi.TierBackend with chronicle.plugin.tier.local.LocalTierBackend;
}
