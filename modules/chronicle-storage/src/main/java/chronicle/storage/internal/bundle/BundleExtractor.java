package chronicle.storage.internal.bundle;

import chronicle.storage.api.BundleException;
import chronicle.storage.spi.Compressor;
import chronicle.storage.spi.TierChecksums;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads a bundle into a staging directory and checks every file against {@code bundle.json} (each listed file
 * present once, nothing unlisted, size and CRC32C equal) before anything is installed. Files are forced to disk
 * as they are written, so what is later renamed into place survives a power cut.
 */
final class BundleExtractor {

    private BundleExtractor() {
    }

    /**
     * @param bundle     the bundle file.
     * @param compressor its outer compression.
     * @param into       an empty directory of the staging area.
     * @return the verified bundle manifest; its files are under {@code into}.
     * @throws BundleException naming the bundle, the file inside it and what is wrong.
     * @throws IOException     if the staging directory cannot be written.
     */
    static BundleManifest extract(Path bundle, Compressor compressor, Path into) throws IOException {
        if (!Files.isRegularFile(bundle)) {
            throw new BundleException(bundle + ": no such bundle file");
        }
        String current = BundleManifest.NAME;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(bundle), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(decompress(bundle, compressor, file))) {
            TarArchiveEntry head = tar.getNextEntry();
            if (head == null || !head.getName().equals(BundleManifest.NAME)) {
                throw new BundleException(bundle + ": not a Chronicle day bundle (its first file is "
                        + (head == null ? "missing" : head.getName()) + ", not " + BundleManifest.NAME + ")");
            }
            if (head.getSize() > BundleManifest.MAX_SIZE) {
                throw new BundleException(bundle + ": " + BundleManifest.NAME + " is " + head.getSize()
                        + " bytes, more than a bundle manifest can be; the bundle is damaged");
            }
            BundleManifest manifest = BundleManifest.parse(bundle.toString(), tar.readAllBytes());
            Map<String, BundleManifest.Entry> expected = new HashMap<>();
            manifest.files().forEach(e -> expected.put(e.path(), e));
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                current = entry.getName();
                String name = current;
                BundleManifest.Entry listed = expected.remove(current);
                if (listed == null) {
                    throw new BundleException(bundle + ": " + current + ": not listed in " + BundleManifest.NAME
                            + (manifest.files().stream().anyMatch(f -> f.path().equals(name))
                            ? " (it is there twice)" : "") + "; the bundle is damaged");
                }
                check(bundle, listed, copy(tar, into.resolve(current)));
            }
            if (!expected.isEmpty()) {
                String missing = manifest.files().stream().map(BundleManifest.Entry::path)
                        .filter(expected::containsKey).findFirst().orElseThrow();
                throw new BundleException(bundle + ": " + missing + ": missing, the bundle ends before it (truncated "
                        + "bundle)");
            }
            return manifest;
        } catch (StagingFailure e) {
            throw e.getCause();
        } catch (BundleException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new BundleException(bundle + ": no such bundle file", e);
        } catch (IOException | RuntimeException e) {
            // reading the bundle failed: the decompressor or the tar found its bytes cut short or damaged
            throw new BundleException(bundle + ": " + current + ": cannot be read (" + oneLine(e)
                    + "); the bundle is truncated or damaged", e);
        }
    }

    /** A failure to write the staging directory (a full disk): not the bundle's fault, reported as it is. */
    private static final class StagingFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StagingFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static InputStream decompress(Path bundle, Compressor compressor, InputStream file) {
        try {
            return compressor.decompress(file);
        } catch (IOException e) {
            throw new BundleException(bundle + ": not compressed with " + compressor.name() + " (" + oneLine(e)
                    + "); the file is damaged or not a bundle", e);
        }
    }

    /** Copies an entry's bytes into a file and forces it; returns their size and CRC32C. */
    private static long[] copy(InputStream in, Path target) throws IOException {
        CRC32C crc = new CRC32C();
        long size = 0;
        try (FileChannel channel = open(target)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new StagingFailure(e);
                }
                size += n;
            }
            try {
                channel.force(true);
            } catch (IOException e) {
                throw new StagingFailure(e);
            }
        }
        return new long[] {size, crc.getValue()};
    }

    private static FileChannel open(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StagingFailure(e);
        }
    }

    private static void check(Path bundle, BundleManifest.Entry listed, long[] got) {
        if (got[0] != listed.size()) {
            throw new BundleException(bundle + ": " + listed.path() + ": " + got[0] + " bytes, " + BundleManifest.NAME
                    + " says " + listed.size() + "; the bundle is truncated or damaged");
        }
        String crc = TierChecksums.hex(got[1]);
        if (!crc.equals(listed.crc32c())) {
            throw new BundleException(bundle + ": " + listed.path() + ": CRC32C " + crc + ", " + BundleManifest.NAME
                    + " says " + listed.crc32c() + "; the bundle is damaged");
        }
    }

    private static String oneLine(Throwable e) {
        if (e instanceof java.io.EOFException && e.getMessage() == null) {
            return "its data ends early";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", "; ");
    }
}
