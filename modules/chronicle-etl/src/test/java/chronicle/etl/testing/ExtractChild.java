package chronicle.etl.testing;

import chronicle.etl.api.ExtractProgress;
import chronicle.etl.api.ExtractRequest;
import chronicle.etl.api.Extractor;
import chronicle.etl.api.FeatureSet;
import chronicle.etl.api.Sampling;
import chronicle.pluginhost.api.PluginHost;
import chronicle.replay.api.GapPolicy;

import java.nio.file.Path;
import java.util.List;

/**
 * A child JVM that extracts a whole archive as CSV, one row per event, and stops in the middle of its second
 * partition file: at the first progress report after one file is complete it prints {@code MID-FILE} and sleeps,
 * so that the test kills it (SIGKILL) while that file is half written.
 *
 * <p>Arguments: archive root, symbol, first day, the day after the last, output folder.
 */
public final class ExtractChild {

    private ExtractChild() {
    }

    /**
     * @param args archive root, symbol, first day, end day (exclusive), output folder.
     */
    public static void main(String[] args) throws InterruptedException {
        ExtractRequest request = new ExtractRequest(Path.of(args[0]), null, TardisArchive.VENUE, List.of(args[1]),
                Extracts.midnight(java.time.LocalDate.parse(args[2])),
                Extracts.midnight(java.time.LocalDate.parse(args[3])), FeatureSet.parse("mid,levels:1").features(),
                new Sampling.EveryEvent(), GapPolicy.FAIL, "csv", null, args[4], 1_000_000);
        long[] rowsOfFirstFile = {-1};
        ExtractProgress stopMidFile = (done, total, rows, bytes) -> {
            if (done == 1 && rowsOfFirstFile[0] < 0) {
                rowsOfFirstFile[0] = rows; // the report at the end of the first file
            } else if (done == 1 && rows > rowsOfFirstFile[0]) {
                System.out.println("MID-FILE");
                System.out.flush();
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        new Extractor(PluginHost.of(Path.of(args[4]).resolveSibling("no-plugins"))).run(request, stopMidFile);
    }
}
