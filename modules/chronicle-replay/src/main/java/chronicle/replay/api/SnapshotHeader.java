package chronicle.replay.api;

import chronicle.protocol.api.BookMode;

import java.nio.file.Path;

/**
 * The header of a snapshot file: which market, taken where in the stream, with which codec (layout in
 * {@link SnapshotStore}).
 *
 * @param file              the snapshot file.
 * @param codec             the codec's name ({@code l2}, {@code l3}).
 * @param venueId           venue id.
 * @param marketId          market id.
 * @param mode              the book's mode.
 * @param priceExponent     price exponent of the book.
 * @param sizeExponent      size exponent of the book.
 * @param sequence          journal sequence of the last record applied before the snapshot.
 * @param timestamp         that record's journal timestamp, epoch ns.
 * @param exchangeTimestamp its exchange timestamp.
 * @param ingestTimestamp   its ingest timestamp.
 * @param updateId          the venue's last update id then.
 * @param bodyLength        bytes of encoded state.
 */
public record SnapshotHeader(Path file, String codec, int venueId, long marketId, BookMode mode, int priceExponent,
                             int sizeExponent, long sequence, long timestamp, long exchangeTimestamp,
                             long ingestTimestamp, long updateId, int bodyLength) {
}
