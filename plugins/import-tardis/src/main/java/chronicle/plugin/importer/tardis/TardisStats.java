package chronicle.plugin.importer.tardis;

/** What a Tardis import wrote and dropped, for tests and logs. */
final class TardisStats {
    long snapshots;
    long diffs;
    long trades;
    long quotes;
    long droppedBeforeSnapshot;
    long droppedAfterBadSnapshot;
    long badGroups;

    @Override
    public String toString() {
        return "snapshots=" + snapshots + " diffs=" + diffs + " trades=" + trades + " quotes=" + quotes
                + " droppedBeforeSnapshot=" + droppedBeforeSnapshot + " droppedAfterBadSnapshot="
                + droppedAfterBadSnapshot + " badGroups=" + badGroups;
    }
}
