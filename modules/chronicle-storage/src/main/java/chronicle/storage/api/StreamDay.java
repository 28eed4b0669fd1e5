package chronicle.storage.api;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.Names;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One archived stream of one day: the unit the manifest indexes and tiering moves, stored at
 * {@code <archive-root>/<venue>/<symbol>/<date>/<stream>/queue} while its segments are hot.
 *
 * @param venue  the venue's name.
 * @param symbol the symbol's name.
 * @param date   the UTC day.
 * @param stream the stream's name ({@code book}, {@code trades}, ...).
 */
public record StreamDay(String venue, String symbol, LocalDate date, String stream) {

    /** Checks that every name can be stored (no name escapes its directory). */
    public StreamDay {
        Names.encode("venue", venue);
        Names.encode("symbol", symbol);
        Names.encode("stream", stream);
        if (date == null) {
            throw new IllegalArgumentException("a stream day needs a date");
        }
    }

    /**
     * @param archiveRoot the archive root.
     * @return the hot queue directory of this stream day.
     */
    public Path queueDir(Path archiveRoot) {
        return new BusLayout(archiveRoot, archiveRoot).importQueue(venue, symbol, date, stream);
    }

    /**
     * @return the relative path of this stream day's objects in every tier and of its manifest file:
     *         {@code <venue>/<symbol>/<date>/<stream>}, names encoded.
     */
    public String keyPrefix() {
        return Names.encode("venue", venue) + "/" + Names.encode("symbol", symbol) + "/" + date + "/"
                + Names.encode("stream", stream);
    }

    /** @return for messages: {@code venue/symbol/date/stream} as the user spells them. */
    @Override
    public String toString() {
        return venue + "/" + symbol + "/" + date + "/" + stream;
    }

    /**
     * Every stream day of an archive root: those with a hot queue directory and those only the manifest knows.
     *
     * @param archiveRoot the archive root.
     * @return them in the order of their key prefix.
     */
    public static List<StreamDay> discover(Path archiveRoot) {
        TreeSet<String> prefixes = new TreeSet<>();
        // <venue>/<symbol>/<date>/<stream>/queue
        walk(archiveRoot, 4, path -> Files.isDirectory(path.resolve("queue")), prefixes, "");
        // manifest/<venue>/<symbol>/<date>/<stream>.json
        Path manifests = archiveRoot.resolve(Manifest.DIRECTORY);
        walk(manifests, 4, path -> path.getFileName().toString().endsWith(Manifest.SUFFIX)
                && Files.isRegularFile(path), prefixes, Manifest.SUFFIX);
        List<StreamDay> days = new ArrayList<>();
        for (String prefix : prefixes) {
            StreamDay day = fromKeyPrefix(prefix);
            if (day != null) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * @param prefix {@code <venue>/<symbol>/<date>/<stream>} with encoded names.
     * @return the stream day, or null if the text is not one.
     */
    public static StreamDay fromKeyPrefix(String prefix) {
        String[] parts = prefix.split("/");
        if (parts.length != 4) {
            return null;
        }
        try {
            return new StreamDay(Names.decode(parts[0]), Names.decode(parts[1]), LocalDate.parse(parts[2]),
                    Names.decode(parts[3]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    private static void walk(Path root, int depth, java.util.function.Predicate<Path> leaf, TreeSet<String> out,
                             String strip) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root, depth)) {
            paths.filter(p -> root.relativize(p).getNameCount() == depth && leaf.test(p))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .map(p -> strip.isEmpty() ? p : p.substring(0, p.length() - strip.length()))
                    .filter(p -> !p.startsWith(".") && !p.startsWith("raw/") && !p.startsWith("snapshots/")
                            && !p.startsWith("imports/") && !p.startsWith(Manifest.DIRECTORY + "/"))
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot list: " + e.getMessage(), e);
        }
    }
}
