package chronicle.replay.spi;

import chronicle.pluginhost.spi.Plugin;
import chronicle.replay.api.MarketBook;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Encodes and decodes the state of one market's book for snapshot files ({@code snapshot_<seq>.bin}, see
 * docs/FORMATS.md). Built-in providers: {@code l2} (price levels) and {@code l3} (orders with their queue
 * priority). The snapshot file's header names the codec, so any reader with the same plug-in can load it.
 *
 * <p><b>Thread safety:</b> providers are stateless and shared.
 */
public interface SnapshotCodec extends Plugin {

    /**
     * @param book a market's book.
     * @return whether this codec can capture it (an L2 codec any book's levels; an L3 codec only L3 books).
     */
    boolean supports(MarketBook book);

    /**
     * Writes the book's state.
     *
     * @param book   the book.
     * @param buffer where to write, from index 0 (it grows as needed).
     * @return bytes written.
     */
    int encode(MarketBook book, ExpandableArrayBuffer buffer);

    /**
     * Replaces a book's state with a snapshot's.
     *
     * @param buffer holds the encoded state.
     * @param offset where it begins.
     * @param length its length.
     * @param book   the book to overwrite (cleared first).
     * @throws IllegalArgumentException if the bytes are not this codec's format.
     */
    void decode(DirectBuffer buffer, int offset, int length, MarketBook book);
}
