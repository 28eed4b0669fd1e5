package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.ingest.testing.TestResources;
import chronicle.protocol.api.Side;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.ReplayEngine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One Tardis import run to its end into the shared {@link RecordingSink}, with its counts; and test helpers. */
final class TardisRun {

    static final int VENUE = 3;
    static final long MARKET = 17;
    static final String SYMBOL = "XBT/USD";

    final RecordingSink sink = new RecordingSink();
    final List<RecordingSink.Record> records = sink.records;
    final List<RecordingSink.GapCall> gaps = sink.gaps;
    final List<Object> all = sink.all;
    TardisStats stats;
    long rows;
    long otherRows;
    long bytesRead;
    long totalBytes;

    /** @return a FAIL-policy engine after every record (not the gap markers). */
    ReplayEngine replay() {
        return sink.replay(new ReplayEngine(GapPolicy.FAIL, 0));
    }

    /** @return the replayed book's side as "price size" mantissa strings, best first. */
    static List<String> side(ReplayEngine engine, Side side) {
        LevelView view = engine.book(VENUE, MARKET).levels();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < view.depth(side); i++) {
            out.add(view.price(side, i) + " " + view.size(side, i));
        }
        return out;
    }

    static ImportRequest request(List<Path> inputs, String stream, OnError onError) {
        return new ImportRequest(inputs, "kraken", SYMBOL, stream, VENUE, MARKET, onError, Files::newInputStream);
    }

    static TardisRun run(Path input, String stream, OnError onError) throws IOException {
        return run(request(List.of(input), stream, onError));
    }

    static TardisRun run(ImportRequest request) throws IOException {
        TardisRun out = new TardisRun();
        try (ImportSource source = new TardisAdapter().open(request)) {
            out.sink.drain(source);
            out.stats = ((TardisSource) source).stats();
            out.rows = source.rows();
            out.otherRows = source.otherRows();
            out.bytesRead = source.bytesRead();
            out.totalBytes = source.totalBytes();
        }
        return out;
    }

    /** A sample file of the test resources. */
    static Path sample(String name) {
        return TestResources.path(TardisRun.class.getResource("/tardis/" + name));
    }

    /** 10^8 x the decimal, as a mantissa. */
    static long m(String decimal) {
        return new BigDecimal(decimal).movePointRight(8).longValueExact();
    }
}
