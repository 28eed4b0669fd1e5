package chronicle.storage.internal.bundle;

import chronicle.storage.api.BundleException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first file of a day bundle, {@code bundle.json}: what the bundle holds and how to check it.
 * <pre>{@code
 * { "format": "chronicle-day-bundle", "version": 1,
 *   "venue": "kraken", "symbol": "XBT/USD", "date": "2023-11-14",
 *   "ids": { "venue": 3, "market": 12 },
 *   "streams": [ "book", "trades" ],
 *   "files": [ { "path": "day/book/queue/queue.ctl", "size": 4096, "crc32c": "41202934" }, ... ] }
 * }</pre>
 * Paths of files, in the order they follow in the tar:
 * <ul>
 *   <li>{@code day/<stream>/...}: the files under the day's directory {@code <venue>/<symbol>/<date>/} of the source
 *       archive (the queue's control file, hot segments and seek indexes, any {@code meta.json});</li>
 *   <li>{@code tiered/<stream>/<object>}: a segment or seek index that lived in a tier, as it was stored there;</li>
 *   <li>{@code manifest/<stream>.json}: the stream day's manifest in the source archive;</li>
 *   <li>{@code imports/ledger.jsonl}: the source ledger's lines of the day's imports.</li>
 * </ul>
 *
 * @param format  always {@value #FORMAT}.
 * @param version the format version, {@value #VERSION}.
 * @param venue   the venue's name.
 * @param symbol  the symbol's name.
 * @param date    the UTC day, ISO.
 * @param ids     the numeric ids the events carry, or null when the source archive has no {@code ids.json} entry.
 * @param streams the streams of the day (names as the user spells them).
 * @param files   every other file of the bundle, in tar order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(String format, int version, String venue, String symbol, String date, Ids ids,
                             List<String> streams, List<Entry> files) {

    /** The value of {@code "format"}. */
    public static final String FORMAT = "chronicle-day-bundle";
    /** The version written and read. */
    public static final int VERSION = 1;
    /** The bundle manifest's name in the tar: always its first entry. */
    public static final String NAME = "bundle.json";

    /** The largest {@code bundle.json} read: far beyond any day's file list. */
    static final int MAX_SIZE = 16 << 20;

    private static final Pattern PATH = Pattern.compile(
            "day/[^/]+(/[^/]+)+|tiered/[^/]+/[^/]+|manifest/[^/]+\\.json|imports/ledger\\.jsonl");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The numeric ids in the day's event headers.
     *
     * @param venue  the venue's id.
     * @param market the market's id.
     */
    public record Ids(int venue, long market) {
    }

    /**
     * One file of the bundle.
     *
     * @param path   its path in the tar.
     * @param size   its length in bytes.
     * @param crc32c the CRC32C of its bytes, 8 lower-case hex digits.
     */
    public record Entry(String path, long size, String crc32c) {
    }

    /** @return the JSON bytes. */
    byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bundle manifest cannot be written as JSON", e);
        }
    }

    /**
     * Parses and checks a bundle manifest.
     *
     * @param bundle the bundle file, for messages.
     * @param json   the bytes of its {@code bundle.json}.
     * @return the manifest.
     * @throws BundleException naming the bundle and what is wrong.
     */
    static BundleManifest parse(String bundle, byte[] json) {
        BundleManifest m;
        try {
            m = MAPPER.readValue(json, BundleManifest.class);
        } catch (java.io.IOException e) {
            throw new BundleException(bundle + ": " + NAME + " is not readable ("
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
                    + "); the bundle is damaged");
        }
        if (m == null || !FORMAT.equals(m.format())) {
            throw new BundleException(bundle + ": not a Chronicle day bundle (" + NAME + " has no \"format\": \""
                    + FORMAT + "\")");
        }
        if (m.version() != VERSION) {
            throw new BundleException(bundle + ": day bundle version " + m.version() + " is not supported (this "
                    + "build reads version " + VERSION + "); use a matching Chronicle version");
        }
        if (m.venue() == null || m.symbol() == null || m.date() == null || m.streams() == null || m.files() == null) {
            throw new BundleException(bundle + ": " + NAME + " lacks venue, symbol, date, streams or files; "
                    + "the bundle is damaged");
        }
        Set<String> seen = new HashSet<>();
        for (Entry e : m.files()) {
            if (e == null || e.path() == null || !safe(e.path()) || e.size() < 0 || e.crc32c() == null) {
                throw new BundleException(bundle + ": " + NAME + " lists a bad file entry " + e
                        + "; the bundle is damaged");
            }
            if (!seen.add(e.path())) {
                throw new BundleException(bundle + ": " + NAME + " lists " + e.path() + " twice; the bundle is "
                        + "damaged");
            }
        }
        return m;
    }

    /** A path stays inside its staging directory: a known area, no empty, {@code .} or {@code ..} name. */
    static boolean safe(String path) {
        if (!PATH.matcher(path).matches()) {
            return false;
        }
        for (String name : path.split("/")) {
            if (name.equals(".") || name.equals("..") || name.contains("\\")) {
                return false;
            }
        }
        return true;
    }
}
