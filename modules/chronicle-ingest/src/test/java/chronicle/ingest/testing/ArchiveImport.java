package chronicle.ingest.testing;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.ingest.api.ImportJob;
import chronicle.ingest.api.ImportLedger;
import chronicle.ingest.api.ImportPipeline;
import chronicle.ingest.api.ImportProgress;
import chronicle.ingest.api.ImportResult;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.spi.VendorAdapter;
import chronicle.protocol.api.MessageType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs an adapter through the real {@link ImportPipeline} into a real archive on disk, and checks what the archive
 * holds afterwards: the queue published and its records, or nothing at all.
 */
public final class ArchiveImport {

    /** What an import did. */
    public sealed interface Outcome permits Published, Failed {
    }

    /**
     * The import was published.
     *
     * @param result the pipeline's result.
     */
    public record Published(ImportResult result) implements Outcome {
    }

    /**
     * The import failed.
     *
     * @param error what the pipeline threw.
     */
    public record Failed(IOException error) implements Outcome {
    }

    private final Path archive;
    private final VendorAdapter adapter;
    private final String venue;
    private final String symbol;
    private final String stream;

    /**
     * @param archive the archive root (need not exist).
     * @param adapter the vendor's adapter.
     * @param venue   venue name.
     * @param symbol  the symbol.
     * @param stream  book, trades or quotes.
     */
    public ArchiveImport(Path archive, VendorAdapter adapter, String venue, String symbol, String stream) {
        this.archive = archive;
        this.adapter = adapter;
        this.venue = venue;
        this.symbol = symbol;
        this.stream = stream;
    }

    /**
     * @param root another archive root.
     * @return the same import into that archive.
     */
    public ArchiveImport at(Path root) {
        return new ArchiveImport(root, adapter, venue, symbol, stream);
    }

    /** @return the archive root. */
    public Path archive() {
        return archive;
    }

    /**
     * Imports plain (uncompressed) inputs.
     *
     * @param inputs  the files.
     * @param onError what bad input does.
     * @return what happened.
     */
    public Outcome run(List<Path> inputs, OnError onError) {
        ImportJob job = new ImportJob(adapter.name(), inputs, archive, venue, symbol, null, stream, onError, false);
        try {
            return new Published(new ImportPipeline(Files::newInputStream).run(job, adapter, "test",
                    ImportProgress.NONE));
        } catch (IOException e) {
            return new Failed(e);
        }
    }

    /**
     * Imports damaged inputs twice, into the archives {@code fail} and {@code gap} under this one's root: under
     * {@code OnError.FAIL} the import must be rejected at the damage with nothing published
     * ({@link #assertRejectedAt}), under {@code OnError.GAP} published with a gap marker at it ({@link #assertGapAt}).
     *
     * @param inputs the inputs, one of them damaged.
     * @param file   the damaged input.
     * @param line   the line the adapter must name.
     */
    public void assertRejectedOrSkippedAt(List<Path> inputs, Path file, long line) {
        ArchiveImport failing = at(archive.resolve("fail"));
        failing.assertRejectedAt(failing.run(inputs, OnError.FAIL), file, line);
        ArchiveImport gapping = at(archive.resolve("gap"));
        gapping.assertGapAt(gapping.run(inputs, OnError.GAP), file, line);
    }

    /**
     * Asserts that an import was rejected for bad input at a place, with one line, and that nothing was published.
     *
     * @param outcome what the import did.
     * @param file    the input at fault.
     * @param line    the line at fault.
     * @return the message.
     */
    public String assertRejectedAt(Outcome outcome, Path file, long line) {
        if (!(outcome instanceof Failed(IOException error))) {
            fail("accepted, expected a rejection at " + file + ":" + line + ": " + outcome);
            return null;
        }
        ImportException e = assertInstanceOf(ImportException.class, error, error.toString());
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ":" + line + ": "), message);
        assertEquals(file, e.file(), message);
        assertEquals(line, e.line(), message);
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertNothingPublished();
        return message;
    }

    /**
     * Asserts that an import skipped bad input at a place with a gap marker (under {@code OnError.GAP}, or where
     * the format's rule makes the damage a gap): published, the gap listed with its {@code file:line} note, and a
     * {@code GAP} record in the queue on disk.
     *
     * @param outcome what the import did.
     * @param file    the input at fault.
     * @param line    the line at fault.
     * @return the result.
     */
    public ImportResult assertGapAt(Outcome outcome, Path file, long line) {
        ImportResult result = published(outcome);
        String where = file + ":" + line + ": ";
        assertTrue(result.gapNotes().stream().anyMatch(note -> note.startsWith(where)),
                "a gap noted at " + where + " in " + result.gapNotes());
        assertEquals(List.of(result.queue()), publishedQueues());
        assertTrue(recordTypes(result.queue()).contains(MessageType.GAP), "a GAP record on disk");
        return result;
    }

    /**
     * @param outcome what the import did.
     * @return the result of a published import (fails the test otherwise).
     */
    public static ImportResult published(Outcome outcome) {
        if (outcome instanceof Failed(IOException error)) {
            fail("rejected, expected a published import: " + error.getMessage(), error);
        }
        return ((Published) outcome).result();
    }

    /** Asserts that the archive holds no queue (outside the staging area), no ledger and no staging left over. */
    public void assertNothingPublished() {
        assertEquals(List.of(), publishedQueues(), "no queue published");
        assertFalse(Files.exists(new ImportLedger(archive).file()), "nothing recorded in the ledger");
        Path staging = archive.resolve(".staging");
        if (Files.isDirectory(staging)) {
            try (Stream<Path> left = Files.list(staging)) {
                assertEquals(List.of(), left.toList(), "no staging left behind");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return every queue directory of the archive outside its staging area. */
    public List<Path> publishedQueues() {
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(archive)) {
            return all.filter(p -> p.getFileName().toString().equals("queue") && Files.isDirectory(p))
                    .filter(p -> !archive.relativize(p).startsWith(".staging")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param queue a published queue.
     * @return the message types of its records, in order, as read back from disk.
     */
    public static List<MessageType> recordTypes(Path queue) {
        List<MessageType> types = new ArrayList<>();
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            while (reader.poll((type, sequence, timestamp, buffer, offset, length) ->
                    types.add(MessageType.of(type)), 1000) > 0) {
                // until the end
            }
        }
        return types;
    }
}
