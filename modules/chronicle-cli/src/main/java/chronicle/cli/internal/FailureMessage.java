package chronicle.cli.internal;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one line a failed command prints: {@code chronicle <command>: <reason>}. The reason is the failure's own
 * message, never an exception's class name: a user reads what went wrong and where, not how the code is built.
 *
 * <p>Wrappers that only carry another failure across an interface (an {@code UncheckedIOException} around a
 * checked {@code ImportException}, an {@code ExecutionException} from a worker thread: their message is empty or
 * their cause's) are looked through to the failure inside; a wrapper that adds words of its own keeps them. A file-system failure whose message is only a path gets the words of what happened to it ("no such file
 * or directory"). A failure without any message is named in words from its type, as a last resort.
 *
 * <p>The stack trace stays available for reports of a defect: with the environment variable
 * {@value #STACK_TRACE_VARIABLE} set to {@code 1} it follows the line.
 */
final class FailureMessage {

    /** Environment variable that adds the stack trace after the one-line reason. */
    static final String STACK_TRACE_VARIABLE = "CHRONICLE_STACK_TRACE";

    /** A qualified class name of an exception or error followed by a colon, as {@code Throwable.toString()} writes. */
    private static final Pattern CLASS_PREFIX =
            Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?:[A-Z][A-Za-z0-9_]*\\$)*[A-Z][A-Za-z0-9_]*(?:Exception|Error): ");

    private FailureMessage() {
    }

    /**
     * Prints the failure of one command.
     *
     * @param command    the command's name, as typed.
     * @param failure    what the command threw.
     * @param err        standard error.
     * @param stackTrace whether to print the stack trace after the line.
     */
    static void print(String command, Throwable failure, PrintWriter err, boolean stackTrace) {
        printQualified("chronicle " + command, failure, err, stackTrace);
    }

    /**
     * Prints a failure under the full name of the command that failed.
     *
     * @param qualifiedCommand the launcher and subcommand path, for example {@code chronicle-etl extract}.
     * @param failure          what the command threw.
     * @param err              standard error.
     * @param stackTrace       whether to print the stack trace too.
     */
    static void printQualified(String qualifiedCommand, Throwable failure, PrintWriter err, boolean stackTrace) {
        err.println(qualifiedCommand + ": " + reason(failure));
        if (stackTrace) {
            failure.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * @return whether the environment asks for stack traces ({@value #STACK_TRACE_VARIABLE}{@code =1}).
     */
    static boolean stackTraceRequested() {
        return "1".equals(System.getenv(STACK_TRACE_VARIABLE));
    }

    /**
     * The reason of a failure in one line, without class names.
     *
     * @param failure what a command threw.
     * @return its reason: one line, never empty.
     */
    static String reason(Throwable failure) {
        Throwable inner = unwrap(failure);
        String message = inner instanceof FileSystemException fs && fs.getReason() == null
                ? fileSystemMessage(fs) : inner.getMessage();
        if (message == null || message.isBlank()) {
            message = words(inner.getClass().getSimpleName()) + " (set " + STACK_TRACE_VARIABLE
                    + "=1 to see where it happened)";
        }
        return CLASS_PREFIX.matcher(message).replaceAll("").strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Looks through wrappers that add nothing a user needs: their message is empty or only their cause's. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current && isWrapper(current)) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isWrapper(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() || message.equals(t.getCause().toString())
                || message.equals(t.getCause().getMessage());
    }

    /** {@code NoSuchFileException} and its kin carry only the path: say what happened to it. */
    private static String fileSystemMessage(FileSystemException fs) {
        String what = switch (fs) {
            case NoSuchFileException _ -> "no such file or directory";
            case AccessDeniedException _ -> "permission denied";
            case FileAlreadyExistsException _ -> "already exists";
            case DirectoryNotEmptyException _ -> "directory not empty";
            case NotDirectoryException _ -> "not a directory";
            default -> words(fs.getClass().getSimpleName());
        };
        String file = fs.getFile() == null ? "" : fs.getFile();
        String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
        return file.isEmpty() && other.isEmpty() ? what : file + other + ": " + what;
    }

    /** {@code "OutOfMemoryError"} becomes {@code "out of memory"}: the type's name in words, without its kind. */
    static String words(String simpleName) {
        String name = simpleName.replaceFirst("(Exception|Error)$", "");
        if (name.isEmpty()) {
            return "failed without a message";
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }
}
