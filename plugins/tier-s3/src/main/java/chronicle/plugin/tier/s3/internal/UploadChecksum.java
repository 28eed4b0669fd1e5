package chronicle.plugin.tier.s3.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * What the service checks the body of each upload request (a whole object, or one part) against, so that bytes
 * damaged on the way are refused ({@code BadDigest}) instead of stored.
 */
public enum UploadChecksum {

    /** The {@code x-amz-checksum-crc32c} header: AWS S3 and recent S3-compatible stores check it. */
    CRC32C,

    /** The {@code Content-MD5} header: every S3-compatible store checks it; costs an MD5 of each body. */
    MD5;

    static UploadChecksum valueOfSetting(String text) {
        return text.equalsIgnoreCase("md5") ? MD5 : CRC32C;
    }

    /**
     * The header value for one request body.
     *
     * @param body   the bytes.
     * @param length how many of them, from index 0.
     * @return the base64 digest this checksum's header carries.
     */
    String of(byte[] body, int length) {
        return switch (this) {
            case CRC32C -> {
                CRC32C crc = new CRC32C();
                crc.update(body, 0, length);
                yield base64Crc32c(crc.getValue());
            }
            case MD5 -> {
                MessageDigest md5 = md5();
                md5.update(body, 0, length);
                yield Base64.getEncoder().encodeToString(md5.digest());
            }
        };
    }

    /**
     * @param crc a CRC32C value.
     * @return its 4 big-endian bytes in base64, as S3 writes CRC32C checksums.
     */
    static String base64Crc32c(long crc) {
        int v = (int) crc;
        return Base64.getEncoder().encodeToString(new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8),
                (byte) v});
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no MD5, which every JDK must have", e);
        }
    }
}
