package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.InputOpener;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.ingest.testing.TestResources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The sample files (test resources, so that the tests need nothing outside the clone) and import helpers. */
final class Fixtures {

    static final String MESSAGES = "AAPL_2012-06-21_34200000_57600000_message_10.csv";
    static final String ORDERBOOK = "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv";
    static final int VENUE = 7;
    static final long MARKET = 42;
    static final InputOpener PLAIN = Files::newInputStream;

    private Fixtures() {
    }

    /** Copies a sample file from the test resources into a folder. */
    static Path copy(Path dir, String name) {
        return copy(dir, name, name);
    }

    /** Copies a sample file from the test resources into a folder under another name. */
    static Path copy(Path dir, String name, String as) {
        return TestResources.copy(Fixtures.class.getResource("/lobster/" + name), dir, as);
    }

    /** The lines of a sample file. */
    static List<String> lines(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/lobster/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes lines (each ended by a newline) to a file of a folder. */
    static Path write(Path dir, String name, List<String> lines) {
        try {
            return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The orderbook rows as numbers; index 0 is row 1. */
    static List<long[]> orderbookRows(List<String> lines) {
        List<long[]> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(Arrays.stream(line.split(",", -1)).mapToLong(Long::parseLong).toArray());
        }
        return rows;
    }

    static ImportRequest request(List<Path> inputs, OnError onError) {
        return request(inputs, onError, PLAIN);
    }

    static ImportRequest request(List<Path> inputs, OnError onError, InputOpener opener) {
        return new ImportRequest(inputs, "nasdaq", "AAPL", "book", VENUE, MARKET, onError, opener);
    }

    /** Runs an import to the end. */
    static RecordingSink importAll(ImportRequest request) throws IOException {
        try (ImportSource source = new LobsterAdapter().open(request)) {
            return new RecordingSink().drain(source);
        }
    }
}
