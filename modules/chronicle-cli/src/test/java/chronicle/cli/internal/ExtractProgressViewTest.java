package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extract's progress: a bar redrawn in place on a terminal, plain lines without carriage returns otherwise. */
@Timeout(10)
class ExtractProgressViewTest {

    @Test
    void shouldPrintPlainLinesWhenNotOnATerminal() {
        StringWriter text = new StringWriter();
        ExtractProgressView view = new ExtractProgressView(new PrintWriter(text), false);
        view.update(0, 4, 65_536, 1_000_000);
        view.update(4, 4, 200_000, 3_000_000);
        String out = text.toString();
        assertFalse(out.contains("\r") || out.contains("\u001b"), out);
        assertTrue(out.lines().allMatch(l -> l.startsWith("extract: ")), out);
        assertTrue(out.lines().toList().getLast().startsWith("extract: 4/4 market days, 200,000 rows, 3,000,000 bytes"),
                out);
        assertFalse(view.midLine());
    }

    @Test
    void shouldRedrawABarInPlaceOnATerminalAndEndItsLineWhenDone() {
        StringWriter text = new StringWriter();
        ExtractProgressView view = new ExtractProgressView(new PrintWriter(text), true);
        view.update(1, 2, 10, 100);
        assertTrue(view.midLine());
        assertTrue(text.toString().startsWith("\r[" + "#".repeat(15) + " ".repeat(15) + "] 1/2 market days"),
                text.toString());
        view.update(2, 2, 20, 200);
        assertFalse(view.midLine());
        assertEquals(1, text.toString().chars().filter(c -> c == '\n').count(), "one line, redrawn: " + text);
        assertTrue(text.toString().endsWith(System.lineSeparator()), "the finished bar ends its line");
    }
}
