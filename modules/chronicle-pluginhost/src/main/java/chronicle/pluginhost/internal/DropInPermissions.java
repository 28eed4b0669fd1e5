package chronicle.pluginhost.internal;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The owner and mode check of drop-ins, after OpenSSH's {@code StrictModes}: a plug-in runs with the rights of
 * whoever starts {@code chronicle}, so a jar that another user may change (or swap, through a folder they may write
 * to) would let that user run code with those rights.
 *
 * <p>A path passes when it is owned by the launcher's user or by root, and neither its group nor other users may
 * write to it. Attributes are read following symbolic links: what counts is the file the module system opens.
 * The drop-in folder and everything inside it are checked; the folders above it are not.
 *
 * <p>On a file system without POSIX attributes (Windows, for example) owner and mode cannot be read: nothing is
 * refused, and {@link #describe()} says that the check did not run.
 */
public final class DropInPermissions {

    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    /**
     * Why a drop-in must not be loaded, and what makes it loadable.
     *
     * @param fault what is wrong, naming the path (for example {@code /opt/chronicle/plugins/x.jar is writable by
     *              other users (mode rw-rw-r--)}).
     * @param fix   what repairs it (for example {@code run chmod go-w /opt/chronicle/plugins/x.jar}).
     */
    public record Refusal(String fault, String fix) {

        /**
         * @return the fault and the fix on one line.
         */
        public String reason() {
            return fault + "; " + fix;
        }
    }

    private final boolean posix;
    private final String launcher;
    /** The owners a drop-in may have, by name as shown to users; the first is the launcher. */
    private final Map<UserPrincipal, String> trustedOwners;

    /**
     * @param fileSystem         the file system of the drop-in folder.
     * @param trustedOwnerNames  user names that may own drop-ins; the first is the user running the launcher, whom
     *                           the suggested {@code chown} names. Names the system does not know are left out.
     */
    DropInPermissions(FileSystem fileSystem, List<String> trustedOwnerNames) {
        this.posix = fileSystem.supportedFileAttributeViews().contains("posix");
        this.launcher = trustedOwnerNames.getFirst();
        this.trustedOwners = new LinkedHashMap<>();
        if (posix) {
            UserPrincipalLookupService users = fileSystem.getUserPrincipalLookupService();
            for (String name : trustedOwnerNames) {
                try {
                    trustedOwners.putIfAbsent(users.lookupPrincipalByName(name), name);
                } catch (IOException unknown) {
                    // Neither a known user nor a numeric id: no file can be owned by it.
                }
            }
        }
    }

    /**
     * The check for a launcher: drop-ins must belong to the user running this JVM, or to root.
     *
     * @param fileSystem the file system of the drop-in folder.
     * @return the check.
     */
    public static DropInPermissions forLauncher(FileSystem fileSystem) {
        String user = ProcessHandle.current().info().user().orElse(System.getProperty("user.name"));
        return new DropInPermissions(fileSystem, List.of(user, "root"));
    }

    /**
     * One path on its own: a top-level jar, or the drop-in folder itself.
     *
     * @param path the path to check.
     * @return why it must not be loaded, or empty if it may.
     */
    public Optional<Refusal> check(Path path) {
        return inspect(path, path, "");
    }

    /**
     * A folder and everything in it, as the module system reads a plug-in sub-folder: the folder, its jars and any
     * exploded module inside it.
     *
     * @param folder the folder to check.
     * @return why the folder must not be loaded (naming the first offending path), or empty if it may.
     */
    public Optional<Refusal> checkTree(Path folder) {
        List<Refusal> found = new ArrayList<>(1);
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return visit(dir);
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            return visit(file);
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            found.add(unreadable(file, e));
                            return FileVisitResult.TERMINATE;
                        }

                        private FileVisitResult visit(Path path) {
                            inspect(path, folder, "-R ").ifPresent(found::add);
                            return found.isEmpty() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                        }
                    });
        } catch (IOException e) {
            found.add(unreadable(folder, e));
        }
        return found.stream().findFirst();
    }

    /**
     * What this check verifies, for the summary of {@code chronicle plugins}.
     *
     * @return for example {@code drop-ins must be owned by alice or root and not writable by group or others}.
     */
    public String describe() {
        if (!posix) {
            return "owner and mode of drop-ins not checked: the file system has no POSIX attributes";
        }
        return "drop-ins must be owned by " + String.join(" or ", trustedOwners.values())
                + " and not writable by group or others";
    }

    private Optional<Refusal> inspect(Path path, Path fixTarget, String recursive) {
        if (!posix) {
            return Optional.empty();
        }
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class);
        } catch (IOException e) {
            return Optional.of(unreadable(path, e));
        }
        List<String> faults = new ArrayList<>(2);
        List<String> fixes = new ArrayList<>(2);
        UserPrincipal owner = attributes.owner();
        if (!trustedOwners.containsKey(owner)) {
            faults.add("is owned by " + owner.getName() + ", not by " + trustedOwnersText());
            fixes.add("chown " + recursive + launcher + " " + fixTarget);
        }
        Set<PosixFilePermission> mode = attributes.permissions();
        if (mode.stream().anyMatch(WRITABLE_BY_OTHERS::contains)) {
            faults.add("is writable by other users (mode " + PosixFilePermissions.toString(mode) + ")");
            fixes.add("chmod " + recursive + "go-w " + fixTarget);
        }
        if (faults.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(path + " " + String.join(", and ", faults),
                "run " + String.join(" and ", fixes)));
    }

    private String trustedOwnersText() {
        List<String> names = new ArrayList<>(trustedOwners.values());
        if (names.isEmpty()) {
            return "the user who runs chronicle";
        }
        if (names.getFirst().equals(launcher)) {
            names.set(0, launcher + " (who runs chronicle)");
        }
        return String.join(" or ", names);
    }

    private static Refusal unreadable(Path path, IOException e) {
        return new Refusal("cannot read the owner and mode of " + path + " (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + ")", "make it readable, or remove it");
    }
}
