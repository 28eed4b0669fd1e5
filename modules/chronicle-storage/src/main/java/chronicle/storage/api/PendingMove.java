package chronicle.storage.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A move of one segment between tiers, recorded in the manifest before each step so that a process killed at any
 * point is finished or rolled back by the next run of the {@link TierManager}:
 * <pre>
 *   COPY_STARTED ──(copy put and its checksum verified)──▶ COPY_VERIFIED ──▶ SOURCE_DELETE_STARTED ──▶ done
 *        │                                                                                  (entry moves tier)
 *        └── killed here: the next run deletes whatever part of the copy exists and forgets the move
 * </pre>
 * The source is deleted only after the copy is verified; from {@code COPY_VERIFIED} on, the next run finishes.
 *
 * @param to          the target tier.
 * @param key         the segment object's key there.
 * @param indexKey    its seek index's key there, or null.
 * @param location    the target's path or URL, for people.
 * @param compression the compressor applied on the way, or null.
 * @param state       the step reached.
 * @param size        bytes of the verified copy (0 before {@code COPY_VERIFIED}).
 * @param checksum    CRC32C of the verified copy (null before {@code COPY_VERIFIED}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PendingMove(String to, String key, String indexKey, String location, String compression, State state,
                          long size, String checksum) {

    /** The steps of a move. */
    public enum State {
        /** The copy may be partly written: roll back. */
        COPY_STARTED,
        /** The copy is whole and verified; the source is still there: finish. */
        COPY_VERIFIED,
        /** The source may be partly deleted: finish. */
        SOURCE_DELETE_STARTED
    }

    /**
     * @param next the next step.
     * @return this move at that step.
     */
    public PendingMove at(State next) {
        return new PendingMove(to, key, indexKey, location, compression, next, size, checksum);
    }

    /**
     * @param copiedSize     bytes of the copy.
     * @param copiedChecksum CRC32C of the copy.
     * @return this move with its copy verified.
     */
    public PendingMove verified(long copiedSize, String copiedChecksum) {
        return new PendingMove(to, key, indexKey, location, compression, State.COPY_VERIFIED, copiedSize,
                copiedChecksum);
    }
}
