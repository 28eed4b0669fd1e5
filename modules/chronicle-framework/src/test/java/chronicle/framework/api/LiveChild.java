package chronicle.framework.api;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.Strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A live application in a child JVM (for {@link LiveSignalTest}): runs a strategy that appends "start", "book" (once)
 * and "stop N" (N: books seen) to a file, prints "running" once the strategy has started, and waits for a signal.
 * Arguments: bus root, marker file.
 */
public final class LiveChild {

    private LiveChild() {
    }

    /** @param args bus root, marker file. */
    public static void main(String[] args) {
        Path bus = Path.of(args[0]);
        Path marker = Path.of(args[1]);
        Strategy strategy = new Strategy() {
            private long books;

            @Override
            public void onStart(Context ctx) {
                append(marker, "start");
            }

            @Override
            public void onBook(Context ctx, BookView book) {
                if (books++ == 0) {
                    append(marker, "book");
                }
            }

            @Override
            public void onStop(Context ctx) {
                append(marker, "stop " + books);
            }
        };
        ChronicleApp app = ChronicleApp.builder("child").bus(bus).subscribe(DemoMarket.VENUE, DemoMarket.SYMBOL)
                .strategy(strategy).build().start();
        if (app.awaitRunning(Duration.ofSeconds(30))) {
            System.out.println("running");
            System.out.flush();
        }
        app.awaitStopped(Duration.ofDays(1));
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
