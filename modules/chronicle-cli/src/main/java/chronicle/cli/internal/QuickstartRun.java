package chronicle.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * Runs the steps of {@code chronicle quickstart}: each step runs the same commands a user would type (in this JVM,
 * through the same command classes), with their output captured into {@code quickstart.log}; the terminal shows one
 * line per step, redrawn with the time taken while it runs, and its figures when it ends. A failed command stops
 * the run with one line naming the step, the command's own error and the fix.
 */
final class QuickstartRun implements AutoCloseable {

    /** A step's outcome: its one-line figures. */
    @FunctionalInterface
    interface Step {
        String run() throws Exception;
    }

    /** A failed step: the message is the whole one-line error. */
    static final class StepFailure extends RuntimeException {
        StepFailure(String message) {
            super(message);
        }
    }

    private record Done(String name, double seconds, String figures) {
    }

    private final PrintWriter out;
    private final boolean terminal;
    private final Path log;
    private final int steps;
    private final List<Done> done = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quickstart-progress");
        t.setDaemon(true);
        return t;
    });
    private final Logger rootLogger = LogManager.getLogManager().getLogger("");
    private final Handler[] consoleHandlers;
    private final Handler logHandler;
    private final long start = System.nanoTime();

    QuickstartRun(PrintWriter out, boolean terminal, Path log, int steps) {
        this.out = out;
        this.terminal = terminal;
        this.log = log;
        this.steps = steps;
        // the commands' log lines belong in the log file, not between the progress lines
        this.consoleHandlers = rootLogger.getHandlers();
        for (Handler h : consoleHandlers) {
            rootLogger.removeHandler(h);
        }
        try {
            this.logHandler = new StreamHandler(Files.newOutputStream(log, StandardOpenOption.APPEND),
                    new SimpleFormatter());
        } catch (IOException e) {
            throw new UncheckedIOException(log + ": " + e.getMessage(), e);
        }
        logHandler.setLevel(Level.INFO);
        rootLogger.addHandler(logHandler);
    }

    /**
     * Runs one step, showing its progress.
     *
     * @param name what the step does, as the progress line and the summary show it.
     * @param step the work; returns the figures.
     * @throws StepFailure if the step failed (the message names it).
     */
    void step(String name, Step step) {
        int number = done.size() + 1;
        String label = String.format(Locale.ROOT, "[%2d/%d] %s", number, steps, name);
        long t0 = System.nanoTime();
        ScheduledFuture<?> redraw = null;
        if (terminal) {
            redraw = ticker.scheduleAtFixedRate(() -> draw(label + " ... " + seconds(t0) + " s"), 0, 200,
                    TimeUnit.MILLISECONDS);
        } else {
            out.println(label + " ...");
            out.flush();
        }
        String figures;
        try {
            figures = step.run();
        } catch (StepFailure e) {
            throw new StepFailure("step " + number + " (" + name + "): " + e.getMessage());
        } catch (Exception e) {
            throw new StepFailure("step " + number + " (" + name + "): " + FailureMessage.reason(e));
        } finally {
            if (redraw != null) {
                redraw.cancel(false);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        done.add(new Done(name, seconds, figures));
        String line = String.format(Locale.ROOT, "%s: %s (%.1f s)", label, figures, seconds);
        if (terminal) {
            draw(line);
            out.println();
        } else {
            out.println(line);
        }
        out.flush();
    }

    private synchronized void draw(String text) {
        out.print("\r" + text + "\u001b[K");
        out.flush();
    }

    private static String seconds(long t0) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Runs a {@code chronicle} command in this JVM.
     *
     * @param fix  what to do if it fails, for the error line.
     * @param args its arguments.
     * @return its standard output.
     * @throws StepFailure with the command's own one-line error.
     */
    String chronicle(String fix, String... args) {
        return command(new ChronicleCommand(), "chronicle", fix, args);
    }

    /** The same for a {@code chronicle-etl} command. */
    String etl(String fix, String... args) {
        return command(new EtlCommand(), "chronicle-etl", fix, args);
    }

    private String command(Object root, String name, String fix, String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.run(root, args, new PrintWriter(stdout), new PrintWriter(stderr), true);
        logHandler.flush();
        append("$ " + name + " " + String.join(" ", args) + "\n" + stdout + stderr + "(exit " + code + ")\n\n");
        if (code != Main.OK) {
            String error = stderr.toString().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b)
                    .orElse("exit code " + code);
            throw new StepFailure(error.strip() + "; " + fix + " (the whole output is in " + log + ")");
        }
        return stdout.toString();
    }

    private synchronized void append(String text) {
        try {
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(log + ": " + e.getMessage(), e);
        }
    }

    /** Prints the summary table of every step. */
    void summary() {
        double total = (System.nanoTime() - start) / 1e9;
        out.println();
        out.printf(Locale.ROOT, "quickstart: %d steps in %.1f s%n", done.size(), total);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STEP", "TIME", "RESULT"});
        for (Done d : done) {
            rows.add(new String[] {d.name(), String.format(Locale.ROOT, "%.1f s", d.seconds()), d.figures()});
        }
        Table.print(out, rows);
        out.flush();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        rootLogger.removeHandler(logHandler);
        logHandler.close();
        for (Handler h : consoleHandlers) {
            rootLogger.addHandler(h);
        }
    }
}
