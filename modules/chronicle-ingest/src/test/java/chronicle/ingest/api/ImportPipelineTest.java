package chronicle.ingest.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.spi.VendorAdapter;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class ImportPipelineTest {

    private static final long DAY = LocalDate.of(2026, 11, 22).toEpochDay() * 86_400_000_000_000L;

    @TempDir
    Path dir;

    /**
     * A tiny vendor format for tests: lines {@code <micros since the day>,<bid|ask>,<price cents>,<size>}; a line
     * "bad" is bad input.
     */
    static final class LinesAdapter implements VendorAdapter {
        @Override
        public String name() {
            return "lines";
        }

        @Override
        public ImportSource open(ImportRequest request) throws IOException {
            Path file = request.inputs().getFirst();
            BufferedReader in = new BufferedReader(new InputStreamReader(request.opener().open(file),
                    StandardCharsets.UTF_8));
            UnsafeBuffer out = new UnsafeBuffer(new byte[256]);
            return new ImportSource() {
                long line;

                @Override
                public boolean next(EventSink sink) throws IOException {
                    String text = in.readLine();
                    if (text == null) {
                        return false;
                    }
                    line++;
                    String[] f = text.split(",");
                    if (f.length != 4) {
                        if (request.onError() == OnError.FAIL) {
                            throw new ImportException(file, line, "expected 4 columns, found " + f.length);
                        }
                        sink.gap(DAY, line, line, GapReason.BAD_INPUT, file + ":" + line + ": bad line");
                        return true;
                    }
                    long ts = DAY + Long.parseLong(f[0]) * 1000;
                    new EventHeader().wrapForWrite(out, 0).venueId(request.venueId()).marketId(request.marketId())
                            .stream(StreamKind.BOOK).eventType(EventType.DIFF).bookMode(BookMode.L2).priceExponent(-2)
                            .ingestTimestamp(ts).exchangeTimestamp(ts).sequence(line).firstUpdateId(line)
                            .lastUpdateId(line);
                    new L2Levels().wrap(out, EventHeader.LENGTH).count(1).level(0,
                            f[1].equals("bid") ? Side.BID : Side.ASK, Long.parseLong(f[2]), Long.parseLong(f[3]));
                    sink.append(MessageType.L2_DIFF.id(), ts, out, 0, EventHeader.LENGTH + L2Levels.length(1));
                    return true;
                }

                @Override
                public long rows() {
                    return line;
                }

                @Override
                public long bytesRead() {
                    return 0;
                }

                @Override
                public long totalBytes() {
                    return 0;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }
    }

    private ImportJob job(Path input, boolean force, OnError onError) {
        return new ImportJob("lines", List.of(input), dir.resolve("archive"), "kraken", "XBT/USD", null, "book",
                onError, force);
    }

    private ImportResult run(ImportJob job) throws IOException {
        return new ImportPipeline(Files::newInputStream).run(job, new LinesAdapter(), "1.0", ImportProgress.NONE);
    }

    private static long count(Path queue) {
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader r = q.createReader(StartPosition.earliest())) {
            long n = 0;
            for (int k; (k = r.poll((t, s, ts, b, o, l) -> { }, 1000)) > 0; ) {
                n += k;
            }
            return n;
        }
    }

    @Test
    void shouldPublishTheDayQueueRecordItAndSkipARerun() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), "1,bid,100,5\n2,ask,101,7\n3,bid,100,0\n");
        ImportResult first = run(job(input, false, OnError.FAIL));
        assertEquals(dir.resolve("archive/kraken/XBT%2FUSD/2026-11-22/book/queue"), first.queue());
        assertFalse(first.skipped());
        assertEquals(3, first.rows());
        assertEquals(3, first.events());
        assertEquals(3, count(first.queue()));
        LedgerEntry entry = new ImportLedger(dir.resolve("archive")).entries().getFirst();
        assertEquals("XBT/USD", entry.symbol());
        assertEquals(64, entry.inputs().getFirst().sha256().length());

        ImportResult again = run(job(input, false, OnError.FAIL));
        assertTrue(again.skipped(), "same input: a no-op");
        ImportResult forced = run(job(input, true, OnError.FAIL));
        assertFalse(forced.skipped());
        assertEquals(3, count(forced.queue()), "replaced, not appended");
        assertEquals(1, new ImportLedger(dir.resolve("archive")).entries().size());
        try (var staging = Files.list(dir.resolve("archive/.staging"))) {
            assertEquals(0, staging.count(), "no staging left behind");
        }
    }

    @Test
    void shouldLeaveTheArchiveAsItWasWhenTheInputIsBad() throws IOException {
        Path good = Files.writeString(dir.resolve("good.csv"), "1,bid,100,5\n");
        ImportResult published = run(job(good, false, OnError.FAIL));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "1,bid,100,5\nbad\n3,ask,1,1\n");
        ImportException e = assertThrows(ImportException.class, () -> run(job(bad, true, OnError.FAIL)));
        assertEquals(bad + ":2: expected 4 columns, found 1", e.getMessage());
        assertEquals(1, count(published.queue()), "the earlier import is untouched");
        try (var staging = Files.list(dir.resolve("archive/.staging"))) {
            assertEquals(0, staging.count());
        }
        ImportResult gaps = run(job(bad, true, OnError.GAP));
        assertEquals(1, gaps.gaps());
        assertEquals(List.of(bad + ":2: bad line"), gaps.gapNotes());
        assertEquals(3, count(gaps.queue()), "two events and one gap marker");
    }

    @Test
    void shouldRemoveTheStagingOfAKilledImportAndRefuseAMissingInput() throws IOException {
        Path abandoned = Files.createDirectories(dir.resolve("archive/.staging/import-999999999-1/queue"));
        Files.writeString(abandoned.getParent().resolve("owner"), "999999999");
        Path input = Files.writeString(dir.resolve("in.csv"), "1,bid,100,5\n");
        run(job(input, false, OnError.FAIL));
        assertFalse(Files.exists(abandoned.getParent()), "a dead importer's staging is removed");
        ImportException missing = assertThrows(ImportException.class, () -> run(job(dir.resolve("nope.csv"), false,
                OnError.FAIL)));
        assertTrue(missing.getMessage().endsWith("nope.csv: no such input file"), missing.getMessage());
    }
}
