package chronicle.protocol.api;

import org.agrona.DirectBuffer;

/**
 * Renders a market-data record as one JSON object, for the command line ({@code chronicle tail}). Prices and sizes
 * are exact decimal strings. A record too short for its type renders with an {@code "error"} field rather than
 * throwing, so a damaged archive can still be inspected. Allocates: not for the hot path.
 */
public final class ProtocolJson {

    private ProtocolJson() {
    }

    /**
     * @param typeId the record's journal type id.
     * @param buffer holds the payload.
     * @param offset at which the payload begins.
     * @param length of the payload.
     * @return a JSON object, or null if the type id is not a market-data type.
     */
    public static String render(int typeId, DirectBuffer buffer, int offset, int length) {
        MessageType type = MessageType.of(typeId);
        if (type == null) {
            return null;
        }
        StringBuilder json = new StringBuilder(256).append("{\"type\":\"").append(type).append('"');
        if (length < EventHeader.LENGTH_V1) {
            return error(json, "payload of " + length + " bytes is shorter than an event header");
        }
        EventHeader header = new EventHeader().wrap(buffer, offset);
        int headerLength = header.headerLength();
        if (headerLength < EventHeader.LENGTH_V1 || headerLength > length) {
            return error(json, "header length " + headerLength + " does not fit the payload of " + length);
        }
        int pexp = header.priceExponent();
        int sexp = header.sizeExponent();
        json.append(",\"schema\":").append(header.version())
                .append(",\"venue\":").append(header.venueId())
                .append(",\"market\":").append(header.marketId())
                .append(",\"stream\":\"").append(label(StreamKind.of(header.streamCode()), header.streamCode())).append('"')
                .append(",\"event\":\"").append(label(EventType.of(header.eventCode()), header.eventCode())).append('"')
                .append(",\"mode\":\"").append(label(BookMode.of(header.bookModeCode()), header.bookModeCode())).append('"')
                .append(",\"flags\":").append(header.flags())
                .append(",\"ingest_ts\":").append(header.ingestTimestamp())
                .append(",\"exchange_ts\":").append(header.exchangeTimestamp())
                .append(",\"seq\":").append(header.sequence());
        id(json, "first_id", header.firstUpdateId());
        id(json, "last_id", header.lastUpdateId());
        id(json, "prev_id", header.prevUpdateId());
        int body = offset + headerLength;
        int bodyLength = length - headerLength;
        switch (type) {
            case L2_DIFF, L2_SNAPSHOT -> {
                L2Levels levels = new L2Levels().wrap(buffer, body);
                if (bodyLength < L2Levels.HEADER || L2Levels.length(levels.count()) > bodyLength) {
                    return error(json, "level count does not fit the payload");
                }
                json.append(",\"levels\":[");
                for (int i = 0; i < levels.count(); i++) {
                    json.append(i == 0 ? "[\"" : ",[\"")
                            .append(label(Side.of(levels.sideCode(i)), levels.sideCode(i))).append("\",\"")
                            .append(Decimals.toString(levels.price(i), pexp)).append("\",\"")
                            .append(Decimals.toString(levels.size(i), sexp)).append("\"]");
                }
                json.append(']');
            }
            case L3_EVENTS -> {
                L3Events events = new L3Events().wrap(buffer, body);
                if (bodyLength < L3Events.HEADER || L3Events.length(events.count()) > bodyLength) {
                    return error(json, "event count does not fit the payload");
                }
                json.append(",\"events\":[");
                for (int i = 0; i < events.count(); i++) {
                    json.append(i == 0 ? "{" : ",{")
                            .append("\"action\":\"").append(label(L3Action.of(events.actionCode(i)), events.actionCode(i)))
                            .append("\",\"side\":\"").append(label(Side.of(events.sideCode(i)), events.sideCode(i)))
                            .append("\",\"order_id\":").append(events.orderId(i))
                            .append(",\"price\":\"").append(Decimals.toString(events.price(i), pexp))
                            .append("\",\"size\":\"").append(Decimals.toString(events.size(i), sexp)).append('"');
                    if (events.tradeId(i) != 0) {
                        json.append(",\"trade_id\":").append(events.tradeId(i));
                    }
                    json.append('}');
                }
                json.append(']');
            }
            case TRADE -> {
                if (bodyLength < Trade.LENGTH) {
                    return error(json, "trade body too short");
                }
                Trade trade = new Trade().wrap(buffer, body);
                json.append(",\"trade_id\":").append(trade.tradeId())
                        .append(",\"price\":\"").append(Decimals.toString(trade.price(), pexp))
                        .append("\",\"size\":\"").append(Decimals.toString(trade.size(), sexp))
                        .append("\",\"aggressor\":\"").append(label(Side.of(trade.aggressorCode()), trade.aggressorCode()))
                        .append('"');
            }
            case BBO -> {
                if (bodyLength < Quote.LENGTH) {
                    return error(json, "quote body too short");
                }
                Quote quote = new Quote().wrap(buffer, body);
                json.append(",\"bid\":[\"").append(Decimals.toString(quote.bidPrice(), pexp)).append("\",\"")
                        .append(Decimals.toString(quote.bidSize(), sexp)).append("\"],\"ask\":[\"")
                        .append(Decimals.toString(quote.askPrice(), pexp)).append("\",\"")
                        .append(Decimals.toString(quote.askSize(), sexp)).append("\"]");
            }
            case GAP -> {
                if (bodyLength < Gap.HEADER) {
                    return error(json, "gap body too short");
                }
                Gap gap = new Gap().wrap(buffer, body);
                id(json, "from_id", gap.fromId());
                id(json, "to_id", gap.toId());
                json.append(",\"reason\":\"").append(label(GapReason.of(gap.reasonCode()), gap.reasonCode()))
                        .append("\",\"note\":\"").append(escape(gap.note())).append('"');
            }
            case HEARTBEAT, RESET -> {
                // header only
            }
        }
        return json.append('}').toString();
    }

    private static void id(StringBuilder json, String name, long id) {
        json.append(",\"").append(name).append("\":");
        if (id == EventHeader.NULL_ID) {
            json.append("null");
        } else {
            json.append(id);
        }
    }

    private static String label(Enum<?> value, int code) {
        if (value == null) {
            return "unknown(" + code + ")";
        }
        return value instanceof Side side ? side.label()
                : value instanceof StreamKind stream ? stream.label() : value.name();
    }

    private static String error(StringBuilder json, String message) {
        return json.append(",\"error\":\"").append(escape(message)).append("\"}").toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
