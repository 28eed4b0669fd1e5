package chronicle.plugin.importer.tardis;

import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.spi.VendorAdapter;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import chronicle.replay.api.ReplayEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static chronicle.plugin.importer.tardis.TardisRun.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kraken XBT/USD incremental_book_L2 sample: grouping, snapshots, replay. */
@Timeout(60)
class IncrementalBookTest {

    static final String FILE = "kraken_incremental_book_L2_XBT-USD.csv";
    static final long T0 = 1_700_000_000_000_000L;

    static TardisRun sample() throws IOException {
        return TardisRun.run(TardisRun.sample(FILE), "book", OnError.FAIL);
    }

    @Test
    void shouldGroupRowsOfOneLocalTimestampIntoOneEvent() throws IOException {
        TardisRun out = sample();
        assertEquals(List.of(MessageType.L2_SNAPSHOT.id(), MessageType.L2_DIFF.id(), MessageType.L2_DIFF.id(),
                        MessageType.L2_SNAPSHOT.id(), MessageType.L2_DIFF.id(), MessageType.L2_DIFF.id()),
                out.records.stream().map(RecordingSink.Record::type).toList());
        assertEquals(List.of("bid " + m("100.0") + " 0", "bid " + m("100.2") + " " + m("0.7"),
                "ask " + m("100.5") + " " + m("1.25")), out.records.get(1).levelList(), "3 rows, 1 event");
        assertEquals(List.of("ask " + m("101") + " 0", "ask " + m("101.5") + " " + m("4")),
                out.records.get(2).levelList());
        assertEquals(List.of("bid " + m("100.0") + " " + m("1"), "bid " + m("99.5") + " " + m("2"),
                        "bid " + m("99.0") + " " + m("3"), "ask " + m("100.5") + " " + m("1.5"),
                        "ask " + m("101") + " " + m("2")),
                out.records.getFirst().levelList(), "the snapshot block, without the other symbol's rows");
        assertEquals(2, out.stats.snapshots);
        assertEquals(4, out.stats.diffs);
        assertTrue(out.gaps.isEmpty());
        assertEquals(20, out.rows, "every line but the header");
        assertEquals(4, out.otherRows, "the ETH/USD rows");
        assertEquals(Files.size(TardisRun.sample(FILE)), out.totalBytes);
        assertEquals(out.totalBytes, out.bytesRead);
    }

    @Test
    void shouldSkipUpdatesBeforeTheFirstSnapshot() throws IOException {
        TardisRun out = sample();
        assertEquals(1, out.stats.droppedBeforeSnapshot, "one message of two rows before the snapshot");
        assertEquals(MessageType.L2_SNAPSHOT.id(), out.records.getFirst().type());
        assertEquals((T0 + 1000) * 1000, out.records.getFirst().journalTimestamp());
    }

    @Test
    void shouldWriteHeadersFromTheRequestAndTheRowTimes() throws IOException {
        TardisRun out = sample();
        long[] local = {1000, 2000, 3000, 4000, 5000, 6000};
        for (int i = 0; i < out.records.size(); i++) {
            RecordingSink.Record rec = out.records.get(i);
            EventHeader h = rec.header();
            assertEquals(TardisRun.VENUE, h.venueId());
            assertEquals(TardisRun.MARKET, h.marketId());
            assertEquals(StreamKind.BOOK.code(), h.streamCode());
            assertEquals(BookMode.L2.code(), h.bookModeCode());
            assertEquals(rec.type() == MessageType.L2_SNAPSHOT.id() ? EventType.SNAPSHOT.code()
                    : EventType.DIFF.code(), h.eventCode());
            assertEquals(-8, h.priceExponent());
            assertEquals(-8, h.sizeExponent());
            assertEquals(i, h.sequence());
            assertEquals((T0 + local[i]) * 1000, h.ingestTimestamp());
            assertEquals(h.ingestTimestamp(), rec.journalTimestamp());
            assertEquals((T0 + local[i] - 100) * 1000, h.exchangeTimestamp());
            assertEquals(EventHeader.NULL_ID, h.firstUpdateId());
            assertEquals(EventHeader.NULL_ID, h.lastUpdateId());
            assertEquals(EventHeader.NULL_ID, h.prevUpdateId());
        }
    }

    @Test
    void shouldReplayToTheExpectedBookWithTheSecondSnapshotClearingTheFirst() throws IOException {
        TardisRun out = sample();
        ReplayEngine engine = out.replay();
        assertEquals(List.of(m("99.8") + " " + m("1"), m("99.7") + " " + m("0.12345678")),
                TardisRun.side(engine, Side.BID));
        assertEquals(List.of(m("100.1") + " " + m("0.5")), TardisRun.side(engine, Side.ASK));
        assertEquals(0, engine.gaps());
    }

    @Test
    void shouldReplayTheFirstSnapshotAndDiffs() throws IOException {
        TardisRun out = sample();
        out.records.subList(3, out.records.size()).clear();
        ReplayEngine engine = out.replay();
        assertEquals(List.of(m("100.2") + " " + m("0.7"), m("99.5") + " " + m("2"), m("99.0") + " " + m("3")),
                TardisRun.side(engine, Side.BID));
        assertEquals(List.of(m("100.5") + " " + m("1.25"), m("101.5") + " " + m("4")),
                TardisRun.side(engine, Side.ASK));
    }

    @Test
    void shouldTakeTheStreamFromTheFileWhenNoneIsGiven() throws IOException {
        TardisRun out = TardisRun.run(TardisRun.sample(FILE), null, OnError.FAIL);
        assertEquals(6, out.records.size());
    }

    @Test
    void shouldReadSeveralInputsInOrder(@TempDir Path dir) throws IOException {
        Path second = dir.resolve("second.csv");
        Files.writeString(second, "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n"
                + "kraken,XBT/USD,1700000000006900,1700000000007000,false,bid,99.8,0\n");
        TardisRun out = TardisRun.run(TardisRun.request(List.of(TardisRun.sample(FILE), second), "book",
                OnError.FAIL));
        assertEquals(7, out.records.size());
        assertEquals(List.of(m("99.7") + " " + m("0.12345678")), TardisRun.side(out.replay(), Side.BID));
    }

    @Test
    void shouldRunPatchedIntoTheAdapterModuleWithTheSharedFixtureOnTheClassPath() {
        assertEquals("chronicle.plugin.importer.tardis", getClass().getModule().getName(),
                "tests run on the module path, inside the module under test");
        assertFalse(RecordingSink.class.getModule().isNamed(), "chronicle-ingest's test jar is on the class path");
        assertTrue(getClass().getModule().canRead(RecordingSink.class.getModule()));
    }

    @Test
    void shouldBeFoundThroughThePluginHost(@TempDir Path emptyDir) {
        Optional<PluginProvider<VendorAdapter>> provider = PluginHost.of(emptyDir).find(VendorAdapter.class,
                "tardis");
        assertTrue(provider.isPresent(), "tardis adapter provider");
        assertInstanceOf(TardisAdapter.class, provider.get().instance());
        assertEquals("tardis", provider.get().name());
        assertEquals("chronicle.plugin.importer.tardis", TardisAdapter.class.getModule().getName());
        assertNotNull(provider.get().instance().description());
    }
}
