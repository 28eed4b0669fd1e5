package chronicle.bus.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numeric ids an archive gives venues and markets, which every event header carries, kept in
 * {@code <archive-root>/ids.json}: {@code {"venues":{"binance":1},"markets":{"binance/BTCUSDT":1}}}. Ids are given
 * on first use and never change; the file is rewritten atomically (temporary file and rename).
 *
 * <p><b>Not safe for two processes assigning at once</b>: imports into one archive run one at a time.
 */
public final class MarketIds {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The file's content.
     *
     * @param venues  venue name to id.
     * @param markets {@code venue/symbol} to id.
     */
    public record Table(Map<String, Integer> venues, Map<String, Long> markets) {
    }

    /**
     * A venue's and a market's ids.
     *
     * @param venueId  the venue's id.
     * @param marketId the market's id.
     */
    public record Ids(int venueId, long marketId) {
    }

    private MarketIds() {
    }

    /**
     * The ids of a venue and symbol, given now if they have none.
     *
     * @param archiveRoot the archive root.
     * @param venue       the venue's name.
     * @param symbol      the symbol as the vendor spells it.
     * @return their ids.
     */
    public static Ids assign(Path archiveRoot, String venue, String symbol) {
        Path file = archiveRoot.resolve("ids.json");
        Table table = read(file);
        Map<String, Integer> venues = new TreeMap<>(table.venues());
        Map<String, Long> markets = new TreeMap<>(table.markets());
        int venueId = venues.computeIfAbsent(venue, v -> venues.values().stream().mapToInt(Integer::intValue).max()
                .orElse(0) + 1);
        String key = venue + "/" + symbol;
        long marketId = markets.computeIfAbsent(key, k -> markets.values().stream().mapToLong(Long::longValue).max()
                .orElse(0) + 1);
        if (!venues.equals(table.venues()) || !markets.equals(table.markets())) {
            try {
                Files.createDirectories(archiveRoot);
                Path tmp = Files.createTempFile(archiveRoot, "ids", ".tmp");
                JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new Table(venues, markets));
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot write ids", e);
            }
        }
        return new Ids(venueId, marketId);
    }

    /**
     * @param file an {@code ids.json}.
     * @return its table (empty if the file does not exist).
     */
    public static Table read(Path file) {
        try {
            Table t = JSON.readValue(file.toFile(), Table.class);
            return new Table(t.venues() == null ? Map.of() : t.venues(), t.markets() == null ? Map.of() : t.markets());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return new Table(Map.of(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not a valid ids file: " + e.getMessage(), e);
        }
    }
}
