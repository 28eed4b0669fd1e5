package chronicle.plugin.extract.parquet;

import chronicle.etl.api.ExtractSummary;
import chronicle.etl.api.Sampling;
import chronicle.etl.testing.Extracts;
import chronicle.etl.testing.TardisArchive;
import chronicle.plugin.tier.s3.LocalS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Extract output to an S3 tier of the configuration ({@code --out s3://<tier>/<prefix>}), against s3proxy: the
 * objects land under the tier's prefix in the Hive layout and read back as the same table.
 */
@Timeout(180)
class ParquetToS3Test {

    static final LocalDate DAY1 = LocalDate.of(2026, 11, 2);
    static final LocalDate DAY2 = LocalDate.of(2026, 11, 3);

    @TempDir
    Path dir;

    @Test
    void shouldPutEveryPartitionIntoTheTierUnderItsPrefix() throws Exception {
        TardisArchive archive = TardisArchive.build(dir.resolve("archive"), dir.resolve("vendor"),
                List.of("XBT/USD", "ETH/USD"), List.of(DAY1, DAY2), 400);
        try (LocalS3 s3 = LocalS3.start()) {
            Path config = Files.writeString(dir.resolve("chronicle.json"), """
                    {
                      "busRoot": "%s",
                      "archiveRoot": "%s",
                      "tiers": {
                        "lake": { "backend": "s3", "bucket": "%s", "prefix": "research/", "endpoint": "%s",
                                  "pathStyle": "true" }
                      }
                    }
                    """.formatted(dir.resolve("bus"), archive.root(), LocalS3.BUCKET, s3.endpoint()));
            ExtractSummary summary = Extracts.run(Extracts.request(archive, List.of("XBT/USD", "ETH/USD"), DAY1,
                    DAY2.plusDays(1), "mid,microprice,trades", new Sampling.Every(250_000_000L), "parquet",
                    "s3://lake/extracts/run-1", config), dir.resolve("none"));

            List<S3Object> objects = s3.raw().listObjectsV2(b -> b.bucket(LocalS3.BUCKET)
                    .prefix("research/extracts/run-1/")).contents();
            List<String> keys = objects.stream().map(S3Object::key).sorted().toList();
            assertEquals(8, keys.size(), keys.toString());
            assertEquals("research/extracts/run-1/book/venue=kraken/symbol=ETH%2FUSD/date=" + DAY1
                    + "/part-0.parquet", keys.getFirst());
            assertEquals(summary.bytes(), objects.stream().mapToLong(S3Object::size).sum(), "bytes reported = stored");

            Path copy = dir.resolve("downloaded");
            for (String key : keys) {
                Path local = copy.resolve(key.substring("research/extracts/run-1/".length()));
                Files.createDirectories(local.getParent());
                s3.raw().getObject(b -> b.bucket(LocalS3.BUCKET).key(key), local);
            }
            List<List<Object>> rows = DuckDb.query("SELECT symbol, count(*) > 50, count(microprice) = count(*) "
                    + "FROM read_parquet(" + DuckDb.quote(copy + "/book/**/*.parquet") + ", hive_partitioning = true)"
                    + " GROUP BY symbol ORDER BY symbol");
            assertEquals(List.of(List.of("ETH/USD", true, true), List.of("XBT/USD", true, true)), rows);
        }
    }
}
