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
 * @param readerVerdicts the verdict on every registered reader that has committed a position, in words: whether
 *                       it protects its segments and why (for example "reader 'x' is dead (pid 123 gone, last
 *                       heartbeat 400 s ago): no longer protects its segments").
 */
public record RetentionPlan(RetentionPolicy policy, List<Path> deletable, long deletableBytes, List<Path> heldBack,
                            String heldBackReason, List<String> readerVerdicts) {

    /** Copies the lists. */
    public RetentionPlan {
        deletable = List.copyOf(deletable);
        heldBack = List.copyOf(heldBack);
        readerVerdicts = List.copyOf(readerVerdicts);
    }
}
