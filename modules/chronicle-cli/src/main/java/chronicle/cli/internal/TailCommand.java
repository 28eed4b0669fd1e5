package chronicle.cli.internal;

import chronicle.bus.api.ConfigException;
import chronicle.bus.api.MarketName;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueInspector;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.RecordSource;
import chronicle.core.api.StartPosition;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import org.agrona.DirectBuffer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code chronicle tail}: prints records of a queue, like Unix {@code tail}: the last records, or from a sequence
 * or a time, and with {@code --follow} every new record as it is committed.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        header = "Print records of a queue: the last ones, from a sequence or a time, or follow new ones.",
        description = {"Print records of a queue: sequence, time (UTC), type, payload length and payload as hex.",
                "Without --from-seq/--from-time: the last --limit records. With one: up to --limit records from "
                        + "there. --follow then keeps printing new records until interrupted (Ctrl-C), and says "
                        + "so on standard error if the writer dies.",
                "A market-data record of a market the root's registry (ids.json) names shows the names "
                        + "(demo BTC-USD); with --venue/--symbol, names or registered ids pick an archived day.",
                "Every record's CRC32C is checked; a corrupt record stops the command with exit code 1."})
final class TailCommand implements Callable<Integer> {

    /** How often an idle follower checks whether the writer died. */
    private static final long WRITER_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Parameters(index = "0", paramLabel = "QUEUE|ROOT",
            description = "The queue directory; with --venue, an archive root.")
    Path queue;

    @ArgGroup(exclusive = false)
    ArchivedDay day;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new records until interrupted.")
    boolean follow;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10",
            description = "Without --from-*: print the last N records (default ${DEFAULT-VALUE}). With --from-*: "
                    + "print at most N records (with --follow: no limit).")
    int limit;

    @ArgGroup(exclusive = true)
    From from;

    @Option(names = "--json", description = "One JSON object per line: seq, ts (epoch ns), time, type, length, "
            + "payloadHex (the whole payload).")
    boolean json;

    @Option(names = "--hex", description = "Show market-data records as hex too, not decoded.")
    boolean hex;

    @Option(names = "--bytes", paramLabel = "N", defaultValue = "64",
            description = "Payload bytes shown as hex in text output, then '...' (default ${DEFAULT-VALUE}; 0: all).")
    int bytes;

    @Spec
    CommandSpec spec;

    /** An archived stream day, read wherever its segments are (hot, or moved to storage tiers). */
    static final class ArchivedDay {
        @Option(names = "--venue", required = true, paramLabel = "NAME|ID",
                description = "Venue of an archived day: a name, or a registered venue id.")
        String venue;

        @Option(names = "--symbol", required = true, paramLabel = "NAME|ID",
                description = "Symbol of an archived day: a name, or a registered market id.")
        String symbol;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day (UTC).")
        java.time.LocalDate date;

        @Option(names = "--stream", defaultValue = "book", paramLabel = "S",
                description = "The stream (default: ${DEFAULT-VALUE}).")
        String stream;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Configuration with the storage tiers the day's segments may have moved to.")
        Path config;
    }

    /** Where to start; at most one. */
    static final class From {
        @Option(names = "--from-seq", paramLabel = "S", required = true,
                description = "Start at sequence S (or the oldest record left, if S was deleted).")
        Long sequence;

        @Option(names = "--from-time", paramLabel = "T", required = true, converter = Units.TimeConverter.class,
                description = "Start at the first record whose timestamp is at or after T: ISO-8601 "
                        + "(2026-11-22T10:00:00Z) or epoch nanoseconds.")
        Long time;
    }

    @Override
    public Integer call() {
        if (limit < 0 || bytes < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit and --bytes must be >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecordRenderer renderer = new RecordRenderer(json, bytes, hex ? RecordRenderer.PayloadDecoder.NONE
                : chronicle.protocol.api.ProtocolJson::render, labels(err));
        if (day != null) {
            return tailArchived(out, renderer);
        }
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.latest()).verifyChecksums(true)) {
            long fromSequence = from != null && from.sequence != null ? from.sequence : Long.MIN_VALUE;
            long fromTime = from != null && from.time != null ? from.time : Long.MIN_VALUE;
            boolean started;
            if (fromSequence != Long.MIN_VALUE) {
                started = reader.seek(StartPosition.sequence(fromSequence));
            } else if (fromTime != Long.MIN_VALUE) {
                started = reader.seek(StartPosition.timestamp(fromTime));
            } else {
                started = reader.seek(StartPosition.sequence(Math.max(0, reader.nextSequence() - limit)));
            }
            Printer printer = new Printer(out, renderer, started, fromSequence, fromTime);
            if (follow) {
                follow(reader, printer, err);
            } else {
                drain(reader, printer, limit);
            }
        }
        out.flush();
        return Main.OK;
    }

    private int tailArchived(PrintWriter out, RecordRenderer renderer) {
        if (follow) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--follow reads a live queue; an archived "
                    + "day does not grow (drop --follow, or give a queue directory)");
        }
        MarketName market = ArchivedNames.of(queue, day.venue, day.symbol);
        StreamDay streamDay = new StreamDay(market.venue(), market.symbol(), day.date, day.stream);
        if (!Files.exists(Manifest.file(queue, streamDay)) && !Files.isDirectory(streamDay.queueDir(queue))) {
            throw new QueueException(queue + ": no " + streamDay + " in this archive root (chronicle manifest "
                    + queue + " lists the archived days)" + ArchivedNames.unknownHint(queue, day.venue, day.symbol));
        }
        try (Tiers tiers = ArchiveTiers.of(queue, day.config != null ? day.config : ArchiveTiers.defaultConfig())) {
            StartPosition start;
            if (from != null && from.sequence != null) {
                start = StartPosition.sequence(from.sequence);
            } else if (from != null && from.time != null) {
                start = StartPosition.timestamp(from.time);
            } else {
                try (TieredReader probe = TieredReader.open(tiers, streamDay, StartPosition.earliest(),
                        TieredReader.Options.DEFAULT)) {
                    start = StartPosition.sequence(Math.max(probe.nextSequence(), probe.endSequence() - limit));
                }
            }
            try (TieredReader reader = TieredReader.open(tiers, streamDay, start, TieredReader.Options.DEFAULT)) {
                drain(reader, new Printer(out, renderer, true, Long.MIN_VALUE, Long.MIN_VALUE), limit);
            }
        }
        out.flush();
        return Main.OK;
    }

    /** Names the markets of records through the registry of the queue's root (an archive root with --venue). */
    private RecordRenderer.MarketLabeler labels(PrintWriter err) {
        try {
            return new MarketLabels(day != null ? MarketRegistry.open(queue) : MarketRegistry.forQueue(queue));
        } catch (ConfigException e) {
            err.println("chronicle tail: " + e.getMessage() + " (markets are shown by id)");
            err.flush();
            return RecordRenderer.MarketLabeler.NONE;
        }
    }

    private static void drain(RecordSource reader, Printer printer, long max) {
        while (printer.printed < max) {
            int n = reader.poll(printer, (int) Math.min(256, max - printer.printed));
            if (n == RecordSource.CORRUPT) {
                throw new QueueException(reader.lastError());
            }
            if (n == 0) {
                return;
            }
        }
    }

    /** Prints until the thread is interrupted (Ctrl-C ends the process). */
    private void follow(QueueReader reader, Printer printer, PrintWriter err) {
        long backlog = from != null ? Long.MAX_VALUE : limit;
        drain(reader, printer, backlog);
        printer.out.flush();
        boolean reported = false;
        long nextCheck = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int n = reader.poll(printer, 256);
            if (n == QueueReader.CORRUPT) {
                throw new QueueException(reader.lastError());
            }
            if (n > 0) {
                printer.out.flush();
                continue;
            }
            long now = System.nanoTime();
            if (now - nextCheck >= 0) {
                nextCheck = now + WRITER_CHECK_NANOS;
                QueueReader.WriterState state = reader.writerState();
                if (state == QueueReader.WriterState.DEAD && !reported) {
                    long pid = QueueInspector.writer(queue).pid();
                    err.println("chronicle tail: " + queue + ": the writer (pid " + pid + ") died without closing "
                            + "the queue; still following, new records appear when a writer takes over");
                    err.flush();
                    reported = true;
                } else if (state == QueueReader.WriterState.ALIVE) {
                    reported = false;
                }
            }
            reader.await(200, TimeUnit.MILLISECONDS);
        }
    }

    /** Prints delivered records, skipping those before the start when the start was past the tail. */
    private static final class Printer implements RecordHandler {
        final PrintWriter out;
        final RecordRenderer renderer;
        final long fromSequence;
        final long fromTime;
        boolean started;
        long printed;

        Printer(PrintWriter out, RecordRenderer renderer, boolean started, long fromSequence, long fromTime) {
            this.out = out;
            this.renderer = renderer;
            this.started = started;
            this.fromSequence = fromSequence;
            this.fromTime = fromTime;
        }

        @Override
        public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset,
                             int length) {
            if (!started) {
                // The start was past the tail: print from the first record that reaches it.
                if (sequence < fromSequence || timestamp < fromTime) {
                    return;
                }
                started = true;
            }
            out.println(renderer.render(type, sequence, timestamp, buffer, offset, length));
            printed++;
        }
    }
}
