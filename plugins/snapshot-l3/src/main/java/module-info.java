/** Snapshot codec plug-in for L3 books. */
module chronicle.plugin.snapshot.l3 {
    requires chronicle.replay;

    provides chronicle.replay.spi.SnapshotCodec with chronicle.plugin.snapshot.l3.L3SnapshotCodec;
}
