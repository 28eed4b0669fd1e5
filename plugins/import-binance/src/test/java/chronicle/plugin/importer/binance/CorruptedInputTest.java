package chronicle.plugin.importer.binance;

import chronicle.ingest.api.ImportResult;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.ArchiveImport;
import chronicle.ingest.testing.Damage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged copies of the real cryptofeed websocket capture (with its REST capture) through the real import pipeline
 * into an archive on disk: each damaged line is rejected with one {@code file:line: reason} and nothing published
 * (under {@code --on-error fail}), or skipped with a gap marker (under {@code gap}); a deleted message becomes a
 * SEQUENCE_BREAK gap marker, as Binance's update ids tell.
 */
@Timeout(60)
class CorruptedInputTest {

    @TempDir
    Path dir;

    static Stream<Damage> damages() {
        return Stream.of(
                Damage.truncatedLine(4),
                Damage.garbageLine(15), // another symbol's line
                Damage.cutInLastLine(266),
                new Damage("an extra receive-time column", copy -> copy.editLine(5,
                        line -> line.substring(0, line.indexOf(": ") + 2) + line), 5),
                new Damage("a missing field", copy -> copy.editLine(3, line -> line.replace("\"U\":499869753,", "")),
                        3),
                new Damage("a bad number", copy -> copy.editLine(3, line -> line.replace("0.35170000", "0.35l70000")),
                        3));
    }

    private ArchiveImport archive(String name) {
        return new ArchiveImport(dir.resolve(name), new BinanceAdapter(), "binance", "NKNUSDT", "book");
    }

    private Path damagedWs(Damage damage) throws IOException {
        return damage.applyTo(BinanceRun.ws(), Files.createDirectories(dir.resolve("input")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void shouldRejectTheDamageNamingItsLineOrSkipItWithAGap(Damage damage) throws IOException {
        Path ws = damagedWs(damage);
        archive("archives").assertRejectedOrSkippedAt(List.of(BinanceRun.http(), ws), ws, damage.line());
    }

    @Test
    void shouldWriteAGapMarkerForADeletedMessage() throws IOException {
        // line 4 holds the diff U=499869755 u=499869757; once deleted, line 4 holds the next one (U=499869758)
        Path ws = damagedWs(Damage.deletedLine(4));
        ArchiveImport archive = archive("archive");
        ImportResult result = archive.assertGapAt(archive.run(List.of(BinanceRun.http(), ws), OnError.FAIL), ws,
                4);
        assertEquals(1, result.gaps());
        assertTrue(result.gapNotes().getFirst().contains("expected U=499869755, got U=499869758"),
                result.gapNotes().toString());
    }
}
