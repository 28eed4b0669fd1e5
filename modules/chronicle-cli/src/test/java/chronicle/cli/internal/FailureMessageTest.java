package chronicle.cli.internal;

import chronicle.ingest.spi.ImportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(20)
class FailureMessageTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintTheImportersReasonWithoutTheClassNameOfEitherException() {
        Path file = dir.resolve("bad.csv");
        ImportException bad = new ImportException(file, 51, "bad number '10x.5' in column price");

        String reason = FailureMessage.reason(new UncheckedIOException(bad));

        assertEquals(file + ":51: bad number '10x.5' in column price", reason);
    }

    @Test
    void shouldLookThroughWrappersWhoseMessageIsOnlyTheirCause() {
        IllegalStateException inner = new IllegalStateException("queue /q is locked by pid 42");

        assertEquals("queue /q is locked by pid 42",
                FailureMessage.reason(new ExecutionException(new RuntimeException(inner))));
    }

    @Test
    void shouldKeepAWrappersOwnMessageButDropClassNamesInsideIt() {
        RuntimeException wrapped = new RuntimeException("cannot open the archive: java.io.IOException: disk full",
                new IOException("disk full"));

        assertEquals("cannot open the archive: disk full", FailureMessage.reason(wrapped));
    }

    @Test
    void shouldSayWhatHappenedToAFileWhenTheMessageIsOnlyItsPath() {
        Path missing = dir.resolve("missing.csv");

        assertEquals(missing + ": no such file or directory",
                FailureMessage.reason(new UncheckedIOException(new NoSuchFileException(missing.toString()))));
    }

    @Test
    void shouldNameAFailureWithoutMessageInWordsAndPointToTheStackTrace() {
        String reason = FailureMessage.reason(new UnsupportedOperationException());

        assertTrue(reason.startsWith("unsupported operation (set CHRONICLE_STACK_TRACE=1"), reason);
        assertEquals("out of memory", FailureMessage.words("OutOfMemoryError"));
        assertEquals("crc mismatch", FailureMessage.words("CRCMismatchException"));
    }

    @Test
    void shouldPutAMultiLineMessageOnOneLine() {
        assertEquals("first; second", FailureMessage.reason(new IllegalArgumentException("first\n   second\n")));
    }

    @Test
    void shouldPrintTheStackTraceOnlyWhenAsked() {
        IllegalStateException failure = new IllegalStateException("broken");
        StringWriter plain = new StringWriter();
        StringWriter traced = new StringWriter();

        FailureMessage.print("tail", failure, new PrintWriter(plain), false);
        FailureMessage.print("tail", failure, new PrintWriter(traced), true);

        assertEquals("chronicle tail: broken" + System.lineSeparator(), plain.toString());
        assertTrue(traced.toString().startsWith("chronicle tail: broken" + System.lineSeparator()
                + IllegalStateException.class.getName()), traced.toString());
        assertTrue(traced.toString().contains("shouldPrintTheStackTraceOnlyWhenAsked"), traced.toString());
    }

    @Test
    void shouldReportABrokenImportLedgerInOneLineWithoutAClassName() throws IOException {
        Path ledger = Files.createDirectories(dir.resolve("imports")).resolve("ledger.jsonl");
        Files.writeString(ledger, "this is not json\n");

        JournalFixture.Result r = JournalFixture.run("imports", dir.toString());

        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("chronicle imports: " + ledger + ": unreadable import ledger: "), r.err());
        assertFalse(r.err().matches("(?s).*[A-Za-z](Exception|Error)\\b.*"), r.err());
    }
}
