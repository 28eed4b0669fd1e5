package chronicle.storage.spi;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One configured tier: a place where sealed segments, their indexes and metadata are stored as objects under
 * keys such as {@code kraken/XBT%2FUSD/2023-11-14/book/000000003.q.zst}.
 *
 * <p>Keys are relative, {@code /}-separated, made of encoded names; {@link TierKeys#check} rejects anything that
 * could leave the tier's root. Every operation is idempotent, as tiering's crash recovery repeats the step a
 * process was killed in:
 * <ul>
 *   <li>{@link #put}: a reader sees either no object or the whole object, never part of one; putting the same
 *       bytes again succeeds.</li>
 *   <li>{@link #delete}: deleting an absent object succeeds.</li>
 * </ul>
 *
 * <p><b>Thread safety:</b> implementations are safe for concurrent use.
 */
public interface TierStore extends Closeable {

    /**
     * The tier's name in the configuration.
     *
     * @return for example {@code cold}.
     */
    String name();

    /**
     * Stores a local file under a key, atomically for readers.
     *
     * @param key    the object key.
     * @param source the file; left in place unless {@code mayMove} allows a same-file-system rename.
     * @param mayMove whether the store may take the file itself (a rename) instead of copying it.
     * @return the stored object's size and checksum.
     * @throws IOException with a one-line message naming the tier and the key if it fails; no partial object is
     *                     visible afterwards.
     */
    ObjectStat put(String key, Path source, boolean mayMove) throws IOException;

    /**
     * Opens an object for ranged reads.
     *
     * @param key the object key.
     * @return a reader of its bytes.
     * @throws java.nio.file.NoSuchFileException naming the location if there is no such object.
     * @throws IOException                       if the tier cannot be reached.
     */
    RangeReader open(String key) throws IOException;

    /**
     * What the tier knows of an object.
     *
     * @param key the object key.
     * @return its size and checksum, or empty if there is no such object.
     * @throws IOException if the tier cannot be reached.
     */
    Optional<ObjectStat> stat(String key) throws IOException;

    /**
     * The objects whose keys start with a prefix, in key order.
     *
     * @param prefix a key prefix, for example {@code kraken/XBT%2FUSD/}; empty for all.
     * @return their stats (checksums may be null when listing does not give them).
     * @throws IOException if the tier cannot be reached.
     */
    List<ObjectStat> list(String prefix) throws IOException;

    /**
     * Deletes an object; deleting an absent object is not an error.
     *
     * @param key the object key.
     * @return whether an object was there.
     * @throws IOException if the tier cannot be reached.
     */
    boolean delete(String key) throws IOException;

    /**
     * Where an object lives, for messages and the manifest: a path or a URL, never a credential.
     *
     * @param key the object key.
     * @return for example {@code /mnt/warm/kraken/...} or {@code s3://bucket/prefix/kraken/...}.
     */
    String location(String key);
}
