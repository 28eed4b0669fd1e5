package chronicle.framework.internal;

import chronicle.framework.api.QueueAccess;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Tightens the process's file mode creation mask ({@code umask(2)}, through the Foreign Function and Memory API) so
 * that the files queues create after start (a writer's next segment, a reader's position file) are private too:
 * with a umask of {@code 002} they would otherwise be group-writable, and the router would refuse the queue. The mask
 * only ever gains bits: {@code 077} for owner-only access, {@code 007} with a group.
 */
public final class FileModeMask {

    private static final MethodHandle UMASK = Linker.nativeLinker().defaultLookup().find("umask")
            .map(address -> Linker.nativeLinker().downcallHandle(address,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
            .orElse(null);

    private FileModeMask() {
    }

    /**
     * @param access who may use the order queues.
     * @return the mask now in effect, or -1 where {@code umask} is not available (not Linux or another POSIX system).
     */
    public static int tighten(QueueAccess access) {
        if (UMASK == null) {
            return -1;
        }
        int required = access.hasGroup() ? 0007 : 0077;
        try {
            int old = (int) UMASK.invokeExact(required);
            int mask = old | required;
            if (mask != required) {
                int ignored = (int) UMASK.invokeExact(mask);
            }
            return mask;
        } catch (Throwable e) {
            throw new IllegalStateException("umask failed: " + e, e);
        }
    }
}
