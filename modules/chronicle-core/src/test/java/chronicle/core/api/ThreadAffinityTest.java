package chronicle.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class ThreadAffinityTest {

    /** Runs on a fresh thread, so the test runner's own thread keeps its CPUs. */
    private static <T> T onFreshThread(java.util.concurrent.Callable<T> task) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                result.set(task.call());
            } catch (Throwable t) {
                result.set(t);
            }
        });
        thread.join();
        if (result.get() instanceof Exception e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result.get();
        return value;
    }

    @Test
    void shouldPinTheCallingThreadToOneCpu() throws Exception {
        int[] allowed = ThreadAffinity.allowedCpus();
        assertTrue(allowed.length >= 1, "the process may run somewhere");
        int cpu = allowed[allowed.length - 1];
        int[] after = onFreshThread(() -> {
            ThreadAffinity.pinCurrentThread(cpu);
            return ThreadAffinity.allowedCpus();
        });
        assertArrayEquals(new int[] {cpu}, after);
        assertArrayEquals(allowed, ThreadAffinity.allowedCpus(), "other threads keep theirs");
    }

    @Test
    void shouldRefuseACpuThatIsNotThereWithOneLineNamingIt() {
        IllegalArgumentException offline = assertThrows(IllegalArgumentException.class,
                () -> onFreshThread(() -> {
                    ThreadAffinity.pinCurrentThread(1023);
                    return null;
                }));
        assertTrue(offline.getMessage().contains("[1023]") && offline.getMessage().contains("allowed: "),
                offline.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ThreadAffinity.pinCurrentThread(-1));
        assertTrue(negative.getMessage().contains("CPU -1"), negative.getMessage());
    }
}
