package chronicle.framework.internal;

import chronicle.framework.api.QueueAccess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies and checks the permissions of a strategy's directory and queues ({@link QueueAccess}): the application
 * restricts what it creates; the router refuses a queue that other users may write to.
 */
public final class QueueAccessRules {

    private final QueueAccess access;

    /** @param access who may read and write. */
    public QueueAccessRules(QueueAccess access) {
        this.access = access;
    }

    /** @return the setting. */
    public QueueAccess access() {
        return access;
    }

    private Set<PosixFilePermission> directoryMode() {
        return PosixFilePermissions.fromString(access.hasGroup() ? "rwxrwx---" : "rwx------");
    }

    private Set<PosixFilePermission> fileMode() {
        return PosixFilePermissions.fromString(access.hasGroup() ? "rw-rw----" : "rw-------");
    }

    /**
     * Creates a directory (and its parents) and restricts it.
     *
     * @param dir the directory.
     */
    public void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            restrict(dir, directoryMode());
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot create: " + e.getMessage(), e);
        }
    }

    /**
     * Restricts a directory and everything in it that this process's user owns (directories to 0700/0770, files to
     * 0600/0660). Files of another user (the router's, in a shared group) are theirs to restrict.
     *
     * @param dir the directory.
     */
    public void restrictTree(Path dir) {
        String me = System.getProperty("user.name");
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                if (Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(me)) {
                    restrict(path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? directoryMode() : fileMode());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot restrict permissions: " + e.getMessage(), e);
        }
    }

    /** @param file a file to restrict to 0600 (or 0660). */
    public void restrictFile(Path file) {
        try {
            restrict(file, fileMode());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot restrict permissions: " + e.getMessage(), e);
        }
    }

    private void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        // A regular file is changed by its path (chmod, chown), not through a descriptor: to change a file without
        // following links the JDK opens it, and closing that descriptor would release this process's fcntl locks on
        // it, among them the writer lock of a queue it writes. It was just found not to be a symbolic link, in a
        // directory only its owner may change.
        LinkOption[] links = Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, links);
        if (access.hasGroup()) {
            GroupPrincipal group = path.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(access.group());
            view.setGroup(group);
        }
        view.setPermissions(mode);
    }

    /**
     * Checks that no one but the owner (and the configured group) may write the given paths or what the
     * directories among them hold directly.
     *
     * @param paths the strategy's directory, its orders queue, ...
     * @return null if they are safe, else one line naming the first unsafe path and the fix.
     */
    public String writableByOthers(List<Path> paths) {
        try {
            for (Path path : paths) {
                String problem = check(path);
                if (problem != null) {
                    return problem;
                }
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> children = Files.list(path)) {
                        for (Path child : children.toList()) {
                            problem = check(child);
                            if (problem != null) {
                                return problem;
                            }
                        }
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return paths.getFirst() + ": cannot read permissions: " + e.getMessage();
        }
    }

    private String check(Path path) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> mode = attributes.permissions();
        boolean othersWrite = mode.contains(PosixFilePermission.OTHERS_WRITE);
        boolean groupWrite = mode.contains(PosixFilePermission.GROUP_WRITE)
                && !(access.hasGroup() && attributes.group().getName().equals(access.group()));
        if (!othersWrite && !groupWrite) {
            return null;
        }
        return path + " may be written by other users (mode " + PosixFilePermissions.toString(mode) + ", group "
                + attributes.group().getName() + "): run 'chmod -R go-w " + path + "'"
                + (access.hasGroup() ? " or 'chgrp -R " + access.group() + " " + path + "'"
                : ", or give the router and the application the same --group if a group is meant to write");
    }
}
