package chronicle.ingest.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of every import into an archive: {@code <archive-root>/imports/ledger.jsonl}, one JSON object per
 * line ({@link LedgerEntry}). Rewritten atomically (temporary file, rename) so a crash never leaves half a line.
 */
public final class ImportLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /**
     * @param archiveRoot the archive root.
     */
    public ImportLedger(Path archiveRoot) {
        this.file = archiveRoot.resolve("imports").resolve("ledger.jsonl");
    }

    /** @return the ledger file. */
    public Path file() {
        return file;
    }

    /** @return every entry, oldest first. */
    public List<LedgerEntry> entries() {
        List<LedgerEntry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(JSON.readValue(line, LedgerEntry.class));
                }
            }
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable import ledger: " + e.getMessage(), e);
        }
        return entries;
    }

    /**
     * Adds an entry, replacing an earlier entry for the same queue (a forced re-import).
     *
     * @param entry the import.
     */
    public void add(LedgerEntry entry) {
        List<LedgerEntry> entries = new ArrayList<>(entries());
        entries.removeIf(e -> e.queue().equals(entry.queue()));
        entries.add(entry);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "ledger", ".tmp");
            StringBuilder text = new StringBuilder();
            for (LedgerEntry e : entries) {
                text.append(JSON.writeValueAsString(e)).append('\n');
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the import ledger: " + e.getMessage(), e);
        }
    }
}
