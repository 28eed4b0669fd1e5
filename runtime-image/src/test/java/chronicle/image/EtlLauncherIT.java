package chronicle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code chronicle-etl} launcher of the image: {@code import} of Tardis files, then {@code extract} to Parquet
 * through the drop-in folder {@code plugins/extract-parquet/} (parquet-java in its own module layer, no Hadoop).
 */
class EtlLauncherIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();

    private static ImageProcess.Result run(Path work, String launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(IMAGE.resolve("bin").resolve(launcher).toString()));
        command.addAll(List.of(args));
        return ImageProcess.run(work, Map.of(), command);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void importsAndExtractsToParquetThroughTheDropInFolder(@TempDir Path work) throws Exception {
        ImageProcess.Result help = run(work, "chronicle-etl", "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("  extract ") && help.out().contains("  import "), help.out());

        ImageProcess.Result plugins = run(work, "chronicle", "plugins");
        assertTrue(plugins.out().lines().anyMatch(l -> l.contains("ExtractSink") && l.contains("parquet")
                && l.contains("plugins/extract-parquet/")), plugins.out() + plugins.err());

        Path book = work.resolve("book.csv");
        StringBuilder rows = new StringBuilder(
                "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
        long t = 1_793_581_200_000_000L; // 2026-11-02T01:00:00Z in microseconds
        rows.append("kraken,XBT/USD,").append(t).append(',').append(t + 400).append(",true,bid,29999.5,1.5\n");
        rows.append("kraken,XBT/USD,").append(t).append(',').append(t + 400).append(",true,ask,30000.5,2\n");
        for (int i = 1; i <= 200; i++) {
            long at = t + i * 50_000L;
            rows.append("kraken,XBT/USD,").append(at).append(',').append(at + 400).append(",false,")
                    .append(i % 2 == 0 ? "bid,29999.5," : "ask,30000.5,").append(1 + i % 7).append(".25\n");
        }
        Files.writeString(book, rows);
        Path archive = work.resolve("archive");
        ImageProcess.Result imported = run(work, "chronicle-etl", "import", "--vendor", "tardis", "--input",
                book.toString(), "--archive", archive.toString(), "--venue", "kraken", "--symbol", "XBT/USD");
        assertEquals(0, imported.exit(), imported.out() + imported.err());

        Path out = work.resolve("extract");
        ImageProcess.Result extract = run(work, "chronicle-etl", "extract", "--archive", archive.toString(),
                "--venue", "kraken",
                "--symbol", "XBT/USD", "--from", "2026-11-02", "--to", "2026-11-03", "--features",
                "mid,spread,levels:1", "--every", "100ms", "--out", out.toString());
        assertEquals(0, extract.exit(), extract.out() + extract.err());
        assertTrue(extract.out().startsWith("extracted 100 rows into 1 files ("), extract.out());
        assertTrue(extract.err().isEmpty() || extract.err().lines().allMatch(l -> l.startsWith("extract: ")),
                "only progress lines on standard error: " + extract.err());
        Path file = out.resolve("book/venue=kraken/symbol=XBT%2FUSD/date=2026-11-02/part-0.parquet");
        byte[] bytes = Files.readAllBytes(file);
        byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        assertTrue(Arrays.equals(magic, Arrays.copyOfRange(bytes, 0, 4))
                && Arrays.equals(magic, Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length)),
                "a whole Parquet file");

        ImageProcess.Result bad = run(work, "chronicle-etl", "extract", "--archive", archive.toString(),
                "--venue", "kraken",
                "--symbol", "XBT/USD", "--from", "2026-11-02", "--to", "2026-11-03", "--features", "mid,vwap",
                "--out", out.toString());
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }
}
