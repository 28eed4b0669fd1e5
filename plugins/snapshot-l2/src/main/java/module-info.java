/** Snapshot codec plug-in for L2 books. */
module chronicle.plugin.snapshot.l2 {
    requires chronicle.replay;

    provides chronicle.replay.spi.SnapshotCodec with chronicle.plugin.snapshot.l2.L2SnapshotCodec;
}
