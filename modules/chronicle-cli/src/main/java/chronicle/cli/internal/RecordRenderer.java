package chronicle.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agrona.DirectBuffer;

import java.util.HexFormat;

/**
 * Turns one record into one line of text or one JSON object, for {@code chronicle tail} (and any command that
 * prints records). A record the {@link PayloadDecoder} knows (the market-data protocol) is shown decoded; any other
 * payload as hex.
 *
 * <p>Text: {@code seq=42  time=2026-11-22T10:00:00.000000000Z  type=7  len=96  hex=0a0b...} (at most
 * {@code maxBytes} payload bytes, then {@code ...}), or the decoded event as JSON in place of the hex.
 * JSON: {@code {"seq":42,"ts":<epoch ns>,"time":"...","type":7,"length":96,"payloadHex":"..."}} with the whole
 * payload, or {@code "event":{...}} in place of {@code payloadHex} when the decoder knows the type.
 *
 * <p>With a {@link MarketLabeler}, a record of a registered market also shows the market's names: in text as
 * {@code demo BTC-USD} before the event, in JSON as {@code "venue_name"} and {@code "symbol"} fields (the event keeps
 * the numeric ids).
 *
 * <p>Not thread-safe (reuses a scratch array).
 */
final class RecordRenderer {

    /** Describes a payload in words, for the record types it knows. */
    @FunctionalInterface
    interface PayloadDecoder {

        /** Knows no type: hex only. */
        PayloadDecoder NONE = (type, buffer, offset, length) -> null;

        /**
         * @param type   the record's type id.
         * @param buffer holds the payload (valid during the call only).
         * @param offset at which the payload begins.
         * @param length of the payload.
         * @return a one-line description, or null if this decoder does not know the type.
         */
        String decode(int type, DirectBuffer buffer, int offset, int length);
    }

    /** Names the market a record belongs to. */
    @FunctionalInterface
    interface MarketLabeler {

        /** Names no market. */
        MarketLabeler NONE = (type, buffer, offset, length) -> null;

        /**
         * @param type   the record's type id.
         * @param buffer holds the payload (valid during the call only).
         * @param offset at which the payload begins.
         * @param length of the payload.
         * @return the market's names, or null if the record names no registered market.
         */
        chronicle.bus.api.MarketName nameOf(int type, DirectBuffer buffer, int offset, int length);
    }

    private static final HexFormat HEX = HexFormat.of();

    private final boolean json;
    private final int maxBytes;
    private final PayloadDecoder decoder;
    private final MarketLabeler labeler;
    private final ObjectMapper mapper = new ObjectMapper();
    private byte[] scratch = new byte[256];

    /**
     * @param json     render JSON objects instead of text.
     * @param maxBytes payload bytes shown in text (0: all); JSON always carries the whole payload.
     * @param decoder  adds readable payloads.
     */
    RecordRenderer(boolean json, int maxBytes, PayloadDecoder decoder) {
        this(json, maxBytes, decoder, MarketLabeler.NONE);
    }

    /**
     * @param json     render JSON objects instead of text.
     * @param maxBytes payload bytes shown in text (0: all); JSON always carries the whole payload.
     * @param decoder  adds readable payloads.
     * @param labeler  names the markets of records.
     */
    RecordRenderer(boolean json, int maxBytes, PayloadDecoder decoder, MarketLabeler labeler) {
        this.json = json;
        this.maxBytes = maxBytes;
        this.decoder = decoder;
        this.labeler = labeler;
    }

    /**
     * @return the record as one line (no line break).
     */
    String render(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        String decoded = decoder.decode(type, buffer, offset, length);
        chronicle.bus.api.MarketName market = decoded == null ? null : labeler.nameOf(type, buffer, offset, length);
        if (json) {
            ObjectNode node = mapper.createObjectNode();
            node.put("seq", sequence);
            node.put("ts", timestamp);
            node.put("time", Units.time(timestamp));
            node.put("type", type);
            node.put("length", length);
            if (market != null) {
                node.put("venue_name", market.venue());
                node.put("symbol", market.symbol());
            }
            if (decoded != null) {
                try {
                    node.set("event", mapper.readTree(decoded));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    node.put("event", decoded);
                }
            } else {
                node.put("payloadHex", hex(buffer, offset, length));
            }
            return node.toString();
        }
        StringBuilder line = new StringBuilder(128)
                .append("seq=").append(sequence)
                .append("  time=").append(Units.time(timestamp))
                .append("  type=").append(type)
                .append("  len=").append(length);
        if (market != null) {
            line.append("  ").append(market);
        }
        if (decoded != null) {
            return line.append("  ").append(decoded).toString();
        }
        boolean cut = maxBytes > 0 && length > maxBytes;
        line.append("  hex=").append(hex(buffer, offset, cut ? maxBytes : length));
        if (cut) {
            line.append("...");
        }
        return line.toString();
    }

    private String hex(DirectBuffer buffer, int offset, int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buffer.getBytes(offset, scratch, 0, length);
        return HEX.formatHex(scratch, 0, length);
    }
}
