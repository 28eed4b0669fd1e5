package chronicle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live path through the image's launchers: the demo feed, {@code chronicle-router} with the {@code reject}
 * venue, and {@code chronicle-live} running a strategy plug-in dropped into a plug-in folder: the strategy receives
 * books, its order goes through the router and comes back rejected, and SIGTERM stops it cleanly (onStop runs).
 * A core that does not exist is one line and exit code 1.
 */
class LiveLaunchersIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();
    private static final Path MODULE_PATH = Path.of(System.getProperty("chronicle.image.module.path",
            "target/jmods-input")).toAbsolutePath();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aDroppedInStrategyRunsLiveThroughTheRouterAndStopsOnSigterm(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        buildStrategy(work.resolve("build"), plugins.resolve("one-shot.jar"));
        Path bus = work.resolve("bus");
        Process feed = start(work, plugins, "feed", "chronicle", "feed", "--bus-root", bus.toString(), "--symbols",
                "2", "--rate", "2000");
        Process router = start(work, plugins, "router", "chronicle-router", "--bus", bus.toString(), "--strategies",
                "one-shot", "--venue", "reject");
        try {
            waitForFile(bus.resolve("ids.json"));
            Process live = start(work, plugins, "live", "chronicle-live", "--bus", bus.toString(), "--venue", "demo",
                    "--symbol", "BTC-USD", "--strategy", "one-shot", "--param", "quantity=3");
            try {
                waitForText(work.resolve("live.err"), "one-shot: event REJECTED REFUSED no market behind this router");
                live.destroy(); // SIGTERM
                assertTrue(live.waitFor(60, TimeUnit.SECONDS), "chronicle-live ends on SIGTERM");
            } finally {
                live.destroyForcibly();
            }
            String err = Files.readString(work.resolve("live.err"));
            assertTrue(err.contains("one-shot: started on demo BTC-USD"), err);
            assertTrue(err.contains("one-shot: sent order 1 quantity 3"), err);
            assertTrue(err.lines().anyMatch(l -> l.matches("one-shot: stopped after [1-9][0-9]* books")), err);
            String out = Files.readString(work.resolve("live.out"));
            assertTrue(out.startsWith("live: one-shot runs strategy one-shot (quantity=3) on demo BTC-USD; orders: "
                    + bus.resolve("strategies/one-shot/orders")), out);
            String routerErr = Files.readString(work.resolve("router.err"));
            assertTrue(routerErr.contains("router: routing the orders of strategy 'one-shot'"), routerErr);

            Process pinned = start(work, plugins, "pinned", "chronicle-live", "--bus", bus.toString(), "--venue",
                    "demo", "--symbol", "BTC-USD", "--strategy", "one-shot", "--app", "pinned", "--pin-core", "512");
            assertTrue(pinned.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, pinned.exitValue());
            List<String> lines = Files.readAllLines(work.resolve("pinned.err")).stream()
                    .filter(l -> !l.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS")).toList();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.getFirst().startsWith("chronicle live: application pinned cannot start: cannot pin "
                    + "thread 'chronicle-app-pinned' to CPU(s) [512]"), lines.getFirst());
        } finally {
            router.destroy();
            feed.destroy();
            assertTrue(router.waitFor(60, TimeUnit.SECONDS) && feed.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(Files.readString(work.resolve("router.out")).contains("router: stopped"),
                Files.readString(work.resolve("router.out")));
    }

    private static Process start(Path work, Path plugins, String name, String launcher, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(IMAGE.resolve("bin").resolve(launcher).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile()).redirectError(work.resolve(name + ".err").toFile());
        builder.environment().put("JDK_JAVA_OPTIONS", "-Dchronicle.plugins.dir=" + plugins);
        return builder.start();
    }

    private static void waitForFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            assertTrue(System.nanoTime() < deadline, "no " + file);
            Thread.sleep(50);
        }
    }

    private static void waitForText(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(file) || !Files.readString(file).contains(text)) {
            assertTrue(System.nanoTime() < deadline, () -> "no '" + text + "' in " + file + ": " + read(file));
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(none)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A strategy plug-in, compiled against the image's modules: one buy at the best bid, everything logged. */
    private static void buildStrategy(Path build, Path jar) throws IOException {
        Path src = build.resolve("src");
        write(src.resolve("test.strategy/module-info.java"), """
                module test.strategy {
                    requires chronicle.api;
                    provides chronicle.api.spi.StrategyFactory with test.strategy.OneShotFactory;
                }
                """);
        write(src.resolve("test.strategy/test/strategy/OneShotFactory.java"), """
                package test.strategy;

                import chronicle.api.spi.Parameter;
                import chronicle.api.spi.ParameterType;
                import chronicle.api.spi.Parameters;
                import chronicle.api.spi.StrategyFactory;
                import chronicle.api.strategy.BookView;
                import chronicle.api.strategy.Context;
                import chronicle.api.strategy.OrderEvent;
                import chronicle.api.strategy.Strategy;
                import chronicle.protocol.api.Side;
                import java.util.List;

                public final class OneShotFactory implements StrategyFactory {
                    @Override public String name() { return "one-shot"; }
                    @Override public List<Parameter> parameters() {
                        return List.of(new Parameter("quantity", ParameterType.INTEGER, "1", "units to buy"));
                    }
                    @Override public Strategy create(Parameters parameters) {
                        long quantity = parameters.integer("quantity");
                        return new Strategy() {
                            private long books;
                            private long sent;
                            @Override public void onStart(Context ctx) {
                                ctx.log("started on " + ctx.instruments().getFirst().label());
                            }
                            @Override public void onBook(Context ctx, BookView book) {
                                books++;
                                if (sent == 0 && book.isTwoSided()) {
                                    sent = ctx.send(ctx.newOrder().limit(0, Side.BID, book.bestBid(), quantity));
                                    ctx.log("sent order " + sent + " quantity " + quantity);
                                }
                            }
                            @Override public void onOrderEvent(Context ctx, OrderEvent event) {
                                ctx.log("event " + event.type() + " " + event.rejectReason() + " "
                                        + event.rejectText());
                            }
                            @Override public void onStop(Context ctx) {
                                ctx.log("stopped after " + books + " books");
                            }
                        };
                    }
                }
                """);
        Path classes = build.resolve("classes");
        tool("javac", "--release", String.valueOf(Runtime.version().feature()), "--module-source-path",
                src.toString(), "--module-path", MODULE_PATH.toString(), "--module", "test.strategy",
                "-d", classes.toString());
        tool("jar", "--create", "--file", jar.toString(), "--module-version", "1.0", "-C",
                classes.resolve("test.strategy").toString(), ".");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow();
        StringWriter output = new StringWriter();
        int exit = tool.run(new PrintWriter(output, true), new PrintWriter(output, true), args);
        assertEquals(0, exit, () -> name + " failed:\n" + output);
    }
}
