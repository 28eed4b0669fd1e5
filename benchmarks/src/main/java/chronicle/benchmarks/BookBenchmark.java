package chronicle.benchmarks;

import chronicle.protocol.api.Side;
import chronicle.replay.api.L2Book;
import chronicle.replay.api.L3Book;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Book maintenance cost (ours only; plain heap objects, so no special JVM flags), from pre-generated streams so that
 * nothing but the book is measured:
 * <ul>
 *   <li>{@code l2LevelUpdate}: one {@link L2Book#set} per op. A cyclic stream of 64 Ki absolute level updates on a
 *   book of about 100 levels per side around a fixed mid: the level is drawn near the touch most of the time (70%
 *   within 5 ticks, 20% within 20, the rest up to 100 ticks away); an existing level is changed (85%) or deleted
 *   (15%), a missing one is inserted, so deletes and inserts near the touch come with their array shifts. The book
 *   is primed with one pass of the stream, and absolute updates keep it bounded however often the stream
 *   wraps.</li>
 *   <li>{@code l3OrderEvent}: {@link L3Book} events in a steady-state book of 10,000 resting orders over 200 levels
 *   (100 per side, 50 orders each at the start). Each invocation replays 128 Ki events from that same starting book
 *   (rebuilt before every invocation, outside the measurement), and the score is per event: 43% adds (price near
 *   the touch more often than not), 40% deletes and 6% partial cancels of random resting orders, 7% executions of
 *   the front order of a best level (half of them complete), 5% modifies (half size decreases that keep their
 *   place, half moves to another level or size). The share of adds follows the book's size, which stays near 10,000
 *   orders; a dry run in the set-up checks that every event succeeds and ends in the generator's book.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.JMH_UNSAFE})
public class BookBenchmark {

    static final long MID = 1_000_000;

    /** The L2 stream and its book. */
    @State(Scope.Thread)
    public static class L2Stream {
        static final int UPDATES = 1 << 16;
        static final int LEVELS = 100;

        final L2Book book = new L2Book();
        final Side[] sides = new Side[UPDATES];
        final long[] prices = new long[UPDATES];
        final long[] sizes = new long[UPDATES];
        int next;

        @Setup(Level.Trial)
        public void generate() {
            SplittableRandom random = new SplittableRandom(42);
            boolean[][] present = new boolean[2][LEVELS];
            for (int d = 0; d < LEVELS; d++) {
                book.set(Side.BID, MID - 1 - d, 100 + random.nextInt(5000));
                book.set(Side.ASK, MID + 1 + d, 100 + random.nextInt(5000));
                present[0][d] = true;
                present[1][d] = true;
            }
            int deletes = 0;
            int inserts = 0;
            for (int i = 0; i < UPDATES; i++) {
                int s = random.nextInt(2);
                int roll = random.nextInt(100);
                int d = roll < 70 ? random.nextInt(5) : roll < 90 ? random.nextInt(20) : random.nextInt(LEVELS);
                long size = 100 + random.nextInt(5000);
                if (present[s][d] && random.nextInt(100) < 15) {
                    size = 0;
                    present[s][d] = false;
                    deletes++;
                } else if (!present[s][d]) {
                    present[s][d] = true;
                    inserts++;
                }
                sides[i] = s == 0 ? Side.BID : Side.ASK;
                prices[i] = s == 0 ? MID - 1 - d : MID + 1 + d;
                sizes[i] = size;
            }
            for (int i = 0; i < UPDATES; i++) {
                book.set(sides[i], prices[i], sizes[i]);
            }
            System.out.printf(Locale.ROOT, "%n[l2] %d updates: %d deletes, %d inserts; depth %d/%d after priming%n",
                    UPDATES, deletes, inserts, book.depth(Side.BID), book.depth(Side.ASK));
        }
    }

    @Benchmark
    public void l2LevelUpdate(L2Stream s) {
        int i = s.next;
        s.book.set(s.sides[i], s.prices[i], s.sizes[i]);
        s.next = (i + 1) & (L2Stream.UPDATES - 1);
    }

    /** The L3 stream, its starting book and the book it is replayed on. */
    @State(Scope.Thread)
    public static class L3Stream {
        static final int EVENTS = 1 << 17;
        static final int LEVELS = 100;
        static final int PER_LEVEL = 50;
        static final int RESTING = 2 * LEVELS * PER_LEVEL;
        static final byte ADD = 0;
        static final byte DELETE = 1;
        static final byte CANCEL = 2;
        static final byte EXECUTE = 3;
        static final byte MODIFY = 4;

        final L3Book book = new L3Book();
        final long[] startIds = new long[RESTING];
        final Side[] startSides = new Side[RESTING];
        final long[] startPrices = new long[RESTING];
        final long[] startSizes = new long[RESTING];
        final byte[] kinds = new byte[EVENTS];
        final long[] ids = new long[EVENTS];
        final Side[] sides = new Side[EVENTS];
        final long[] prices = new long[EVENTS];
        final long[] sizes = new long[EVENTS];

        @Setup(Level.Trial)
        public void generate() {
            SplittableRandom random = new SplittableRandom(7);
            L3Book model = new L3Book();
            List<Long> live = new ArrayList<>();
            Map<Long, Integer> where = new HashMap<>();
            long nextId = 1;
            int n = 0;
            for (int k = 0; k < PER_LEVEL; k++) {
                for (int d = 0; d < LEVELS; d++) {
                    for (Side side : new Side[] {Side.BID, Side.ASK}) {
                        startIds[n] = nextId++;
                        startSides[n] = side;
                        startPrices[n] = price(side, d);
                        startSizes[n] = lots(random);
                        check(model.add(startIds[n], side, startPrices[n], startSizes[n]));
                        where.put(startIds[n], live.size());
                        live.add(startIds[n]);
                        n++;
                    }
                }
            }
            int[] counts = new int[5];
            for (int i = 0; i < EVENTS; i++) {
                // adds a little more or less often than removals depending on the size: the book stays near 10k
                boolean add = random.nextInt(100) < (live.size() < RESTING ? 48 : 42);
                int roll = random.nextInt(100);
                byte kind = add ? ADD : roll < 70 ? DELETE : roll < 80 ? CANCEL : roll < 92 ? EXECUTE : MODIFY;
                kinds[i] = kind;
                counts[kind]++;
                long id;
                switch (kind) {
                    case ADD -> {
                        id = nextId++;
                        sides[i] = random.nextBoolean() ? Side.BID : Side.ASK;
                        prices[i] = price(sides[i], touchBiased(random));
                        sizes[i] = lots(random);
                        check(model.add(id, sides[i], prices[i], sizes[i]));
                        where.put(id, live.size());
                        live.add(id);
                    }
                    case DELETE -> {
                        id = live.get(random.nextInt(live.size()));
                        check(model.delete(id));
                    }
                    case CANCEL -> {
                        id = live.get(random.nextInt(live.size()));
                        long size = model.orderSize(id);
                        sizes[i] = size > 1 ? 1 + random.nextLong(size - 1) : 1;
                        check(model.cancel(id, sizes[i]));
                    }
                    case EXECUTE -> {
                        Side side = random.nextBoolean() ? Side.BID : Side.ASK;
                        if (model.depth(side) == 0) {
                            side = side == Side.BID ? Side.ASK : Side.BID;
                        }
                        id = model.orderAt(side, 0, 0);
                        long size = model.orderSize(id);
                        sizes[i] = random.nextBoolean() || size == 1 ? size : 1 + random.nextLong(size - 1);
                        check(model.execute(id, sizes[i]));
                    }
                    default -> {
                        id = live.get(random.nextInt(live.size()));
                        long size = model.orderSize(id);
                        if (random.nextBoolean()) {
                            prices[i] = model.orderPrice(id);
                            sizes[i] = size > 1 ? 1 + random.nextLong(size - 1) : size;
                        } else {
                            prices[i] = price(model.orderSide(id), touchBiased(random));
                            sizes[i] = lots(random);
                        }
                        check(model.modify(id, prices[i], sizes[i]));
                    }
                }
                ids[i] = id;
                if (kind != ADD && !model.contains(id)) {
                    int at = where.remove(id);
                    long last = live.remove(live.size() - 1);
                    if (last != id) {
                        live.set(at, last);
                        where.put(last, at);
                    }
                }
            }
            // a dry run from the starting book must reproduce the generator's book exactly
            reset();
            if (replay() != 0 || book.hash() != model.hash()) {
                throw new IllegalStateException("the L3 stream does not replay");
            }
            System.out.printf(Locale.ROOT, "%n[l3] %d events on %d resting orders: %d adds, %d deletes, %d cancels, "
                    + "%d executions, %d modifies; %d orders on %d/%d levels at the end%n", EVENTS, RESTING,
                    counts[ADD], counts[DELETE], counts[CANCEL], counts[EXECUTE], counts[MODIFY], model.orderCount(),
                    model.depth(Side.BID), model.depth(Side.ASK));
        }

        /** Rebuilds the starting book (not measured). */
        @Setup(Level.Invocation)
        public void reset() {
            book.clear();
            for (int i = 0; i < RESTING; i++) {
                book.add(startIds[i], startSides[i], startPrices[i], startSizes[i]);
            }
        }

        /** @return the sum of the status codes: 0 when every event succeeded. */
        long replay() {
            L3Book b = book;
            long status = 0;
            for (int i = 0; i < EVENTS; i++) {
                long id = ids[i];
                status += switch (kinds[i]) {
                    case ADD -> b.add(id, sides[i], prices[i], sizes[i]);
                    case DELETE -> b.delete(id);
                    case CANCEL -> b.cancel(id, sizes[i]);
                    case EXECUTE -> b.execute(id, sizes[i]);
                    default -> b.modify(id, prices[i], sizes[i]);
                };
            }
            return status;
        }

        private static long price(Side side, int distance) {
            return side == Side.BID ? MID - 1 - distance : MID + 1 + distance;
        }

        /** Half within 5 ticks of the touch, a quarter within 20, a quarter anywhere in the 100 levels. */
        private static int touchBiased(SplittableRandom random) {
            int roll = random.nextInt(4);
            return roll < 2 ? random.nextInt(5) : roll == 2 ? random.nextInt(20) : random.nextInt(LEVELS);
        }

        private static long lots(SplittableRandom random) {
            return 100L * (1 + random.nextInt(20));
        }

        private static void check(int status) {
            if (status != L3Book.OK) {
                throw new IllegalStateException("generator event failed: " + status);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(L3Stream.EVENTS)
    public long l3OrderEvent(L3Stream s) {
        return s.replay();
    }
}
