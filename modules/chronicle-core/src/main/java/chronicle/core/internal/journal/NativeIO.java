package chronicle.core.internal.journal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/**
 * The few Linux system calls the journal needs and the JDK does not offer, called through the FFM API:
 * {@code posix_fallocate} (real blocks before mapping, so a full disk is an error and never a SIGBUS),
 * {@code madvise(MADV_POPULATE_WRITE)} (pre-touch pages ahead of the writer), {@code msync} (durability without
 * allocating a slice per call), {@code futex} (cross-process wake-up of parked readers) and {@code flock} (readers'
 * shared locks on the segments they map, which keep the writer from recycling them).
 *
 * <p>All methods are allocation-free except {@link #allocate}, which runs only when a segment is created.
 */
public final class NativeIO {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();

    private static final int O_RDWR = 2;
    private static final int O_CREAT = 0100;
    private static final int MADV_DONTNEED = 4;
    private static final int MADV_HUGEPAGE = 14;
    private static final int MADV_POPULATE_READ = 22;
    private static final int MADV_POPULATE_WRITE = 23;
    private static final int MS_SYNC = 4;
    private static final long SYS_FUTEX = 202; // x86_64
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final long PAGE = 4096;

    private static final MethodHandle OPEN = handle("open", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), 2);
    private static final MethodHandle CLOSE = handle("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), -1);
    private static final MethodHandle FALLOCATE = handle("posix_fallocate", FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), -1);
    private static final MethodHandle FALLOCATE_MODE = handle("fallocate", FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG), -1);
    private static final int FALLOC_FL_KEEP_SIZE = 0x01;
    private static final int FALLOC_FL_PUNCH_HOLE = 0x02;
    private static final int FALLOC_FL_ZERO_RANGE = 0x10;
    private static final MethodHandle MADVISE = handle("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), -1);
    private static final MethodHandle MSYNC = handle("msync", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), -1);
    private static final MethodHandle MMAP = handle("mmap", FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG), -1);
    private static final MethodHandle MUNMAP = handle("munmap", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), -1);
    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;
    private static final int MAP_SHARED = 1;
    private static final MethodHandle SCHED_SETSCHEDULER = handle("sched_setscheduler", FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS), -1);
    private static final int SCHED_IDLE = 5;
    private static final MethodHandle SCHED_SETAFFINITY = handle("sched_setaffinity", FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS), -1);
    private static final MethodHandle SCHED_GETAFFINITY = handle("sched_getaffinity", FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS), -1);
    /** Bytes of a {@code cpu_set_t}: 1024 CPUs. */
    private static final int CPU_SET_BYTES = 128;
    private static final MethodHandle SYNC_FILE_RANGE = handle("sync_file_range", FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_INT), -1);
    private static final int SYNC_FILE_RANGE_WRITE = 2;
    private static final int O_RDONLY = 0;
    private static final MethodHandle SYSCALL6 = handle("syscall", FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), 1);
    private static final MethodHandle PWRITE = LINKER.downcallHandle(
            LIBC.find("pwrite").orElseThrow(() -> new IllegalStateException("libc has no pwrite")),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle FLOCK = LINKER.downcallHandle(
            LIBC.find("flock").orElseThrow(() -> new IllegalStateException("libc has no flock")),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.captureCallState("errno")); // the handle takes the capture segment first
    /** {@code flock} operations. */
    static final int LOCK_SH = 1;
    static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int EWOULDBLOCK = 11;
    /** {@link #tryLock}: the lock is held now. */
    static final int LOCKED = 0;
    /** {@link #tryLock}: someone else holds a conflicting lock. */
    static final int LOCK_BUSY = 1;
    /** {@link #tryLock}: the file system does not support the lock (some network file systems). */
    static final int LOCK_UNSUPPORTED = 2;
    private static final boolean FUTEX_AVAILABLE = "amd64".equals(System.getProperty("os.arch"))
            || "x86_64".equals(System.getProperty("os.arch"));

    private NativeIO() {
    }

    /**
     * A downcall throws nothing checked, and reports failure by its return value: whatever reaches a catch is an
     * {@link Error} (rethrown as it is, never swallowed, also on the hot path) or a bug.
     */
    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException("native call failed", t);
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, int firstVariadic) {
        MemorySegment symbol = LIBC.find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return firstVariadic < 0 ? LINKER.downcallHandle(symbol, descriptor)
                : LINKER.downcallHandle(symbol, descriptor, Linker.Option.firstVariadicArg(firstVariadic));
    }

    /**
     * Creates (or extends) a file with real blocks for its whole length.
     *
     * @param file   the file to allocate.
     * @param length its length in bytes.
     * @throws IOException naming the file if the disk is full or the call fails.
     */
    public static void allocate(Path file, long length) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), O_RDWR | O_CREAT, 0644);
            if (fd < 0) {
                throw new IOException("cannot open " + file + " to allocate it");
            }
            int rc;
            try {
                rc = (int) FALLOCATE.invokeExact(fd, 0L, length);
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
            if (rc == 28) {
                throw new IOException("disk full: cannot allocate " + length + " bytes for " + file
                        + " (free space on " + file.getParent() + " or lower the segment size)");
            } else if (rc != 0) {
                throw new IOException("posix_fallocate failed for " + file + " with errno " + rc);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    /**
     * Zeroes a page-aligned range of a file without writing it: {@code FALLOC_FL_ZERO_RANGE} (ext4, xfs), or a
     * punched hole that is allocated again (tmpfs). The page cache and every mapping see zeros afterwards.
     *
     * @param file   the file.
     * @param offset start of the range, a multiple of 4096.
     * @param length bytes to zero, a multiple of 4096.
     * @return false if the file system supports neither (the caller then writes zeros itself).
     */
    public static boolean zeroRange(Path file, long offset, long length) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), O_RDWR, 0);
            if (fd < 0) {
                return false;
            }
            try {
                if ((int) FALLOCATE_MODE.invokeExact(fd, FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE, offset, length) == 0) {
                    return true;
                }
                return (int) FALLOCATE_MODE.invokeExact(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, length) == 0
                        && (int) FALLOCATE.invokeExact(fd, offset, length) == 0;
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Faults in the pages of a shared writable mapping without changing their contents, so the writer does not
     * take the page faults itself. Best effort: a kernel without {@code MADV_POPULATE_WRITE} just returns false.
     *
     * @param address start of the range (rounded down to a page).
     * @param length  bytes to populate.
     * @return true if the kernel populated the range.
     */
    public static boolean populateWrite(long address, long length) {
        return madvise(address, length, MADV_POPULATE_WRITE);
    }

    /**
     * Faults in the pages of a mapping for reading: the page cache is filled (and zeroed) but the pages stay clean,
     * so write-back leaves them alone until the writer dirties them. Best effort.
     *
     * @param address start of the range (rounded down to a page).
     * @param length  bytes to populate.
     * @return true if the kernel populated the range.
     */
    public static boolean populateRead(long address, long length) {
        return madvise(address, length, MADV_POPULATE_READ);
    }

    /**
     * Removes a range of a shared file mapping from the process's page tables (the data stays in the page cache and
     * in the file), so that the final unmap of a large mapping is quick. Best effort.
     *
     * @param address start of the range (rounded down to a page).
     * @param length  bytes to drop.
     * @return true on success.
     */
    public static boolean dropPages(long address, long length) {
        return madvise(address, length, MADV_DONTNEED);
    }

    /**
     * Asks for huge page-cache folios mapped with huge pages (fewer faults and TLB misses). Best effort.
     *
     * @param address start of the range (rounded down to a page).
     * @param length  bytes.
     * @return true on success.
     */
    public static boolean adviseHugePages(long address, long length) {
        return madvise(address, length, MADV_HUGEPAGE);
    }

    /**
     * Maps a file shared ({@code mmap(MAP_SHARED)}), outside any Java arena: unmapping it later with {@link #unmap}
     * is one system call, without the handshake with every Java thread that closing a shared arena costs (measured
     * here: up to 20 ms to complete, once per roll, felt by the writer and every reader thread).
     *
     * @param file     the file.
     * @param length   bytes to map from its start (greater than 0).
     * @param writable read-write, else read-only.
     * @return the address of the mapping.
     * @throws IOException naming the file if it cannot be opened or mapped.
     */
    public static long map(Path file, long length, boolean writable) throws IOException {
        int fd = open(file, writable);
        if (fd < 0) {
            throw new IOException("cannot open " + file + " to map it");
        }
        try {
            return map(fd, file, length, writable);
        } finally {
            close(fd);
        }
    }

    /**
     * Unmaps what {@link #map} mapped. The caller guarantees that nothing touches the range any more.
     *
     * @param address the mapping's address.
     * @param length  its length.
     */
    public static void unmap(long address, long length) {
        try {
            int ignored = (int) MUNMAP.invokeExact(address, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Starts writing a range of a file's dirty pages to the device and returns without waiting
     * ({@code sync_file_range(SYNC_FILE_RANGE_WRITE)}): a later {@code msync} of the range then has little left to
     * wait for. Best effort; no durability guarantee by itself.
     *
     * @param fd     from {@link #open}.
     * @param offset start of the range.
     * @param length bytes.
     * @return true if the kernel accepted it.
     */
    public static boolean startWriteback(int fd, long offset, long length) {
        try {
            return (int) SYNC_FILE_RANGE.invokeExact(fd, offset, length, SYNC_FILE_RANGE_WRITE) == 0;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Writes bytes from native memory at an offset of a file ({@code pwrite}), all of them: a short write (a
     * signal) is continued where it stopped. The page cache is shared with every mapping of the file, so a mapping
     * sees the bytes as soon as this returns.
     *
     * @param fd      from {@link #open}, writable.
     * @param address the bytes.
     * @param length  how many.
     * @param offset  where in the file.
     * @return true if every byte was written; false on an error (for example a full disk).
     */
    public static boolean pwriteFully(int fd, long address, long length, long offset) {
        try {
            long done = 0;
            while (done < length) {
                long n = (long) PWRITE.invokeExact(fd, address + done, length - done, offset + done);
                if (n <= 0) {
                    return false;
                }
                done += n;
            }
            return true;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Closes a file descriptor from {@link #open}.
     *
     * @param fd the descriptor (ignored if negative).
     */
    public static void close(int fd) {
        if (fd < 0) {
            return;
        }
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Opens a file.
     *
     * @param file     the file.
     * @param writable read-write, else read-only.
     * @return a file descriptor, or -1 if it cannot be opened (gone, or no permission).
     */
    public static int open(Path file, boolean writable) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), writable ? O_RDWR : O_RDONLY, 0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Takes a BSD lock ({@code flock}) on an open file without waiting. The lock belongs to the open file
     * description, so two descriptors conflict even within one process (unlike {@code fcntl} locks, which Java's
     * {@code FileLock} uses), and it goes when the descriptor is closed, also when the process dies.
     *
     * @param fd        the descriptor.
     * @param operation {@link #LOCK_SH} or {@link #LOCK_EX}.
     * @return {@link #LOCKED}, {@link #LOCK_BUSY} (a conflicting lock is held by someone else) or
     *         {@link #LOCK_UNSUPPORTED} (any other failure).
     */
    static int tryLock(int fd, int operation) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if ((int) FLOCK.invokeExact(state, fd, operation | LOCK_NB) == 0) {
                return LOCKED;
            }
            return (int) ERRNO.get(state, 0L) == EWOULDBLOCK ? LOCK_BUSY : LOCK_UNSUPPORTED;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Maps an open file, shared.
     *
     * @param fd       the descriptor.
     * @param file     the file, for messages.
     * @param length   bytes to map from its start (greater than 0).
     * @param writable read-write, else read-only.
     * @return the address of the mapping.
     * @throws IOException naming the file if it cannot be mapped.
     */
    static long map(int fd, Path file, long length, boolean writable) throws IOException {
        try {
            long address = (long) MMAP.invokeExact(0L, length, writable ? PROT_READ | PROT_WRITE : PROT_READ,
                    MAP_SHARED, fd, 0L);
            if (address == -1L) {
                throw new IOException("cannot map " + file + " (" + length + " bytes): mmap failed");
            }
            return address;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    /**
     * Puts the calling thread in the {@code SCHED_IDLE} class: it runs only on a CPU nobody else wants, and never
     * pre-empts a runnable thread of a normal class. For opportunistic work (pre-touching pages) that must not take a
     * CPU from busy-spinning writers and readers. Best effort.
     *
     * @return true if the kernel accepted it.
     */
    public static boolean idlePriorityForThisThread() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment param = arena.allocate(ValueLayout.JAVA_INT); // struct sched_param { int priority = 0 }
            return (int) SCHED_SETSCHEDULER.invokeExact(0, SCHED_IDLE, param) == 0;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Restricts the calling thread to a set of CPUs ({@code sched_setaffinity}).
     *
     * @param cpus the CPUs, each between 0 and 1023.
     * @return 0, or -1 if the kernel refused (a CPU not online, or not allowed to this process).
     */
    public static int setAffinityOfThisThread(int[] cpus) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(CPU_SET_BYTES);
            for (int cpu : cpus) {
                int word = cpu / 64;
                mask.setAtIndex(ValueLayout.JAVA_LONG, word, mask.getAtIndex(ValueLayout.JAVA_LONG, word)
                        | (1L << (cpu % 64)));
            }
            return (int) SCHED_SETAFFINITY.invokeExact(0, (long) CPU_SET_BYTES, mask) == 0 ? 0 : -1;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * @return the CPUs the calling thread may run on ({@code sched_getaffinity}), ascending; empty if unknown.
     */
    public static int[] affinityOfThisThread() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(CPU_SET_BYTES);
            if ((int) SCHED_GETAFFINITY.invokeExact(0, (long) CPU_SET_BYTES, mask) != 0) {
                return new int[0];
            }
            return java.util.stream.IntStream.range(0, CPU_SET_BYTES * 8)
                    .filter(cpu -> (mask.getAtIndex(ValueLayout.JAVA_LONG, cpu / 64) & (1L << (cpu % 64))) != 0)
                    .toArray();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static boolean madvise(long address, long length, int advice) {
        long start = address & ~(PAGE - 1);
        try {
            return (int) MADVISE.invokeExact(start, length + (address - start), advice) == 0;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Writes a range of a mapping through to the storage device.
     *
     * @param address start of the range (rounded down to a page).
     * @param length  bytes to sync.
     * @return true on success.
     */
    public static boolean msync(long address, long length) {
        long start = address & ~(PAGE - 1);
        try {
            return (int) MSYNC.invokeExact(start, length + (address - start), MS_SYNC) == 0;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * @return whether futex wait/wake work on this platform (Linux x86_64).
     */
    public static boolean futexAvailable() {
        return FUTEX_AVAILABLE;
    }

    /**
     * Sleeps while the 32-bit word at {@code address} still holds {@code expected}, for at most the timeout.
     * The word lives in a shared file mapping, so a writer in another process can wake the sleeper. Returns on a
     * wake-up, a timeout, a signal or a changed value alike: the caller checks its condition again.
     *
     * @param address   aligned address of the futex word in a shared mapping.
     * @param expected  the value seen before deciding to sleep.
     * @param timespec  address of a 16-byte {@code struct timespec} holding the relative timeout.
     */
    public static void futexWait(long address, int expected, long timespec) {
        try {
            long ignored = (long) SYSCALL6.invokeExact(SYS_FUTEX, address, (long) FUTEX_WAIT, (long) expected,
                    timespec, 0L, 0L);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Wakes every sleeper on the futex word at {@code address}, in any process.
     *
     * @param address aligned address of the futex word.
     */
    public static void futexWakeAll(long address) {
        try {
            long ignored = (long) SYSCALL6.invokeExact(SYS_FUTEX, address, (long) FUTEX_WAKE,
                    (long) Integer.MAX_VALUE, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }
}
