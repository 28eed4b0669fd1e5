package chronicle.framework.api;

/**
 * Who may read and write a strategy's order queues: orders are the one stream where a stranger must not write.
 * {@link #ownerOnly()} makes the strategy's directory {@code 0700} and its files {@code 0600}; {@link #group} makes
 * them {@code 0770} / {@code 0660} with that group, for a router that runs as another user of the group. The router
 * is given the same setting and refuses a queue that allows more.
 *
 * @param group the group that may also read and write, or null for the owner only.
 */
public record QueueAccess(String group) {

    /**
     * @throws IllegalArgumentException if the group name is blank.
     */
    public QueueAccess {
        if (group != null && group.isBlank()) {
            throw new IllegalArgumentException("group name is blank: give a group, or none for owner-only access");
        }
    }

    /** @return owner-only access. */
    public static QueueAccess ownerOnly() {
        return new QueueAccess(null);
    }

    /**
     * @param name a group of this system.
     * @return owner and group access.
     */
    public static QueueAccess group(String name) {
        return new QueueAccess(name);
    }

    /** @return whether a group may write too. */
    public boolean hasGroup() {
        return group != null;
    }

    @Override
    public String toString() {
        return group == null ? "owner only" : "owner and group " + group;
    }
}
