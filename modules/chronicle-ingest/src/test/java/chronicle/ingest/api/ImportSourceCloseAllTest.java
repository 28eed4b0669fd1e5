package chronicle.ingest.api;

import chronicle.ingest.spi.ImportSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link ImportSource#closeAll}: what every multi-file source's {@code close()} relies on. */
@Timeout(10)
class ImportSourceCloseAllTest {

    @Test
    void shouldCloseEveryInputAndThrowTheFirstFailureWithTheOthersSuppressed() {
        List<String> closed = new ArrayList<>();
        IOException first = new IOException("a.csv: cannot close");
        IOException second = new IOException("c.csv: cannot close");
        List<Closeable> inputs = List.of(
                () -> {
                    closed.add("a");
                    throw first;
                },
                () -> closed.add("b"),
                () -> {
                    closed.add("c");
                    throw second;
                });
        IOException thrown = assertThrows(IOException.class, () -> ImportSource.closeAll(inputs));
        assertSame(first, thrown);
        assertArrayEquals(new Throwable[] {second}, thrown.getSuppressed());
        assertEquals(List.of("a", "b", "c"), closed, "every input is closed, also after a failure");
    }

    @Test
    void shouldCloseQuietlyWhenNothingFails() throws IOException {
        List<String> closed = new ArrayList<>();
        ImportSource.closeAll(List.<Closeable>of(() -> closed.add("a"), () -> closed.add("b")));
        assertEquals(List.of("a", "b"), closed);
    }
}
