package chronicle.storage.internal.raw;

import chronicle.storage.api.SegmentMeta;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SegmentMeta} to and from JSON through Jackson's tree model, field by field, so the file's names are fixed
 * here and every error names the file and the field.
 */
public final class SegmentMetaJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SegmentMetaJson() {
    }

    /**
     * @param meta the metadata.
     * @return its JSON text, UTF-8, ending in a newline.
     * @throws IOException if it cannot be encoded.
     */
    public static byte[] bytes(SegmentMeta meta) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", SegmentMeta.FORMAT);
        root.put("version", SegmentMeta.VERSION);
        root.put("venue", meta.venue());
        root.put("ingest_time_ns", meta.ingestTimeNanos());
        putRange(root, meta.eventTimeRange());
        root.put("completeness", meta.completeness());
        ArrayNode segments = root.putArray("segments");
        for (SegmentMeta.Segment s : meta.segments()) {
            ObjectNode node = segments.addObject();
            node.put("number", s.number());
            node.put("file", s.file());
            node.put("size", s.size());
            node.put("checksum", s.checksum());
            node.put("base_sequence", s.baseSequence());
            node.put("records", s.records());
            putRange(node, s.eventTimeRange());
            node.put("index", s.index());
            node.put("compressed", s.compressed());
            node.put("retained", s.retained());
        }
        byte[] text = JSON.writeValueAsBytes(root);
        byte[] withNewline = java.util.Arrays.copyOf(text, text.length + 1);
        withNewline[text.length] = '\n';
        return withNewline;
    }

    /**
     * @param file a {@code meta.json}.
     * @return its content.
     * @throws IOException with one line naming the file and the field.
     */
    public static SegmentMeta read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        Fields f = new Fields(file);
        String format = f.text(root, "format");
        if (!SegmentMeta.FORMAT.equals(format)) {
            throw new IOException(file + ": field \"format\" is \"" + format + "\", not \"" + SegmentMeta.FORMAT
                    + "\": not a segment metadata file");
        }
        long version = f.number(root, "version");
        if (version != SegmentMeta.VERSION) {
            throw new IOException(file + ": segment metadata version " + version + " is not supported (this build "
                    + "reads version " + SegmentMeta.VERSION + "); use a matching Chronicle version");
        }
        List<SegmentMeta.Segment> segments = new ArrayList<>();
        JsonNode list = root.get("segments");
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": field \"segments\" is missing or not an array");
        }
        for (JsonNode s : list) {
            segments.add(new SegmentMeta.Segment(f.number(s, "number"), f.text(s, "file"), f.number(s, "size"),
                    f.text(s, "checksum"), f.number(s, "base_sequence"), f.number(s, "records"), f.range(s),
                    f.optionalText(s, "index"), f.optionalText(s, "compressed"), f.bool(s, "retained")));
        }
        return new SegmentMeta(f.text(root, "venue"), f.number(root, "ingest_time_ns"), f.range(root),
                f.text(root, "completeness"), segments);
    }

    private static void putRange(ObjectNode node, SegmentMeta.TimeRange range) {
        if (range == null) {
            node.putNull("event_time_range");
        } else {
            node.putArray("event_time_range").add(range.firstNanos()).add(range.lastNanos());
        }
    }

    /** Reads fields, naming the file and the field in every error. */
    private record Fields(Path file) {

        private JsonNode field(JsonNode node, String name) throws IOException {
            JsonNode value = node.get(name);
            if (value == null) {
                throw new IOException(file + ": field \"" + name + "\" is missing");
            }
            return value;
        }

        String text(JsonNode node, String name) throws IOException {
            JsonNode value = field(node, name);
            if (!value.isTextual()) {
                throw new IOException(file + ": field \"" + name + "\" must be a string, not " + value);
            }
            return value.asText();
        }

        String optionalText(JsonNode node, String name) throws IOException {
            JsonNode value = field(node, name);
            return value.isNull() ? null : text(node, name);
        }

        long number(JsonNode node, String name) throws IOException {
            JsonNode value = field(node, name);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new IOException(file + ": field \"" + name + "\" must be a whole number, not " + value);
            }
            return value.asLong();
        }

        boolean bool(JsonNode node, String name) throws IOException {
            JsonNode value = field(node, name);
            if (!value.isBoolean()) {
                throw new IOException(file + ": field \"" + name + "\" must be true or false, not " + value);
            }
            return value.asBoolean();
        }

        SegmentMeta.TimeRange range(JsonNode node) throws IOException {
            JsonNode value = field(node, "event_time_range");
            if (value.isNull()) {
                return null;
            }
            if (!value.isArray() || value.size() != 2 || !value.get(0).isIntegralNumber()
                    || !value.get(1).isIntegralNumber()) {
                throw new IOException(file + ": field \"event_time_range\" must be null or [first_ns, last_ns], not "
                        + value);
            }
            return new SegmentMeta.TimeRange(value.get(0).asLong(), value.get(1).asLong());
        }
    }
}
