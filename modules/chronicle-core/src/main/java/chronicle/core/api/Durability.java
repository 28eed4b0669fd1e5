package chronicle.core.api;

/**
 * When appended records reach the storage device. Every mode survives a crash of the writing process (SIGKILL,
 * OOM kill, JVM crash): records live in the kernel's page cache the moment they are committed, and recovery keeps
 * every whole record. The modes differ in what survives a power loss or kernel crash.
 */
public enum Durability {

    /**
     * Page cache only; the kernel writes back in its own time (typically within 30 s). Power loss may lose the
     * records of the last seconds; recovery discards any torn record by its CRC. Fastest: the hot IPC default.
     */
    PAGE_CACHE,

    /**
     * Like {@link #PAGE_CACHE}, and every segment and its index are synced to the device when the segment is
     * sealed. Power loss may lose records of the active segment only. The archive default.
     */
    SYNC_ON_ROLL,

    /**
     * Like {@link #SYNC_ON_ROLL}, and a background thread syncs the active segment every
     * {@link QueueOptions#syncIntervalMillis()}: power loss loses at most about that much time.
     */
    SYNC_PERIODIC,

    /**
     * Every append is synced before it returns ({@code msync}): power loss loses no record whose append returned.
     * Costs a device flush per record (about 0.3-0.8 ms on the machines here).
     */
    SYNC_EVERY_APPEND
}
