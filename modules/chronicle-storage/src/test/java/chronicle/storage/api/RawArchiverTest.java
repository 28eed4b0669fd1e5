package chronicle.storage.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueInfo;
import chronicle.core.api.QueueInspector;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RetentionPolicy;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.spi.TierChecksums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static chronicle.storage.api.RawQueues.append;
import static chronicle.storage.api.RawQueues.awaitSealed;
import static chronicle.storage.api.RawQueues.nanos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class RawArchiverTest {

    static final QueueOptions SMALL = QueueOptions.hotIpc().withSegmentSize(64 * 1024);

    @TempDir
    Path work;

    private Path queue() {
        return work.resolve("bus/streams/raw/binance/queue");
    }

    private Path archiveRoot() {
        return work.resolve("archive");
    }

    private RawArchiver archiver() throws IOException {
        return new RawArchiver(RawArchiverConfig.of(queue(), archiveRoot(), "binance"),
                PluginHost.of(work.resolve("no-plugins")));
    }

    private Path day(String date) {
        return archiveRoot().resolve("raw/v1/binance").resolve(date).resolve("raw");
    }

    @Test
    void shouldCopySealedSegmentsByteForByteIntoTheDateOfTheirEarliestRecordWithMeta() throws Exception {
        try (ChronicleQueue q = ChronicleQueue.open(queue(), SMALL); QueueWriter writer = q.createWriter()) {
            append(writer, nanos("2024-01-02T10:00:00Z"), 100, 200);                 // segment 0: 2024-01-02
            writer.roll();
            append(writer, nanos("2024-01-03T00:00:01Z"), 50, 200);                  // segment 1: first on the 3rd,
            writer.append(7, nanos("2024-01-02T23:59:59Z"), new byte[10]);            // but its earliest on the 2nd
            writer.roll();
            append(writer, nanos("2024-01-03T08:00:00Z"), 100, 200);                 // segment 2: 2024-01-03
            writer.roll();
            writer.roll();                                                            // segment 3: sealed, empty
            append(writer, nanos("2024-01-04T08:00:00Z"), 10, 200);                  // segment 4: active
            for (int s = 0; s <= 3; s++) {
                awaitSealed(queue(), s);
            }
            Path empty = queue().resolve("000000003.q");
            Files.setLastModifiedTime(empty, FileTime.from(Instant.parse("2023-05-06T12:00:00Z")));

            try (RawArchiver archiver = archiver()) {
                List<ArchivedSegment> done = archiver.runOnce();
                assertEquals(List.of(day("2024-01-02").resolve("000000000.q"), day("2024-01-02").resolve("000000001.q"),
                        day("2024-01-03").resolve("000000002.q"), day("2023-05-06").resolve("000000003.q")),
                        done.stream().map(ArchivedSegment::destination).toList());
                for (ArchivedSegment s : done) {
                    assertEquals(-1, Files.mismatch(s.source(), s.destination()), "byte for byte: " + s.source());
                    Path index = s.source().resolveSibling(s.source().getFileName().toString().replace(".q", ".idx"));
                    assertEquals(-1, Files.mismatch(index, s.destination().resolveSibling(index.getFileName())),
                            "the seek index beside it");
                }
                assertFalse(Files.exists(day("2024-01-04")), "the active segment is not archived");
                try (Stream<Path> all = Files.walk(archiveRoot())) {
                    assertEquals(List.of(), all.filter(p -> p.toString().endsWith(".tmp")).toList());
                }

                SegmentMeta second = SegmentMeta.read(day("2024-01-02").resolve("meta.json"));
                assertEquals("binance", second.venue());
                assertEquals(SegmentMeta.SEALED, second.completeness());
                assertEquals(new SegmentMeta.TimeRange(nanos("2024-01-02T10:00:00Z"),
                        nanos("2024-01-03T00:00:01.049Z")), second.eventTimeRange());
                assertEquals(List.of(0L, 1L), second.segments().stream().map(SegmentMeta.Segment::number).toList());
                SegmentMeta.Segment one = second.segment(1);
                assertEquals(new SegmentMeta.Segment(1, "000000001.q", 64 * 1024,
                        TierChecksums.of(queue().resolve("000000001.q")), 100, 51,
                        new SegmentMeta.TimeRange(nanos("2024-01-02T23:59:59Z"), nanos("2024-01-03T00:00:01.049Z")),
                        "000000001.idx", null, true), one);
                assertTrue(second.ingestTimeNanos() > nanos("2026-01-01T00:00:00Z"));
                SegmentMeta none = SegmentMeta.read(day("2023-05-06").resolve("meta.json"));
                assertNull(none.eventTimeRange(), "no records, no event time");
                assertEquals(0, none.segment(3).records());

                FileTime copied = Files.getLastModifiedTime(day("2024-01-02").resolve("000000000.q"));
                assertEquals(List.of(), archiver.runOnce(), "a second pass has nothing to do");
                assertEquals(copied, Files.getLastModifiedTime(day("2024-01-02").resolve("000000000.q")));
            }
            try (RawArchiver again = archiver()) {
                assertEquals(List.of(), again.runOnce(), "a rerun resumes after the last archived segment");
            }
            writer.roll();
            awaitSealed(queue(), 4);
            try (RawArchiver later = archiver()) {
                List<ArchivedSegment> done = later.runOnce();
                assertEquals(List.of(day("2024-01-04").resolve("000000004.q")),
                        done.stream().map(ArchivedSegment::destination).toList());
            }
        }
    }

    @Test
    void shouldSkipASegmentAlreadyArchivedWithTheSameBytesAndRedoATemporaryFileLeftByACrash() throws Exception {
        try (ChronicleQueue q = ChronicleQueue.open(queue(), SMALL); QueueWriter writer = q.createWriter()) {
            append(writer, nanos("2024-01-02T10:00:00Z"), 100, 200);
            writer.roll();
            append(writer, nanos("2024-01-02T11:00:00Z"), 100, 200);
            writer.roll();
            awaitSealed(queue(), 0);
            awaitSealed(queue(), 1);
            Files.createDirectories(day("2024-01-02"));
            Path kept = Files.copy(queue().resolve("000000000.q"), day("2024-01-02").resolve("000000000.q"));
            FileTime keptTime = FileTime.from(Instant.parse("2024-02-02T00:00:00Z"));
            Files.setLastModifiedTime(kept, keptTime);
            Files.writeString(day("2024-01-02").resolve("000000001.q.tmp"), "half a copy");
            Files.writeString(day("2024-01-02").resolve("meta.json.tmp"), "{\"half");
            try (RawArchiver archiver = archiver()) {
                assertEquals(2, archiver.runOnce().size());
            }
            assertEquals(keptTime, Files.getLastModifiedTime(kept), "the same bytes were there: not copied again");
            assertEquals(-1, Files.mismatch(queue().resolve("000000001.q"), day("2024-01-02").resolve("000000001.q")));
            try (Stream<Path> files = Files.list(day("2024-01-02"))) {
                assertEquals(List.of("000000000.idx", "000000000.q", "000000001.idx", "000000001.q", "meta.json"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
    }

    @Test
    void shouldNeverLetRetentionDeleteASegmentBeforeItIsArchived() throws Exception {
        QueueOptions keepTwo = SMALL.withRetention(RetentionPolicy.keepSegments(2));
        try (ChronicleQueue q = ChronicleQueue.open(queue(), keepTwo); QueueWriter writer = q.createWriter()) {
            append(writer, nanos("2024-01-02T10:00:00Z"), 10, 200);
            try (RawArchiver archiver = archiver()) {
                for (int s = 0; s < 6; s++) {
                    writer.roll();
                    append(writer, nanos("2024-01-02T11:00:00Z") + s * 1_000_000_000L, 10, 200);
                }
                for (int s = 0; s < 6; s++) {
                    awaitSealed(queue(), s);
                }
                q.applyRetention();
                for (int s = 0; s < 6; s++) {
                    assertTrue(Files.exists(queue().resolve(String.format("%09d.q", s))),
                            "registered before anything was archived: all kept " + s);
                }

                assertEquals(6, archiver.runOnce().size());
                for (int s = 6; s < 9; s++) {
                    writer.roll();
                    awaitSealed(queue(), s);
                }
                q.applyRetention(); // the writer's helper may have run it at the rolls already
                for (int s = 0; s <= 5; s++) {
                    assertFalse(Files.exists(queue().resolve(String.format("%09d.q", s))), "archived, so let go: " + s);
                    assertTrue(Files.exists(day("2024-01-02").resolve(String.format("%09d.q", s))), "archived " + s);
                }
                for (int s = 6; s <= 8; s++) {
                    assertTrue(Files.exists(queue().resolve(String.format("%09d.q", s))),
                            "sealed, beyond the two to keep, but not archived: kept " + s);
                    assertFalse(Files.exists(day("2024-01-02").resolve(String.format("%09d.q", s))));
                }
            }
        }
    }

    @Test
    void shouldRegisterOnAQueueThatHadNoSegmentYetOnceItHasOne() throws Exception {
        ChronicleQueue.open(queue(), SMALL).close();
        try (RawArchiver archiver = archiver()) {
            assertEquals(List.of(), archiver.runOnce());
            try (ChronicleQueue q = ChronicleQueue.open(queue(), SMALL); QueueWriter writer = q.createWriter()) {
                append(writer, nanos("2024-01-02T10:00:00Z"), 10, 200);
                assertEquals(List.of(), archiver.runOnce(), "nothing sealed yet");
                QueueInfo.Reader registered = QueueInspector.inspect(queue()).readers().stream()
                        .filter(r -> r.name().equals(RawArchiver.READER_NAME)).findFirst().orElseThrow();
                assertTrue(registered.committed() && registered.segment() == 0, "protects segment 0: " + registered);
                writer.roll();
                awaitSealed(queue(), 0);
                assertEquals(List.of(day("2024-01-02").resolve("000000000.q")),
                        archiver.runOnce().stream().map(ArchivedSegment::destination).toList());
            }
        }
    }

    @Test
    void shouldRefuseBadInputWithOneLineAndWriteNothing() throws Exception {
        PluginHost none = PluginHost.of(work.resolve("no-plugins"));
        Path missing = work.resolve("missing");
        assertEquals("source " + missing + " does not exist", assertThrows(IOException.class,
                () -> new RawArchiver(RawArchiverConfig.of(missing, archiveRoot(), "binance"), none)).getMessage());
        Path notQueue = Files.createDirectories(work.resolve("plain"));
        assertEquals("source " + notQueue + " is not a queue (no queue.ctl in it)", assertThrows(IOException.class,
                () -> new RawArchiver(RawArchiverConfig.of(notQueue, archiveRoot(), "binance"), none)).getMessage());
        assertFalse(Files.exists(archiveRoot()), "nothing created for a bad source");
        assertEquals("venue name '..' is not allowed: it would leave its directory", assertThrows(
                IllegalArgumentException.class, () -> RawArchiverConfig.of(queue(), archiveRoot(), "..")).getMessage());
        try (ChronicleQueue q = ChronicleQueue.open(queue(), SMALL); QueueWriter writer = q.createWriter()) {
            append(writer, nanos("2024-01-02T10:00:00Z"), 10, 200);
        }
        Path file = Files.writeString(work.resolve("a-file"), "x");
        String message = assertThrows(IOException.class, () -> new RawArchiver(RawArchiverConfig.of(queue(),
                file.resolve("archive"), "binance"), none)).getMessage();
        assertTrue(message.startsWith("archive root " + file.resolve("archive") + " is not writable: "), message);
        assertFalse(message.contains("\n"));
        String noZstd = assertThrows(IOException.class, () -> new RawArchiver(new RawArchiverConfig(queue(),
                archiveRoot(), "binance", true, false, 100), none)).getMessage();
        assertEquals("compression needs the seekable compressor \"zstd\", which is not installed (see chronicle "
                + "plugins)", noZstd);
        assertFalse(Files.exists(queue().resolve("readers/raw-archiver.pos")), "not registered by a refused start");
    }
}
