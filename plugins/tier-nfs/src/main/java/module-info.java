/** Tier backend plug-in {@code nfs}: a tier in a directory of an NFS mount, shared by several hosts. */
module chronicle.plugin.tier.nfs {
    requires chronicle.storage;

    provides chronicle.storage.spi.TierBackend with chronicle.plugin.tier.nfs.NfsTierBackend;
}
