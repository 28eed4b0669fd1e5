package chronicle.core.api;

/**
 * Where the writer's helper duties run: preparing the next segment, pre-touching pages ahead of the writer,
 * finishing rolls (seal, index, unmap), retention, and write-back or periodic sync.
 *
 * <p>The duties are Agrona {@link org.agrona.concurrent.Agent}s composed into one, run like Aeron runs its media
 * driver's agents: on a dedicated thread, or by the application itself.
 */
public enum HelperMode {

    /**
     * A dedicated daemon thread (Agrona {@link org.agrona.concurrent.AgentRunner}) in {@code SCHED_IDLE} runs the
     * duties. The writer's thread does nothing but append; costs a third runnable thread, which on a machine with as
     * many busy-spinning threads as cores shows in the latency tail.
     */
    THREAD,

    /**
     * No thread: the application calls {@link QueueWriter#helperInvoker()}{@code .invoke()} from the writer's
     * thread, in its idle loop, as Aeron's invoker mode runs the driver's agents. Each call does one small bounded
     * slice of work (a page of pre-touch, one roll step), so it fits between records. No third thread competes with
     * a busy-spinning writer and reader; the application must call it regularly, or nothing is prepared, pre-touched
     * or deleted by retention (a roll then creates its segment itself, and finishes old rolls in place once 64 are
     * pending).
     */
    INVOKER
}
