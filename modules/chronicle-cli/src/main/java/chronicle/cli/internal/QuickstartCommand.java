package chronicle.cli.internal;

import chronicle.core.api.QueueInfo;
import chronicle.core.api.QueueInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code chronicle quickstart}: the whole pipeline on embedded defaults, in one folder and one command. The demo
 * feed writes a hot queue; the archive tap copies it; the refinery turns it into clean per-market streams with
 * snapshots; the raw archiver keeps its sealed segments (Zstandard seekable); the real samples (LOBSTER, Binance, a
 * Tardis file) are imported; a tier manager pass moves every sealed segment to a local cold tier, compressed; the
 * book at T is answered from the cold tier and checked against the book while hot; the example market maker is
 * backtested with its HTML report; and a Parquet extract is written. Every step runs the command a user would type
 * (its command line and output go to {@code quickstart.log}), and a step that fails stops the run with one line
 * naming it and the fix.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on the bundled samples in one folder: demo feed, archive tap, refinery, "
                + "raw archiver, imports, tiering to a compressed cold tier, the book at T from it, a backtest with "
                + "its HTML report and a Parquet extract; then print what each step did and where the outputs are.",
                "A rerun empties the folder it made before; a folder with other content is refused."})
final class QuickstartCommand implements Callable<Integer> {

    private static final String LOBSTER = "lobster/AAPL_2012-06-21_34200000_57600000_message_10.csv";
    private static final String BINANCE_SNAPSHOTS = "binance/BINANCE.http.0.0";
    private static final String BINANCE_STREAM = "binance/BINANCE.ws.1.0";
    private static final String TARDIS = "tardis/binance_incremental_book_L2_NKNUSDT.csv";
    private static final String AAPL_AT = "2012-06-21T13:30:10Z";
    private static final String NKNUSDT_AT = "2021-10-12T00:29:00Z";
    private static final int STEPS = 10;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "chronicle-quickstart",
            description = "The folder to work in (default: ${DEFAULT-VALUE}); created, or emptied if an earlier "
                    + "quickstart made it.")
    Path dir;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "The sample data (default: the image's samples/ folder).")
    Path samples;

    @Option(names = "--symbols", defaultValue = "4", description = "Demo feed symbols (default: ${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--rate", defaultValue = "50000",
            description = "Demo feed events per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", defaultValue = "4s", paramLabel = "DURATION",
            description = "How long the demo feed writes (default: ${DEFAULT-VALUE}).")
    String duration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (symbols < 1 || rate < 1) {
            throw new ParameterException(spec.commandLine(), "--symbols and --rate must be >= 1");
        }
        Units.parseDuration(duration);
        Path sampleDir = samples != null ? samples : Path.of(System.getProperty("java.home"), "samples");
        for (String file : List.of(LOBSTER, BINANCE_SNAPSHOTS, BINANCE_STREAM, TARDIS)) {
            if (!Files.isRegularFile(sampleDir.resolve(file))) {
                throw new IllegalArgumentException("no sample " + sampleDir.resolve(file) + ": pass --samples DIR, "
                        + "the samples/ folder of the runtime image");
            }
        }
        QuickstartFolder folder = QuickstartFolder.prepare(dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("quickstart: working in " + folder.root() + " (the configuration is "
                + folder.config().getFileName() + ", every command and its output go to "
                + folder.log().getFileName() + ")");
        out.flush();
        try (QuickstartRun run = new QuickstartRun(out, System.console() != null, folder.log(), STEPS)) {
            new Steps(run, folder, sampleDir).runAll();
            run.summary();
        } catch (QuickstartRun.StepFailure failure) {
            out.println();
            out.flush();
            throw failure;
        }
        printOutputs(out, folder);
        return Main.OK;
    }

    /** The steps, in order; fields carry what a later step checks against. */
    private final class Steps {
        private final QuickstartRun run;
        private final QuickstartFolder f;
        private final Path samples;
        private final String config;
        private long feedFrom;
        private long feedTo;
        private String hotBook;

        Steps(QuickstartRun run, QuickstartFolder folder, Path samples) {
            this.run = run;
            this.f = folder;
            this.samples = samples;
            this.config = folder.config().toString();
        }

        void runAll() {
            run.step("demo feed -> hot queue", this::feed);
            run.step("archive tap -> archive queue", this::tap);
            run.step("refinery -> clean streams", this::refine);
            run.step("raw archiver", this::rawArchive);
            run.step("imports of the samples", this::imports);
            run.step("book at T, hot", this::hotBooks);
            run.step("tier manager -> cold tier", this::tier);
            run.step("book at T, cold tier", this::coldBook);
            run.step("backtest with HTML report", this::backtest);
            run.step("Parquet extract", this::extract);
        }

        private String feed() {
            feedFrom = System.currentTimeMillis() * 1_000_000L - 1_000_000_000L;
            String output = run.chronicle("check that the folder's disk has space",
                    "feed", "--bus-root", f.bus().toString(), "--symbols", Integer.toString(symbols),
                    "--rate", Integer.toString(rate), "--duration", duration, "--segment-size", "1MiB");
            feedTo = System.currentTimeMillis() * 1_000_000L + 1_000_000_000L;
            double seconds = Double.parseDouble(find(output, "in ([0-9.]+) s to", "the feed's time"));
            QueueInfo live = QueueInspector.inspect(f.liveQueue());
            if (live.records() == 0) {
                throw new QuickstartRun.StepFailure("the demo feed wrote no events in " + duration
                        + "; give it longer with --duration");
            }
            long sealed = live.segments().stream().filter(QueueInfo.Segment::sealed).count();
            return String.format(Locale.ROOT, "%,d events of %d symbols at %,.0f events/s; %d segments (%d sealed)",
                    live.records(), symbols, live.records() / Math.max(seconds, 1e-3), live.segments().size(), sealed);
        }

        private String tap() {
            run.chronicle("run it again: the tap resumes where it stopped", "archive-tap",
                    "--live", f.liveQueue().toString(), "--archive", f.archiveQueue().toString(),
                    "--start", "earliest", "--exit-when-idle", "300ms");
            run.chronicle("the archive queue is damaged: run chronicle verify on it", "verify",
                    f.archiveQueue().toString());
            long live = QueueInspector.inspect(f.liveQueue()).records();
            long archived = QueueInspector.inspect(f.archiveQueue()).records();
            if (archived != live) {
                throw new QuickstartRun.StepFailure("the archive holds " + archived
                        + " records, the live queue " + live + "; see " + f.log());
            }
            return String.format(Locale.ROOT, "%,d records copied in order, every CRC verified", archived);
        }

        private String refine() {
            String output = run.etl("run it again: the refinery resumes exactly where it stopped", "refine",
                    "--source", f.liveQueue().toString(), "--sink", f.archive().toString(),
                    "--snapshot-interval", "1s", "--once");
            return String.format(Locale.ROOT, "%,d records into %d clean streams, %s snapshots injected, %s gap markers",
                    Long.parseLong(find(output, "(\\d+) written", "records written")),
                    queues(f.archive().resolve("demo")),
                    find(output, "(\\d+) snapshots injected", "snapshots"), find(output, "(\\d+) gap markers", "gaps"));
        }

        private String rawArchive() {
            String output = run.chronicle("check the archive folder's disk space and rights", "raw-archiver",
                    "--source", f.liveQueue().toString(), "--archive-root", f.archive().toString(),
                    "--venue", "demo", "--once", "--compress");
            return String.format(Locale.ROOT, "%s sealed segments archived: %s, %s as seekable zstd",
                    find(output, "(\\d+) segments archived", "segments archived"),
                    Units.bytes(QuickstartFolder.bytes(f.rawArchive(), ".q")),
                    Units.bytes(QuickstartFolder.bytes(f.rawArchive(), ".q.zst")));
        }

        private String imports() {
            String lobster = importEvents("lobster", "nasdaq", "AAPL", samples.resolve(LOBSTER));
            String binance = importEvents("binance", "binance", "NKNUSDT", samples.resolve(BINANCE_SNAPSHOTS),
                    samples.resolve(BINANCE_STREAM));
            String tardis = importEvents("tardis", "binance-tardis", "NKNUSDT", samples.resolve(TARDIS));
            return "LOBSTER nasdaq AAPL " + lobster + " events, Binance NKNUSDT " + binance
                    + ", the same day from a Tardis file " + tardis;
        }

        private String importEvents(String vendor, String venue, String symbol, Path... inputs) {
            String[] args = Stream.concat(Stream.of("import", "--vendor", vendor, "--input"),
                    Stream.concat(Stream.of(inputs).map(Path::toString), Stream.of("--archive", f.archive().toString(),
                            "--venue", venue, "--symbol", symbol))).toArray(String[]::new);
            return find(run.chronicle("check the sample file named above", args), "(\\d+) events", "events");
        }

        private String hotBooks() {
            hotBook = levels(book("nasdaq", "AAPL", AAPL_AT));
            String binance = levels(book("binance", "NKNUSDT", NKNUSDT_AT));
            String tardis = levels(book("binance-tardis", "NKNUSDT", NKNUSDT_AT));
            if (!binance.equals(tardis)) {
                throw new QuickstartRun.StepFailure("the book of the Tardis import differs "
                        + "from the Binance import of the same capture; see " + f.log());
            }
            return "nasdaq AAPL at " + AAPL_AT + ": " + touch(hotBook)
                    + "; the Tardis import's book equals the Binance import's";
        }

        private String tier() {
            String output = run.chronicle("check the cold tier folder (tiers.cold.root in " + config + ")",
                    "tier-manager", "--once", "--config", config);
            long before = 0;
            long after = 0;
            Matcher m = Pattern.compile("\\(zstd, (\\d+) -> (\\d+) bytes\\)").matcher(output);
            while (m.find()) {
                before += Long.parseLong(m.group(1));
                after += Long.parseLong(m.group(2));
            }
            if (!output.contains("of nasdaq/AAPL/2012-06-21/book")) {
                throw new QuickstartRun.StepFailure("the AAPL day did not move to the cold "
                        + "tier; see " + f.log());
            }
            return String.format(Locale.ROOT, "%s segments moved, %s of segment files stored as %s",
                    find(output, "(\\d+) moved", "segments moved"), Units.bytes(before), Units.bytes(after));
        }

        private String coldBook() {
            String cold = levels(book("nasdaq", "AAPL", AAPL_AT));
            if (!cold.equals(hotBook)) {
                throw new QuickstartRun.StepFailure("the book read from the cold tier "
                        + "differs from the book read while hot; see " + f.log());
            }
            return "nasdaq AAPL at " + AAPL_AT + " read from " + f.root().relativize(f.cold())
                    + " (zstd): identical to the hot book";
        }

        private String backtest() {
            String output = run.chronicle("check the strategy plug-in (chronicle plugins)", "backtest",
                    "--archive", f.archive().toString(), "--config", config, "--venue", "demo", "--symbol", "BTC-USD",
                    "--from", Long.toString(feedFrom), "--to", Long.toString(feedTo), "--strategy", "market-maker",
                    "--latency", "50us", "--report", f.report().toString());
            return String.format(Locale.ROOT, "market-maker over %,d events of demo BTC-USD: %s orders, %s fills, "
                            + "PnL %s; report %s",
                    Long.parseLong(find(output, "(\\d+) events from", "events")),
                    find(output, "orders\\s+(\\S+)", "orders"), find(output, "fills\\s+(\\S+)", "fills"),
                    find(output, "pnl\\s+(\\S+)", "pnl"), f.root().relativize(f.report().resolve("index.html")));
        }

        private String extract() {
            String output = run.etl("check the Parquet plug-in (chronicle plugins)", "extract",
                    "--archive", f.archive().toString(), "--config", config, "--venue", "demo",
                    "--symbol", "BTC-USD", "--from", Long.toString(feedFrom), "--to", Long.toString(feedTo),
                    "--features", "mid,spread,microprice,imbalance,levels:5,trades", "--every", "10ms",
                    "--format", "parquet", "--out", f.extract().toString());
            return find(output, "extracted ([\\d,]+ rows into \\d+ files \\([\\d,]+ bytes\\))", "rows") + " under "
                    + f.root().relativize(f.extract());
        }

        private String book(String venue, String symbol, String at) {
            return run.chronicle("check the import above", "book", "--archive", f.archive().toString(),
                    "--config", config, "--venue", venue, "--symbol", symbol, "--at", at, "--depth", "5");
        }
    }

    /** @return the level table of {@code chronicle book}'s output (from its header row on). */
    private static String levels(String bookOutput) {
        int table = bookOutput.indexOf("BID SIZE");
        if (table < 0) {
            throw new QuickstartRun.StepFailure("chronicle book printed no levels (see quickstart.log)");
        }
        return bookOutput.substring(table).strip();
    }

    /** @return "bid P x S, ask P x S" from a level table. */
    private static String touch(String levels) {
        String[] first = levels.lines().skip(1).findFirst().orElse("").trim().split("\\s+");
        return first.length == 4 ? "bid " + first[1] + " x " + first[0] + ", ask " + first[2] + " x " + first[3]
                : "empty book";
    }

    private static String find(String output, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new QuickstartRun.StepFailure("unexpected output, no " + what + " in it (see quickstart.log)");
        }
        return m.group(1);
    }

    private static long queues(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().equals("queue") && Files.isDirectory(p)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printOutputs(PrintWriter out, QuickstartFolder f) {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        out.println();
        out.println("outputs:");
        out.println("  hot queue       " + f.liveQueue());
        out.println("  archive queue   " + f.archiveQueue());
        out.println("  archive root    " + f.archive() + " (clean streams, imports, raw/)");
        out.println("  cold tier       " + f.cold());
        out.println("  report          " + f.report().resolve("index.html"));
        out.println("  Parquet         " + f.extract());
        out.println("  log             " + f.log());
        out.println("try next:");
        out.println("  " + bin.resolve("chronicle") + " manifest " + f.archive());
        out.println("  " + bin.resolve("chronicle") + " book --archive " + f.archive() + " --config " + f.config()
                + " --venue binance --symbol NKNUSDT --at " + NKNUSDT_AT);
        out.println("  duckdb -c \"SELECT count(*), avg(spread) FROM read_parquet('" + f.extract()
                + "/book/**/*.parquet', hive_partitioning = true)\"");
        out.flush();
    }
}
