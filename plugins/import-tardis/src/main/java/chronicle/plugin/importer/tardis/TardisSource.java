package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.Fields;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.LevelBuffer;
import chronicle.ingest.spi.LineReader;
import chronicle.ingest.spi.OnError;
import chronicle.protocol.api.StreamKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one Tardis import: reads the inputs one after the other ({@link TardisHeader} tells each file's
 * layout, {@link TardisRow} parses its rows, {@link L2Messages} groups incremental_book_L2 rows into messages,
 * {@link TardisRecords} encodes). See {@link TardisAdapter} for the rules. <b>Not thread-safe.</b>
 */
final class TardisSource implements ImportSource {

    private final ImportRequest request;
    private final boolean failFast;
    private final List<Path> paths;
    private final List<LineReader> opened = new ArrayList<>();
    private final Fields fields = new Fields((byte) ',');
    private final TardisRow row;
    private final TardisStats stats = new TardisStats();
    private final L2Messages messages = new L2Messages(stats);
    private final TardisRecords records;
    private StreamKind stream;
    private int nextPath;
    private LineReader in;
    private TardisHeader header;
    private long rows;
    private long otherRows;
    private long doneBytes;
    private long totalBytes;
    /** Whether {@link #row} was read but not yet used: it begins the next message. */
    private boolean pending;
    /** The {@code file:line: reason} of {@link #row} if it is bad (under GAP), else null. */
    private String note;

    TardisSource(ImportRequest request, StreamKind stream) {
        this.request = request;
        this.failFast = request.onError() != OnError.GAP;
        this.stream = stream;
        this.paths = List.copyOf(request.inputs());
        this.row = new TardisRow(request.symbol().strip());
        this.records = new TardisRecords(request);
    }

    TardisStats stats() {
        return stats;
    }

    /** Measures the inputs and opens the first. */
    void start() throws IOException {
        for (Path path : paths) {
            totalBytes += Files.size(path);
        }
        if (!openNext()) {
            throw new IllegalStateException("no input");
        }
    }

    private boolean openNext() throws IOException {
        if (in != null) {
            doneBytes += in.size();
            in.close();
            in = null;
        }
        if (nextPath >= paths.size()) {
            return false;
        }
        in = LineReader.open(request, paths.get(nextPath++));
        opened.add(in);
        header = TardisHeader.read(in, fields, stream);
        if (stream == null) {
            stream = header.format.stream();
        }
        return true;
    }

    @Override
    public boolean next(EventSink sink) throws IOException {
        while (true) {
            if (!pending && !readRow()) {
                if (messages.isOpen()) {
                    messages.finish(records, sink); // a message ends with its file
                    return true;
                }
                if (!openNext()) {
                    return false;
                }
                continue;
            }
            pending = false;
            if (header.format != Format.INCREMENTAL_BOOK_L2) {
                writeRow(sink);
                return true;
            }
            if (messages.isOpen() && !messages.belongs(row)) {
                messages.finish(records, sink);
                pending = true;
                return true;
            }
            boolean added = messages.isOpen() ? messages.add(row, note) : messages.start(row, note);
            if (!added) {
                String reason = "more than " + LevelBuffer.MAX_LEVELS + " levels in one message";
                if (failFast) {
                    throw in.error(reason);
                }
                messages.spoil(where(reason));
            }
        }
    }

    /**
     * Reads up to the next row of the symbol, or bad row, into {@link #row}: thrown under FAIL, its note kept
     * under GAP.
     *
     * @return false at the end of the current input.
     */
    private boolean readRow() throws IOException {
        LineReader reader = in;
        while (reader.next()) {
            rows++;
            int status = row.parse(reader, fields, header);
            if (status == TardisRow.OTHER_SYMBOL) {
                otherRows++;
                continue;
            }
            note = null;
            if (status == TardisRow.BAD) {
                if (failFast) {
                    throw reader.error(row.reason);
                }
                note = where(row.reason);
            }
            return true;
        }
        return false;
    }

    private String where(String reason) {
        return in.file() + ":" + in.lineNumber() + ": " + reason;
    }

    /** Writes the record of a trades, quotes or book_snapshot row, or the gap marker of a bad one. */
    private void writeRow(EventSink sink) {
        if (note != null) {
            records.gap(row.keyKnown ? row.localTimestamp : row.lastLocalTimestamp(), note, sink);
            return;
        }
        switch (header.format) {
            case TRADES -> {
                records.trade(row, sink);
                stats.trades++;
            }
            case QUOTES -> {
                records.quote(row, sink);
                stats.quotes++;
            }
            case BOOK_SNAPSHOT -> {
                records.levels(true, row.timestamp, row.localTimestamp, row.levels, sink);
                stats.snapshots++;
            }
            case INCREMENTAL_BOOK_L2 -> throw new IllegalStateException("grouped by L2Messages");
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long otherRows() {
        return otherRows;
    }

    @Override
    public long bytesRead() {
        return doneBytes + (in != null ? in.bytesRead() : 0);
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() throws IOException {
        try {
            ImportSource.closeAll(opened);
        } finally {
            opened.clear();
            in = null;
        }
    }
}
