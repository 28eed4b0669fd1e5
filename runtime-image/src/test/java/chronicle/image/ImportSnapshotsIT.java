package chronicle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import injects a book snapshot into the imported stream every minute of exchange time (by default), so that
 * {@code chronicle book --at T} of an imported day starts from one shortly before T instead of replaying the day;
 * the book is the same as that of the same import without snapshots.
 */
class ImportSnapshotsIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();
    private static final long T0 = 1_795_305_600_000_000L; // 2026-11-22T00:00Z in microseconds
    private static final int MINUTES = 10;
    private static final Pattern READ = Pattern.compile("read (\\d+) records");
    private static final Pattern INJECTED = Pattern.compile("(\\d+) snapshot\\(s\\) injected");

    private static String ok(Path work, String... args) throws Exception {
        return ImageProcess.chronicleOk(IMAGE, work, args);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theBookAtTOfAnImportedDayStartsFromAnInjectedSnapshot(@TempDir Path work) throws Exception {
        Path input = tardisDay(work.resolve("kraken_incremental_book_L2_2026-11-22_XBT-USD.csv"));
        Path withSnapshots = work.resolve("with");
        Path without = work.resolve("without");
        String imported = ok(work, "import", "--vendor", "tardis", "--input", input.toString(), "--archive",
                withSnapshots.toString(), "--venue", "kraken", "--symbol", "XBT/USD");
        Matcher injected = INJECTED.matcher(imported);
        assertTrue(injected.find(), imported);
        assertTrue(Integer.parseInt(injected.group(1)) >= MINUTES - 1, "one a minute: " + imported);
        String plain = ok(work, "import", "--vendor", "tardis", "--input", input.toString(), "--archive",
                without.toString(), "--venue", "kraken", "--symbol", "XBT/USD", "--snapshot-interval", "off");
        assertTrue(plain.contains(" 0 snapshot(s) injected"), plain);

        for (String at : new String[] {"2026-11-22T00:04:30.5Z", "2026-11-22T00:09:59Z"}) {
            String[] text = {"book", "--archive", "", "--venue", "kraken", "--symbol", "XBT/USD", "--at", at,
                "--depth", "10"};
            text[2] = withSnapshots.toString();
            String fast = ok(work, text);
            text[2] = without.toString();
            String slow = ok(work, text);
            assertTrue(fast.contains("warm start: snapshot record in the stream"), fast);
            assertEquals(levels(slow), levels(fast), "the same book at " + at);
            long fastRead = read(fast);
            long slowRead = read(slow);
            assertTrue(fastRead <= 6_500 && fastRead * 3 < slowRead, "a minute of the stream read, not the day: "
                    + fastRead + " against " + slowRead);
        }
    }

    /** Writes ten minutes of an L2 book: a snapshot of 10 levels a side, then a diff every 10 ms. */
    private static Path tardisDay(Path file) throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
            for (int i = 0; i < 10; i++) {
                w.write("kraken,XBT/USD," + T0 + "," + T0 + ",true,bid," + (49_990 + i) + ".5,1.25\n");
                w.write("kraken,XBT/USD," + T0 + "," + T0 + ",true,ask," + (50_001 + i) + ".5,1.25\n");
            }
            for (long ts = T0 + 10_000; ts < T0 + MINUTES * 60_000_000L; ts += 10_000) {
                boolean bid = random.nextBoolean();
                int level = random.nextInt(12);
                String price = bid ? (49_999 - level) + ".5" : (50_001 + level) + ".5";
                String amount = random.nextInt(5) == 0 ? "0" : random.nextInt(1, 100) + ".125";
                w.write("kraken,XBT/USD," + ts + "," + ts + ",false," + (bid ? "bid," : "ask,") + price + ","
                        + amount + "\n");
            }
        }
        return file;
    }

    /** The level table of a text book: the lines after the warm-start line. */
    private static List<String> levels(String book) {
        List<String> lines = book.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("warm start:") || lines.get(i).startsWith("full replay:")) {
                return lines.subList(i + 1, lines.size());
            }
        }
        throw new AssertionError("no warm-start line in:\n" + book);
    }

    private static long read(String book) {
        Matcher m = READ.matcher(book);
        if (m.find()) {
            return Long.parseLong(m.group(1));
        }
        Matcher replayed = Pattern.compile("(?:replayed|full replay:) (\\d+) records").matcher(book);
        assertTrue(replayed.find(), book);
        return Long.parseLong(replayed.group(1));
    }
}
