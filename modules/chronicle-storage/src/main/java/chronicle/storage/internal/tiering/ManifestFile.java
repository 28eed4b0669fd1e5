package chronicle.storage.internal.tiering;

import chronicle.storage.api.ManifestException;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON of a manifest file (version 1):
 * <pre>{@code
 * { "format": "chronicle-manifest", "version": 1,
 *   "venue": "kraken", "symbol": "XBT/USD", "date": "2023-11-14", "stream": "book",
 *   "segments": [ { "segment": 0, "tier": "cold", "key": "kraken/XBT%2FUSD/2023-11-14/book/000000000.q.zst", ... } ] }
 * }</pre>
 */
public final class ManifestFile {

    /** The value of {@code "format"}. */
    public static final String FORMAT = "chronicle-manifest";
    /** The version written and read. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestFile() {
    }

    /**
     * A manifest file's fields.
     *
     * @param format   always {@value #FORMAT}.
     * @param version  the format version.
     * @param venue    the venue.
     * @param symbol   the symbol.
     * @param date     the day, ISO.
     * @param stream   the stream.
     * @param segments the segment entries.
     */
    public record Json(String format, int version, String venue, String symbol, String date, String stream,
                       List<SegmentLocation> segments) {
    }

    /**
     * What a manifest file holds.
     *
     * @param day      its stream day.
     * @param segments its entries.
     */
    public record Content(StreamDay day, List<SegmentLocation> segments) {
    }

    /**
     * @param file a manifest file.
     * @return its content.
     * @throws ManifestException naming the file when it cannot be read, is damaged or of another version.
     */
    public static Content read(Path file) {
        Json json;
        try {
            json = MAPPER.readValue(file.toFile(), Json.class);
        } catch (JsonProcessingException e) {
            throw new ManifestException(file + ": not a readable manifest (" + e.getOriginalMessage()
                    + "); restore it from a backup, or move it away and let `chronicle tier-manager` register the "
                    + "hot segments again", e);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (json == null || !FORMAT.equals(json.format())) {
            throw new ManifestException(file + ": not a Chronicle manifest (no \"format\": \"" + FORMAT + "\")");
        }
        if (json.version() != VERSION) {
            throw new ManifestException(file + ": manifest version " + json.version() + " is not supported (this "
                    + "build reads version " + VERSION + "); use a matching Chronicle version");
        }
        try {
            StreamDay day = new StreamDay(json.venue(), json.symbol(), LocalDate.parse(json.date()), json.stream());
            return new Content(day, json.segments() == null ? List.of() : json.segments());
        } catch (RuntimeException e) {
            throw new ManifestException(file + ": bad stream day in the manifest: " + e.getMessage(), e);
        }
    }

    /**
     * @param day      the stream day.
     * @param segments its entries.
     * @return the file's bytes.
     */
    public static byte[] write(StreamDay day, List<SegmentLocation> segments) {
        try {
            return MAPPER.writeValueAsBytes(new Json(FORMAT, VERSION, day.venue(), day.symbol(), day.date().toString(),
                    day.stream(), segments));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest of " + day + " cannot be written as JSON", e);
        }
    }
}
