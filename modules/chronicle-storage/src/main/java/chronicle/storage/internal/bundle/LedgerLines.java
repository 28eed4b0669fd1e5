package chronicle.storage.internal.bundle;

import chronicle.storage.api.StreamDay;
import chronicle.storage.spi.DurableFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The import ledger's lines of one day ({@code <archive-root>/imports/ledger.jsonl}, one JSON object per line):
 * picked from the source archive by their {@code queue}, and added to the target's ledger after an unpack so that
 * {@code chronicle imports} lists the day there too, and importing the same inputs again is recognised.
 */
final class LedgerLines {

    /** The path of the ledger lines in the bundle. */
    static final String BUNDLE_PATH = "imports/ledger.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerLines() {
    }

    /**
     * @param archiveRoot an archive root.
     * @return its ledger file.
     */
    static Path ledger(Path archiveRoot) {
        return archiveRoot.resolve("imports").resolve("ledger.jsonl");
    }

    /**
     * Writes the ledger lines of the day's stream days into the work directory.
     *
     * @param root the source archive root.
     * @param days the stream days.
     * @param work the work directory.
     * @return the file of those lines, or null when the ledger has none.
     * @throws IOException if the ledger cannot be read.
     */
    static Path select(Path root, List<StreamDay> days, Path work) throws IOException {
        Path ledger = ledger(root);
        if (!Files.isRegularFile(ledger)) {
            return null;
        }
        List<String> suffixes = new ArrayList<>();
        for (StreamDay day : days) {
            suffixes.add("/" + day.keyPrefix() + "/queue");
        }
        List<String> picked = new ArrayList<>();
        for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
            String queue = queueOf(line);
            if (queue != null && suffixes.stream().anyMatch(("/" + queue)::endsWith)) {
                picked.add(line);
            }
        }
        if (picked.isEmpty()) {
            return null;
        }
        Path file = work.resolve("ledger.jsonl");
        Files.write(file, picked, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Adds the bundle's ledger lines the target ledger does not have yet, atomically and durably.
     *
     * @param targetRoot the target archive root.
     * @param lines      the bundle's ledger file.
     * @throws IOException if the ledger cannot be read or written (the old one stays).
     */
    static void append(Path targetRoot, Path lines) throws IOException {
        Path ledger = ledger(targetRoot);
        Set<String> all = new LinkedHashSet<>();
        if (Files.isRegularFile(ledger)) {
            all.addAll(Files.readAllLines(ledger, StandardCharsets.UTF_8));
        }
        int before = all.size();
        all.addAll(Files.readAllLines(lines, StandardCharsets.UTF_8));
        if (all.size() == before) {
            return;
        }
        DurableFiles.createDirectories(ledger.getParent());
        StringBuilder text = new StringBuilder();
        for (String line : all) {
            if (!line.isBlank()) {
                text.append(line).append('\n');
            }
        }
        DurableFiles.write(ledger, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String queueOf(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode queue = node == null ? null : node.get("queue");
            return queue == null || !queue.isTextual() ? null : queue.asText().replace('\\', '/');
        } catch (IOException e) {
            return null; // a damaged line is no line of this day; the ledger's own reader reports it
        }
    }
}
