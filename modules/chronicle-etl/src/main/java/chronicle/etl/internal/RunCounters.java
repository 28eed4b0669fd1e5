package chronicle.etl.internal;

import chronicle.etl.api.ExtractProgress;

/**
 * Rows, files and bytes of a run, reported to an {@link ExtractProgress} every {@value #REPORT_EVERY} rows and at
 * the end of every market day.
 */
final class RunCounters {

    private static final long REPORT_EVERY = 1 << 16;

    private final ExtractProgress progress;
    private final long partsTotal;
    private long partsDone;
    private long rows;
    private long files;
    private long bytes;
    private long openBytes;

    RunCounters(ExtractProgress progress, long partsTotal) {
        this.progress = progress;
        this.partsTotal = partsTotal;
    }

    void row(long bytesOfOpenFiles) {
        rows++;
        if ((rows & (REPORT_EVERY - 1)) == 0) {
            openBytes = bytesOfOpenFiles;
            report();
        }
    }

    void file(long size) {
        files++;
        bytes += size;
    }

    void partDone() {
        partsDone++;
        openBytes = 0;
        report();
    }

    private void report() {
        progress.update(partsDone, partsTotal, rows, bytes + openBytes);
    }

    long rows() {
        return rows;
    }

    long files() {
        return files;
    }

    long bytes() {
        return bytes;
    }
}
