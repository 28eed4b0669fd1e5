package chronicle.plugin.importer.lobster;

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

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged copies of the real LOBSTER message file (its orderbook file beside it) through the real import pipeline
 * into an archive on disk: each damage is rejected with one {@code file:line: reason} and nothing published (under
 * {@code --on-error fail}), or skipped with a gap marker (under {@code gap}); a deleted message line is found by the
 * orderbook file, which has one row per message.
 */
@Timeout(60)
class LobsterCorruptedInputTest {

    @TempDir
    Path dir;

    static Stream<Damage> damages() {
        return Stream.of(
                Damage.truncatedLine(100),
                Damage.garbageLine(200),
                Damage.cutInLastLine(500),
                new Damage("an extra column", copy -> copy.editLine(300, line -> line + ",0"), 300),
                new Damage("a missing column",
                        copy -> copy.editLine(301, line -> line.substring(0, line.lastIndexOf(','))), 301),
                new Damage("a bad number", copy -> copy.editLine(302, line -> column(line, 4, "58x3300")), 302));
    }

    /** The line with one column (0-based) replaced. */
    private static String column(String line, int index, String value) {
        String[] columns = line.split(",", -1);
        columns[index] = value;
        return String.join(",", columns);
    }

    private Path damagedMessages(Damage damage) throws IOException {
        Path input = Files.createDirectories(dir.resolve("input"));
        Fixtures.copy(input, Fixtures.ORDERBOOK);
        return damage.applyTo(Fixtures.copy(dir, Fixtures.MESSAGES), input);
    }

    private ArchiveImport archive(String name) {
        return new ArchiveImport(dir.resolve(name), new LobsterAdapter(), "nasdaq", "AAPL", "book");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void shouldRejectTheDamageNamingItsLineOrSkipItWithAGap(Damage damage) throws IOException {
        Path messages = damagedMessages(damage);
        archive("archives").assertRejectedOrSkippedAt(List.of(messages), messages, damage.line());
    }

    @Test
    void shouldFindADeletedMessageLineByTheOrderbookFile() throws IOException {
        Path messages = damagedMessages(Damage.deletedLine(250));
        Path orderbook = messages.resolveSibling(Fixtures.ORDERBOOK);

        ArchiveImport failing = archive("fail");
        String message = failing.assertRejectedAt(failing.run(List.of(messages), OnError.FAIL), orderbook, 500);
        assertTrue(message.contains("row 500 has no message: the message file ends at line 499"), message);

        ArchiveImport gapping = archive("gap");
        gapping.assertGapAt(gapping.run(List.of(messages), OnError.GAP), orderbook, 500);
    }
}
