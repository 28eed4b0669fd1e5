package chronicle.ingest.api;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
import chronicle.bus.api.StagingArea;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.ingest.spi.EventHeaderWriter;
import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.InputOpener;
import chronicle.ingest.spi.VendorAdapter;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.Gap;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.StreamKind;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Imports vendor files into the archive, bypassing the hot path:
 * <ol>
 *   <li>the ledger is asked first: the same inputs for the same target are a no-op unless forced;</li>
 *   <li>the adapter's events go to a <em>staging</em> queue under {@code <archive-root>/.staging/}, with the archive
 *       writer profile, checked on the way (journal time never steps back);</li>
 *   <li>on success the staging queue is renamed to
 *       {@code <archive-root>/<venue>/<symbol>/<date>/<stream>/queue} in one step, and the ledger records it.</li>
 * </ol>
 * Nothing half-imported is ever visible: a failed import deletes its staging queue, and one that is killed leaves
 * only a staging directory, which the next import removes. Re-running completes the import.
 */
public final class ImportPipeline {

    private final InputOpener opener;

    /**
     * @param opener opens inputs, decompressing by file name.
     */
    public ImportPipeline(InputOpener opener) {
        this.opener = opener;
    }

    /**
     * Runs an import.
     *
     * @param job      what to import.
     * @param adapter  the vendor's adapter.
     * @param version  the adapter's version, for the ledger.
     * @param progress told how it advances.
     * @return what was done.
     * @throws ImportException for bad input ({@code file:line: reason}), with the archive left as it was.
     * @throws IOException     if reading or writing fails, with the archive left as it was.
     */
    public ImportResult run(ImportJob job, VendorAdapter adapter, String version, ImportProgress progress)
            throws IOException {
        return run(job, adapter, version, progress, null);
    }

    /**
     * Runs an import, showing every record written to a tap (which may write more: injected snapshots).
     *
     * @param job      what to import.
     * @param adapter  the vendor's adapter.
     * @param version  the adapter's version, for the ledger.
     * @param progress told how it advances.
     * @param tap      sees each record written, or null.
     * @return what was done; its {@code events} count the adapter's records, its {@code added} the tap's.
     * @throws ImportException for bad input ({@code file:line: reason}), with the archive left as it was.
     * @throws IOException     if reading or writing fails, with the archive left as it was.
     */
    public ImportResult run(ImportJob job, VendorAdapter adapter, String version, ImportProgress progress,
                            ImportTap tap) throws IOException {
        List<LedgerEntry.Input> inputs = new ArrayList<>();
        for (Path input : job.inputs()) {
            if (!Files.isRegularFile(input)) {
                throw new ImportException(input, 0, "no such input file");
            }
            inputs.add(new LedgerEntry.Input(input.toString(), Files.size(input), sha256(input)));
        }
        ImportLedger ledger = new ImportLedger(job.archiveRoot());
        LedgerEntry probe = new LedgerEntry(job.vendor(), version, inputs, job.venue(), job.symbol(), job.stream(),
                "", 0, 0, 0, 0, List.of(), 0, 0, 0);
        if (!job.force()) {
            Optional<LedgerEntry> done = ledger.entries().stream().filter(e -> e.sameImportAs(probe)).findFirst();
            if (done.isPresent()) {
                LedgerEntry e = done.get();
                return new ImportResult(Path.of(e.queue()), true, e.rows(), e.otherRows(), e.events(), e.gaps(),
                        e.gapNotes(), e.firstTimestamp(), e.lastTimestamp(), 0);
            }
        }
        MarketIds.Ids ids = MarketIds.assign(job.archiveRoot(), job.venue(), job.symbol());
        Path staging = StagingArea.create(job.archiveRoot(), "import");
        Path stagedQueue = staging.resolve("queue");
        Sink sink = new Sink(ids.venueId(), ids.marketId(), tap);
        long rows;
        long otherRows;
        try {
            ImportRequest request = new ImportRequest(job.inputs(), job.venue(), job.symbol(), job.stream(),
                    ids.venueId(), ids.marketId(), job.onError(), opener);
            long total;
            try (ChronicleQueue queue = ChronicleQueue.open(stagedQueue, QueueOptions.archive().withSegmentSize(64 << 20));
                 QueueWriter writer = queue.createWriter();
                 ImportSource source = adapter.open(request)) {
                sink.writer = writer;
                total = source.totalBytes();
                long nextReport = 1 << 16;
                while (source.next(sink)) {
                    if (source.rows() >= nextReport) {
                        progress.update(source.rows(), sink.events, source.bytesRead(), total);
                        nextReport = source.rows() + (1 << 16);
                    }
                    if (sink.failure != null) {
                        throw new IOException(sink.failure);
                    }
                }
                rows = source.rows();
                otherRows = source.otherRows();
                progress.update(rows, sink.events, source.bytesRead(), total);
                writer.finish(); // a day's import is complete: all its segments sealed, ready for tiering
            }
            if (sink.events == 0) {
                throw new ImportException(job.inputs().getFirst(), 0, "no " + job.stream() + " events for "
                        + job.symbol() + " in the input (check --symbol and --stream)");
            }
            LocalDate date = job.date() != null ? job.date()
                    : Instant.ofEpochSecond(0, sink.first).atZone(ZoneOffset.UTC).toLocalDate();
            Path target = new BusLayout(job.archiveRoot(), job.archiveRoot())
                    .importQueue(job.venue(), job.symbol(), date, job.stream());
            publish(stagedQueue, target, job.force(), staging);
            ledger.add(new LedgerEntry(job.vendor(), version, inputs, job.venue(), job.symbol(), job.stream(),
                    target.toString(), rows, otherRows, sink.events, sink.gaps, sink.notes, sink.first, sink.last,
                    System.currentTimeMillis()));
            return new ImportResult(target, false, rows, otherRows, sink.events, sink.gaps, sink.notes, sink.first,
                    sink.last, sink.addedRecords);
        } finally {
            StagingArea.delete(staging);
        }
    }

    private static void publish(Path staged, Path target, boolean force, Path staging) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            if (!force) {
                throw new ImportException(target, 0, "the archive already holds an import of other input for this "
                        + "day; re-run with --force to replace it");
            }
            Path old = staging.resolve("replaced");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends the adapter's records to the staging queue, checking time order and counting, and shows the tap. */
    private static final class Sink implements EventSink {
        private final ImportTap tap;
        private final ImportTap.Appender added = this::appendAdded;
        private long addedRecords;
        private final EventHeaderWriter gapHeader;
        private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EventHeader.LENGTH + Gap.length(Gap.MAX_NOTE)]);
        private final List<String> notes = new ArrayList<>();
        private QueueWriter writer;
        private long events;
        private long gaps;
        private long first = Long.MIN_VALUE;
        private long last = Long.MIN_VALUE;
        private String failure;

        Sink(int venueId, long marketId, ImportTap tap) {
            this.gapHeader = new EventHeaderWriter(venueId, marketId, 0, 0);
            this.tap = tap;
        }

        @Override
        public void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length) {
            if (journalTimestamp < last && failure == null) {
                failure = "adapter produced time going backwards: " + journalTimestamp + " after " + last;
                return;
            }
            long seq = writer.append(type, journalTimestamp, buffer, offset, length);
            if (seq < 0) {
                failure = "cannot append a record of " + length + " bytes (status " + seq + ")";
                return;
            }
            if (first == Long.MIN_VALUE) {
                first = journalTimestamp;
            }
            last = journalTimestamp;
            events++;
            if (tap != null) {
                tap.written(type, seq, journalTimestamp, buffer, offset, length, added);
            }
        }

        private void appendAdded(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length) {
            long seq = writer.append(type, Math.max(journalTimestamp, last), buffer, offset, length);
            if (seq < 0) {
                failure = "cannot append an added record of " + length + " bytes (status " + seq + ")";
                return;
            }
            addedRecords++;
        }

        @Override
        public void gap(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
            EventHeader header = gapHeader.begin(scratch, 0, StreamKind.BOOK, EventType.GAP, BookMode.NONE,
                    journalTimestamp, journalTimestamp);
            int length = new Gap().wrap(scratch, header.bodyOffset()).set(fromId, toId, reason, note);
            gaps++;
            notes.add(note);
            append(MessageType.GAP.id(), Math.max(journalTimestamp, last == Long.MIN_VALUE ? journalTimestamp : last),
                    scratch, 0, EventHeader.LENGTH + length);
        }
    }
}
