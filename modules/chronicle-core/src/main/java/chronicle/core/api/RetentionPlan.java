package chronicle.core.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What a retention pass would do to a queue now, without doing it (see {@link QueueInspector#planRetention}).
 *
 * @param policy         the policy planned for.
 * @param deletable      segment files the pass would delete (with their index files), oldest first.
 * @param deletableBytes their total size.
 * @param heldBack       the segment the policy wants to delete next but may not, if any (at most one: retention
 *                       deletes in order and stops there).
 * @param heldBackReason why, in words (empty if nothing is held back).
 */
public record RetentionPlan(RetentionPolicy policy, List<Path> deletable, long deletableBytes, List<Path> heldBack,
                            String heldBackReason) {

    /** Copies the lists. */
    public RetentionPlan {
        deletable = List.copyOf(deletable);
        heldBack = List.copyOf(heldBack);
    }
}
